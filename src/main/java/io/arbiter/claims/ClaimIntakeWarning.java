package io.arbiter.claims;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * A balancing warning an import raised about this claim (docs/intake.md "Balancing warnings"): where in the file,
 * what, and the amount the file states against the amount computed from its parts. Written by intake, read here.
 */
@MappedEntity("claim_intake_warning")
public record ClaimIntakeWarning(
        @Id @GeneratedValue @Nullable Long id,
        Long claimId,
        Long importId,
        String kind,
        String location,
        String message,
        @Nullable BigDecimal stated,
        @Nullable BigDecimal computed,
        LocalDateTime createdAt) {
}
