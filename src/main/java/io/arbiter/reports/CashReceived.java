package io.arbiter.reports;

import io.arbiter.cases.CaseEvent;
import io.arbiter.cases.CaseEventType;
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
 * when the case was opened; over all dates the payments add up to the cases' payments received.
 */
@Serdeable
public record CashReceived(@Nullable LocalDate from, @Nullable LocalDate to, List<Month> months, Month totals) {

    /** One calendar month (YYYY-MM): how many payments and refunds, and their sums. */
    @Serdeable
    public record Month(String month, int payments, BigDecimal paymentsReceived, int feeRefunds, BigDecimal feeRefundsReceived,
                        BigDecimal total) {
    }

    public static CashReceived of(@Nullable LocalDate from, @Nullable LocalDate to, List<CaseEvent> events) {
        Map<String, List<CaseEvent>> byMonth = events.stream()
                .collect(Collectors.groupingBy(e -> e.eventDate().toString().substring(0, 7), TreeMap::new, Collectors.toList()));
        List<Month> months = byMonth.entrySet().stream().map(e -> month(e.getKey(), e.getValue())).toList();
        return new CashReceived(from, to, months, month("TOTAL", events));
    }

    private static Month month(String name, List<CaseEvent> events) {
        List<CaseEvent> payments = events.stream().filter(e -> e.type() == CaseEventType.PAYMENT_RECEIVED).toList();
        List<CaseEvent> refunds = events.stream().filter(e -> e.type() == CaseEventType.FEE_REFUND_RECEIVED).toList();
        BigDecimal paid = sum(payments);
        BigDecimal refunded = sum(refunds);
        return new Month(name, payments.size(), paid, refunds.size(), refunded, paid.add(refunded));
    }

    private static BigDecimal sum(List<CaseEvent> events) {
        return events.stream().map(e -> Money.cents(e.amount())).reduce(Money.ZERO, BigDecimal::add);
    }
}
