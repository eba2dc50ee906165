package io.arbiter.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/**
 * One group of the recoveries report. {@code awarded} is what decisions and settlements made payable
 * (decided amount − cost sharing − initial payment), {@code recovered} the money received since,
 * {@code fees} fees paid net of refunds, {@code net} = recovered − fees, {@code outstanding} = awarded − recovered
 * on each case (never below zero), {@code avgDaysToPayment} from decision to first payment. The case counts partition
 * {@code cases}: won, lost, settled, withdrawn (withdrawn, ineligible, or closed without an award) and open (not
 * decided yet); {@code awaitingPayment} counts the won or settled cases with money still outstanding (a subset).
 * {@code feeRefundReceivable}: fee refunds the cases are still owed ({@link FeeRefundRule}; Federal IDR only).
 * {@code receivedFromRemittances} + {@code receivedManually} = what the payment records hold (issue 17: the bank's
 * record versus typed in); {@code paidLate}: of it, received after the payment due date.
 */
@Serdeable
public record RecoveryRow(String group, int cases, int won, int lost, int settled, int open, int withdrawn, int awaitingPayment,
                          BigDecimal billed,
                          BigDecimal initialPaid, BigDecimal awarded, BigDecimal recovered, BigDecimal fees, BigDecimal net,
                          BigDecimal outstanding, @Nullable BigDecimal winRate, @Nullable BigDecimal avgDaysToPayment,
                          BigDecimal feeRefundReceivable, BigDecimal receivedFromRemittances, BigDecimal receivedManually,
                          BigDecimal paidLate) {
}
