package io.arbiter.claims;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * One CLP loop as received, with its CAS adjustments and RARCs ({@link RemittanceDetail}). A claim's paid amount
 * is the net of its remittances that are not cancelled; a reversal (status 22) carries negative amounts and
 * cancels the original (both are kept, flagged). {@code importId} is null for a remittance not read from a file.
 */
@MappedEntity("remittance")
public record Remittance(
        @Id @GeneratedValue @Nullable Long id,
        @Nullable Long claimId,
        @Nullable Long importId,
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
        boolean cancelled,
        @Nullable String adjustments,
        @Nullable String remarkCodes,
        @DateCreated @Nullable LocalDateTime createdAt) implements PaymentEvent {

    /**
     * A remittance not read from a file (a paper EOB keyed in, demo data): the claim's payment as it stands, with
     * these adjustments and remark codes (their remittance id is ignored).
     */
    public static Remittance keyedIn(Claim claim, List<Adjustment> adjustments, List<RemarkCode> remarkCodes) {
        return new Remittance(null, claim.id(), null, claim.patientControlNumber(), claim.payerClaimControlNumber(), claim.payerId(),
                claim.claimStatusCode() == null ? "" : claim.claimStatusCode(), claim.totalCharge(), claim.totalPaid(),
                claim.patientResponsibility(), null, claim.paymentDate(), claim.paymentTrace(), false, false,
                RemittanceDetail.adjustments(adjustments), RemittanceDetail.remarks(remarkCodes), null);
    }

    /** This remittance's adjustments, claim level and line level, in the order received. */
    public List<Adjustment> adjustmentList() {
        return RemittanceDetail.adjustments(claimId, id, adjustments);
    }

    /** This remittance's remark codes, claim level and line level, in the order received. */
    public List<RemarkCode> remarkCodeList() {
        return RemittanceDetail.remarks(claimId, id, remarkCodes);
    }
}
