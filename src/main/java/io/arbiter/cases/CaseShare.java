package io.arbiter.cases;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDateTime;

/** An attorney's access to one case. Attorneys see shared cases only. */
@MappedEntity("case_share")
public record CaseShare(
        @Id @GeneratedValue @Nullable Long id,
        Long caseId,
        String username,
        String sharedBy,
        @DateCreated @Nullable LocalDateTime createdAt) {
}
