package io.arbiter.cases;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A payment received on a case (its PAYMENT_RECEIVED event) with its source: typed in, matched from an 835, or assigned
 * from the unmatched queue. {@code late} when paid after the case's PAYMENT_DUE date. A manual payment that a later 835
 * restates is confirmed ({@code confirmed*}) rather than counted again.
 */
@MappedEntity("case_payment")
public record CasePayment(
        @Id @GeneratedValue @Nullable Long id,
        Long caseId,
        @Nullable Long caseEventId,
        PaymentSource source,
        BigDecimal amount,
        LocalDate paymentDate,
        boolean late,
        @Nullable Long importId,
        @Nullable String payerClaimControlNumber,
        @Nullable String trace,
        @Nullable Long confirmedImportId,
        @Nullable String confirmedTrace,
        @Nullable LocalDate confirmedOn,
        String recordedBy,
        @DateCreated @Nullable LocalDateTime createdAt) {

    public boolean confirmed() {
        return confirmedOn != null;
    }

    CasePayment confirm(@Nullable Long importId, @Nullable String trace, LocalDate on) {
        return new CasePayment(id, caseId, caseEventId, source, amount, paymentDate, late, this.importId, payerClaimControlNumber,
                this.trace, importId, trace, on, recordedBy, createdAt);
    }
}
