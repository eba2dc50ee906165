package io.arbiter.reports;

import io.arbiter.cases.CaseStage;
import io.arbiter.cases.Outcome;
import io.arbiter.rules.Track;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One case as finance reads it: the money of the case (its own fields, so rows add up to the recoveries report to the
 * cent), where it stands ({@code standing}: won, lost, settled, withdrawn or open — one per case) and the fee refund it is
 * still owed. {@code awarded} = decided − cost sharing − initial payment; {@code recovered} = payments received since;
 * {@code feesPaid} gross; {@code net} = recovered − (fees paid − fee refunds received); {@code outstanding} = awarded −
 * recovered, never below zero; {@code feeRefundDue} the FEE_REFUND_DUE deadline when the case has one.
 */
@Serdeable
public record FinanceCase(Long id, String caseNumber, String payer, Track track, CaseStage stage, @Nullable Outcome outcome,
                          Standing standing, boolean awaitingPayment, LocalDate opened, @Nullable LocalDate decided,
                          @Nullable String primaryCode, BigDecimal billed, BigDecimal initialPaid, BigDecimal awarded,
                          BigDecimal recovered, BigDecimal feesPaid, BigDecimal feeRefundsReceived, BigDecimal feeRefundReceivable,
                          @Nullable LocalDate feeRefundDue, BigDecimal net, BigDecimal outstanding, @Nullable LocalDate firstPayment,
                          BigDecimal receivedFromRemittances, BigDecimal receivedManually, BigDecimal paidLate) {

    /** Where a case stands; the five partition the cases. */
    public enum Standing { WON, LOST, SETTLED, WITHDRAWN, OPEN }

    /** Fees net of refunds received, as the recoveries report's {@code fees}. */
    public BigDecimal netFees() {
        return feesPaid.subtract(feeRefundsReceived);
    }

    /** The case's group under a grouping of the recoveries report (MONTH is the month the case was opened). */
    public String group(RecoveryReport.GroupBy by) {
        return switch (by) {
            case PAYER -> payer;
            case TRACK -> track.name();
            case MONTH -> opened.toString().substring(0, 7);
            case CODE -> primaryCode == null ? "(none)" : primaryCode;
        };
    }
}
