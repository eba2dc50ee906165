package io.arbiter.reports;

import io.arbiter.cases.CaseEvent;
import io.arbiter.cases.CaseEventType;
import io.arbiter.cases.PaymentSource;
import io.arbiter.common.Money;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Money that actually arrived, by the calendar month of the event that recorded it: payments received from payers
 * (PAYMENT_RECEIVED) and fee refunds received (FEE_REFUND_RECEIVED), kept apart. The period filters by that date, not by
 * when the case was opened; over all dates the payments add up to the cases' payments received. Payments split by source
 * (issue 17): the bank's record (matched from an 835, or assigned from the unmatched queue) and typed in by hand — the
 * month-by-month trend of how much of the money reconciles itself.
 */
@Serdeable
public record CashReceived(@Nullable LocalDate from, @Nullable LocalDate to, List<Month> months, Month totals) {

    /** One calendar month (YYYY-MM): how many payments and refunds, and their sums. */
    @Serdeable
    public record Month(String month, int payments, BigDecimal paymentsReceived, BigDecimal fromRemittances, BigDecimal typedIn,
                        int feeRefunds, BigDecimal feeRefundsReceived, BigDecimal total) {
    }

    /** {@code sources}: payment event id → where the payment came from; an event missing there was typed in. */
    public static CashReceived of(@Nullable LocalDate from, @Nullable LocalDate to, List<CaseEvent> events, Map<Long, PaymentSource> sources) {
        Map<String, List<CaseEvent>> byMonth = events.stream()
                .collect(Collectors.groupingBy(e -> e.eventDate().toString().substring(0, 7), TreeMap::new, Collectors.toList()));
        List<Month> months = byMonth.entrySet().stream().map(e -> month(e.getKey(), e.getValue(), sources)).toList();
        return new CashReceived(from, to, months, month("TOTAL", events, sources));
    }

    private static Month month(String name, List<CaseEvent> events, Map<Long, PaymentSource> sources) {
        List<CaseEvent> payments = events.stream().filter(e -> e.type() == CaseEventType.PAYMENT_RECEIVED).toList();
        List<CaseEvent> refunds = events.stream().filter(e -> e.type() == CaseEventType.FEE_REFUND_RECEIVED).toList();
        BigDecimal paid = sum(payments);
        BigDecimal banked = sum(payments.stream().filter(e -> sources.getOrDefault(e.id(), PaymentSource.MANUAL) != PaymentSource.MANUAL).toList());
        BigDecimal refunded = sum(refunds);
        return new Month(name, payments.size(), paid, banked, paid.subtract(banked), refunds.size(), refunded, paid.add(refunded));
    }

    private static BigDecimal sum(List<CaseEvent> events) {
        return events.stream().map(e -> Money.cents(e.amount())).reduce(Money.ZERO, BigDecimal::add);
    }
}
