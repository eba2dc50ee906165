package io.arbiter.cases;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDateTime;

/** A document attached to a case (EOB, notice sent, payer letter, IDRE determination), kept with its hash. */
@MappedEntity("case_document")
public record CaseDocument(
        @Id @GeneratedValue @Nullable Long id,
        Long caseId,
        @Nullable Long eventId,
        String kind,
        String title,
        String fileName,
        String contentType,
        String sha256,
        long sizeBytes,
        byte[] content,
        String uploadedBy,
        @DateCreated @Nullable LocalDateTime createdAt) {
}
