package io.arbiter.denials;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDateTime;

/** One item of a denial's playbook checklist; attached by referencing an uploaded case document. */
@MappedEntity("denial_evidence")
public record DenialEvidence(
        @Id @GeneratedValue @Nullable Long id,
        Long denialId,
        int itemIndex,
        String description,
        boolean required,
        boolean attached,
        @Nullable Long documentId,
        @Nullable String documentTitle,
        @Nullable String attachedBy,
        @Nullable LocalDateTime attachedAt) {

    public DenialEvidence attach(Long docId, String title, String by, LocalDateTime at) {
        return new DenialEvidence(id, denialId, itemIndex, description, required, true, docId, title, by, at);
    }
}
