package io.arbiter.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How long each payer takes to pay what a decision (determination, decision or settlement) says it owes: calendar days from
 * the case's first decision to its first payment received, per payer, over the cases that were owed money. Cases still
 * waiting count apart, with the longest wait so far — a payer that never pays must not look fast.
 */
@Serdeable
public record PaymentSpeed(String payer, int paid, @Nullable BigDecimal medianDays, @Nullable BigDecimal averageDays,
                           @Nullable Integer slowestDays, int awaiting, @Nullable Integer longestWaitDays) {

    public static List<PaymentSpeed> byPayer(List<FinanceCase> cases, LocalDate today) {
        Map<String, List<FinanceCase>> owed = cases.stream().filter(c -> c.decided() != null && c.awarded().signum() > 0)
                .collect(Collectors.groupingBy(FinanceCase::payer, TreeMap::new, Collectors.toList()));
        return owed.entrySet().stream().map(e -> of(e.getKey(), e.getValue(), today)).toList();
    }

    static PaymentSpeed of(String payer, List<FinanceCase> cases, LocalDate today) {
        List<Long> days = cases.stream().filter(c -> c.firstPayment() != null)
                .map(c -> Math.max(0, ChronoUnit.DAYS.between(c.decided(), c.firstPayment()))).sorted().toList();
        List<Long> waits = cases.stream().filter(c -> c.firstPayment() == null)
                .map(c -> Math.max(0, ChronoUnit.DAYS.between(c.decided(), today))).toList();
        BigDecimal median = null;
        BigDecimal average = null;
        if (!days.isEmpty()) {
            int n = days.size();
            long middle = n % 2 == 1 ? 2 * days.get(n / 2) : days.get(n / 2 - 1) + days.get(n / 2);
            median = BigDecimal.valueOf(middle).divide(BigDecimal.valueOf(2), 1, RoundingMode.HALF_UP);
            average = BigDecimal.valueOf(days.stream().mapToLong(Long::longValue).sum()).divide(BigDecimal.valueOf(n), 1, RoundingMode.HALF_UP);
        }
        return new PaymentSpeed(payer, days.size(), median, average, days.isEmpty() ? null : days.get(days.size() - 1).intValue(),
                waits.size(), waits.stream().max(Long::compare).map(Long::intValue).orElse(null));
    }
}
