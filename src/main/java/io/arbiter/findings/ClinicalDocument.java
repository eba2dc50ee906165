package io.arbiter.findings;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A structured clinical fact the scrubber reads: kind MBB_RELIEF (diagnostic medial branch block with
 * percent relief), SCS_TRIAL (trial result with percent relief), PSYCH_EVAL (result CLEARED/NOT_CLEARED),
 * RFA_RELIEF, THERAPEUTIC_INJECTION (marks a block as therapeutic, so KX is not expected).
 */
@MappedEntity("clinical_documentation")
public record ClinicalDocument(
        @Id @GeneratedValue @Nullable Long id,
        @Nullable Long patientId,
        @Nullable Long claimId,
        String kind,
        LocalDate documentDate,
        @Nullable String region,
        @Nullable Integer reliefPercent,
        @Nullable String result,
        @Nullable String note,
        @DateCreated @Nullable LocalDateTime createdAt) {

    public static ClinicalDocument of(Long patientId, Long claimId, String kind, LocalDate date, String region, Integer relief, String result) {
        return new ClinicalDocument(null, patientId, claimId, kind, date, region, relief, result, null, null);
    }
}
