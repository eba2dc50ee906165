package io.arbiter.claims;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The claim document of the API contract (GET /api/v1/claims/{id}). {@code paymentDate} is the initial payment or
 * denial date (the clock's trigger, {@link RemittanceLedger#initialPaymentDate()}); {@code ledger} (an extension)
 * is the claim's whole remittance history; {@code intakeWarnings} (an extension) the balancing warnings its imports raised.
 */
@Serdeable
public record ClaimView(
        Long id,
        String patientControlNumber,
        @Nullable String payerClaimControlNumber,
        @Nullable PayerRef payer,
        @Nullable String planType,
        @Nullable String placeOfService,
        @Nullable LocalDate serviceDate,
        @Nullable String renderingNpi,
        @Nullable String billingNpi,
        @Nullable String serviceZip,
        BigDecimal totalCharge,
        BigDecimal totalPaid,
        BigDecimal patientResponsibility,
        @Nullable String claimStatusCode,
        List<String> remarkCodes,
        List<Line> lines,
        Nsa nsa,
        @Nullable LocalDate paymentDate,
        List<String> diagnosisCodes,
        @Nullable String facilityName,
        @Nullable String facilityNetworkStatus,
        List<AdjustmentView> adjustments,
        RemittanceLedger ledger,
        List<IntakeWarningView> intakeWarnings) {

    /** A balancing warning of an import about this claim (issue 22): where, what, stated against computed amount. */
    @Serdeable
    public record IntakeWarningView(Long importId, String kind, String location, String message, @Nullable BigDecimal stated,
                                    @Nullable BigDecimal computed) {
    }

    @Serdeable
    public record PayerRef(String name, String payerId) {
    }

    @Serdeable
    public record Line(Long id, int lineNumber, String procedureCode, List<String> modifiers, BigDecimal units,
                       BigDecimal charge, @Nullable BigDecimal allowed, BigDecimal paid,
                       @Nullable LocalDate serviceDate,
                       List<AdjustmentView> adjustments, List<String> remarkCodes) {
    }

    @Serdeable
    public record AdjustmentView(String group, String reasonCode, BigDecimal amount) {
    }

    @Serdeable
    public record Nsa(List<String> indicators, @Nullable BigDecimal qpa) {
    }

    /** The list row: the claim without its lines. */
    @Serdeable
    public record Summary(Long id, String patientControlNumber, @Nullable String payerClaimControlNumber,
                          @Nullable String payerName, @Nullable LocalDate serviceDate, @Nullable String placeOfService,
                          BigDecimal totalCharge, BigDecimal totalPaid, @Nullable String claimStatusCode) {
    }
}
