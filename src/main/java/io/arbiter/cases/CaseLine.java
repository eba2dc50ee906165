package io.arbiter.cases;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A disputed service line, with its money as it stood when the case was opened. */
@MappedEntity("case_line")
public record CaseLine(
        @Id @GeneratedValue @Nullable Long id,
        Long caseId,
        Long claimId,
        Long claimLineId,
        String procedureCode,
        @Nullable LocalDate serviceDate,
        BigDecimal billed,
        @Nullable BigDecimal allowed,
        BigDecimal paid,
        BigDecimal costSharing,
        @Nullable BigDecimal expected) {
}
