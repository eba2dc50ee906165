package io.arbiter.claims;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A professional claim as billed (837P) and as paid (net of all 835 remittances). Totals are
 * kept in step with its remittances by intake; {@code paymentDate} is the <em>initial</em> payment or denial date
 * — the clock's trigger of {@link RemittanceLedger#initial} (the earliest original remittance's BPR16 / DTM*405,
 * even when later reversed), never a later correction or supplemental payment — and {@code paymentTrace} that
 * remittance's trace. Intake keeps both in step; the whole history is {@link RemittanceLedger}.
 */
@MappedEntity("claim")
public record Claim(
        @Id @GeneratedValue @Nullable Long id,
        Long practiceId,
        @Nullable Long patientId,
        @Nullable Long payerId,
        @Nullable Long planId,
        String patientControlNumber,
        @Nullable String payerClaimControlNumber,
        @Nullable String claimStatusCode,
        @Nullable String frequencyCode,
        @Nullable LocalDate serviceDateFrom,
        @Nullable LocalDate serviceDateTo,
        @Nullable String placeOfService,
        @Nullable String facilityNetworkStatus,
        @Nullable String facilityName,
        @Nullable String facilityNpi,
        @Nullable String serviceZip,
        @Nullable String serviceState,
        @Nullable String renderingNpi,
        @Nullable String billingNpi,
        @Nullable String diagnosisCodes,
        boolean emergency,
        boolean noticeConsentOnFile,
        BigDecimal totalCharge,
        BigDecimal totalPaid,
        BigDecimal patientResponsibility,
        @Nullable BigDecimal qpa,
        @Nullable LocalDate paymentDate,
        @Nullable String paymentTrace,
        @Nullable Long claimImportId,
        @Version @Nullable Long version,
        @DateCreated @Nullable LocalDateTime createdAt,
        @DateUpdated @Nullable LocalDateTime updatedAt) {

    /** Geozip for UCR benchmarks: the first three digits of the service ZIP. */
    public @Nullable String geozip() {
        return serviceZip == null || serviceZip.length() < 3 ? null : serviceZip.substring(0, 3);
    }
}
