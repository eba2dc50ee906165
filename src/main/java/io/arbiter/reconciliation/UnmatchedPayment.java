package io.arbiter.reconciliation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Money the reconciliation could not match (issue 17): it waits in finance's queue with the remittance detail until
 * someone assigns it to a case or a denial, or dismisses it. {@code amount} is money to the practice (a withheld PLB
 * amount is negative). {@code caseId}/{@code denialId} say where it came from, if anywhere.
 */
@Serdeable
@MappedEntity("unmatched_payment")
public record UnmatchedPayment(
        @Id @GeneratedValue @Nullable Long id,
        @Nullable Long practiceId,
        Reason reason,
        BigDecimal amount,
        @Nullable LocalDate paymentDate,
        @Nullable Long claimId,
        @Nullable Long caseId,
        @Nullable Long denialId,
        @Nullable Long providerAdjustmentId,
        @Nullable Long importId,
        @Nullable String payerClaimControlNumber,
        @Nullable String trace,
        String detail,
        Status status,
        @Nullable Long assignedCaseId,
        @Nullable Long assignedDenialId,
        @Nullable String resolvedBy,
        @Nullable LocalDateTime resolvedAt,
        @Version @Nullable Long version,
        LocalDateTime createdAt) {

    public enum Reason {
        /** A payment on a claim whose case is closed (paid, closed, withdrawn, ineligible). */
        CLOSED_CASE,
        /** More than is owed: beyond the case's outstanding amount (or nothing decided yet), or beyond the denied amount. */
        OVERPAYMENT,
        /** A provider-level adjustment (835 PLB: WO overpayment recovery, FB forward balance, L6 interest…): on no claim. */
        PROVIDER_ADJUSTMENT,
        /** The same amount as a payment typed in by hand, or near one, without a certain match: finance decides. */
        POSSIBLE_MANUAL,
        /**
         * A payment change on a claim whose original payment Arbiter never saw (its first remittance here reverses one):
         * often an award or settlement paid on a claim the payer renumbered; finance assigns it or dismisses it.
         */
        UNKNOWN_CLAIM
    }

    public enum Status { OPEN, ASSIGNED, DISMISSED }

    UnmatchedPayment resolved(Status to, @Nullable Long caseId, @Nullable Long denialId, String by, LocalDateTime at) {
        return new UnmatchedPayment(id, practiceId, reason, amount, paymentDate, claimId, this.caseId, this.denialId, providerAdjustmentId,
                importId, payerClaimControlNumber, trace, detail, to, caseId, denialId, by, at, version, createdAt);
    }
}
