package io.arbiter.claims;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One CLP loop as received. A claim's paid amount is the net of its remittances; a reversal
 * (status 22) carries negative amounts and cancels the original.
 */
@MappedEntity("remittance")
public record Remittance(
        @Id @GeneratedValue @Nullable Long id,
        @Nullable Long claimId,
        Long importId,
        String patientControlNumber,
        @Nullable String payerClaimControlNumber,
        @Nullable Long payerId,
        String claimStatusCode,
        BigDecimal totalCharge,
        BigDecimal totalPaid,
        @Nullable BigDecimal patientResponsibility,
        @Nullable String facilityCode,
        @Nullable LocalDate paymentDate,
        @Nullable String paymentTrace,
        boolean reversal,
        @DateCreated @Nullable LocalDateTime createdAt) {
}
