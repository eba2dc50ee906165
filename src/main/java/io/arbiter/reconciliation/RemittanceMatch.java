package io.arbiter.reconciliation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * How the reconciliation accounted for one remittance (CLP loop): once per remittance, so a re-import or a second 835
 * restating the same payment changes nothing. {@code amount} is what this match credited (on the remittance that
 * carried the payment; zero on the others of the same change).
 */
@MappedEntity("remittance_match")
public record RemittanceMatch(
        @Id Long remittanceId,
        Long claimId,
        Outcome outcome,
        @Nullable Long caseId,
        @Nullable Long denialId,
        @Nullable Long casePaymentId,
        @Nullable Long unmatchedPaymentId,
        BigDecimal amount,
        LocalDateTime createdAt) {

    public enum Outcome {
        /** Received before the case or denial existed (its initial payment or denial), or before reconciliation existed. */
        BASELINE,
        /** On a claim in no case and no denial: an ordinary payment, nothing to reconcile. */
        UNDISPUTED,
        /** Recorded as a payment on a case or a recovery on a denial. */
        MATCHED,
        /** Restates a payment typed in by hand: the manual payment is confirmed, nothing is added. */
        CONFIRMED,
        /** Sent to the unmatched-payments queue. */
        QUEUED,
        /** Nets to nothing (a reversal and its identical re-payment). */
        UNCHANGED
    }
}
