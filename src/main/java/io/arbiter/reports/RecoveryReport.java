package io.arbiter.reports;

import io.arbiter.common.ApiException;
import io.arbiter.common.Citation;
import io.arbiter.common.Money;
import io.arbiter.rules.RuleEntry;
import io.arbiter.rules.RuleSet;
import io.arbiter.security.PracticeAccess;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Finance's recoveries: cases opened in the period, grouped by payer, track, month opened or primary
 * procedure code. Every figure is a sum of the cases' own money fields ({@link FinanceCase}), so the groups add up to
 * the totals to the cent, and the case list behind a figure ({@link #cases}) totals to that figure by construction.
 */
@Singleton
public class RecoveryReport {

    public enum GroupBy { PAYER, TRACK, MONTH, CODE }

    /** Which cases of a group a figure counts: a standing, or those awaiting payment. */
    public enum OutcomeFilter { WON, LOST, SETTLED, WITHDRAWN, OPEN, AWAITING_PAYMENT }

    /** Which cases still owe money: an award not all paid, or a fee refund not all received. */
    public enum Owes { AWARD, FEE_REFUND }

    @Serdeable
    public record Report(String groupBy, @Nullable LocalDate from, @Nullable LocalDate to, List<RecoveryRow> rows, RecoveryRow totals,
                         List<Citation> citations) {
    }

    /** The cases behind one figure, with their totals (the same sums as the figure). */
    @Serdeable
    public record CaseList(String groupBy, @Nullable String group, @Nullable String outcome, @Nullable String owes,
                           @Nullable LocalDate from, @Nullable LocalDate to, List<FinanceCase> cases, RecoveryRow totals) {
    }

    private final FinanceCases finance;
    private final RuleSet rules;
    private final Clock clock;

    public RecoveryReport(FinanceCases finance, RuleSet rules, Clock clock) {
        this.finance = finance;
        this.rules = rules;
        this.clock = clock;
    }

    public Report build(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable String groupBy, PracticeAccess access) {
        GroupBy g = groupBy(groupBy);
        checkPeriod(from, to);
        List<FinanceCase> inPeriod = finance.openedIn(from, to, access);
        Map<String, List<FinanceCase>> groups = inPeriod.stream().collect(Collectors.groupingBy(c -> c.group(g), TreeMap::new, Collectors.toList()));
        List<RecoveryRow> rows = new ArrayList<>();
        groups.forEach((name, list) -> rows.add(row(name, list)));
        return new Report(g.name(), from, to, rows, row("TOTAL", inPeriod), citations());
    }

    /** The cases opened in the period, narrowed to a group, an outcome and what they still owe (each optional). */
    public CaseList cases(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable String groupBy, @Nullable String group,
                          @Nullable String outcome, @Nullable String owes, PracticeAccess access) {
        GroupBy g = groupBy(groupBy);
        checkPeriod(from, to);
        OutcomeFilter o = constant(OutcomeFilter.class, outcome, "outcome");
        Owes w = constant(Owes.class, owes, "owes");
        Predicate<FinanceCase> keep = c -> (group == null || group.isBlank() || c.group(g).equals(group))
                && (o == null || (o == OutcomeFilter.AWAITING_PAYMENT ? c.awaitingPayment() : c.standing().name().equals(o.name())))
                && (w == null || (w == Owes.AWARD ? c.outstanding() : c.feeRefundReceivable()).signum() > 0);
        List<FinanceCase> list = finance.openedIn(from, to, access).stream().filter(keep).toList();
        return new CaseList(g.name(), group == null || group.isBlank() ? null : group, o == null ? null : o.name(), w == null ? null : w.name(),
                from, to, list, row("TOTAL", list));
    }

    /** Days from decision to first payment by payer, over the cases opened in the period that a decision left owed money. */
    public List<PaymentSpeed> paymentSpeed(@Nullable LocalDate from, @Nullable LocalDate to, PracticeAccess access) {
        checkPeriod(from, to);
        return PaymentSpeed.byPayer(finance.openedIn(from, to, access), LocalDate.now(clock));
    }

    /** Cash received by payment month, the period filtering by the payment's date. */
    public CashReceived cash(@Nullable LocalDate from, @Nullable LocalDate to, PracticeAccess access) {
        checkPeriod(from, to);
        List<io.arbiter.cases.CaseEvent> events = finance.cashEvents(from, to, access);
        return CashReceived.of(from, to, events, finance.paymentSources(events));
    }

    /** Where the fee refund rule comes from: the statute, and the regulation as the rule data cites it. */
    public List<Citation> citations() {
        List<Citation> out = new ArrayList<>();
        out.add(Citation.of(FeeRefundRule.STATUTE + ": the prevailing party's IDR entity fee is returned (loser pays)",
                "https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-title42-section300gg-111"));
        rules.find("FEDERAL_IDR.FEE_REFUND_DUE", LocalDate.now(clock)).map(RuleEntry::citation).ifPresent(out::add);
        return out;
    }

    public static GroupBy groupBy(@Nullable String groupBy) {
        GroupBy g = constant(GroupBy.class, groupBy, "groupBy");
        return g == null ? GroupBy.PAYER : g;
    }

    public static void checkPeriod(@Nullable LocalDate from, @Nullable LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw ApiException.badRequest("to is before from");
        }
    }

    private static <E extends Enum<E>> @Nullable E constant(Class<E> type, @Nullable String text, String name) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(name + " must be one of " + java.util.Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    /** One row: counts partition the cases; money is the sum of the cases' own figures. */
    public static RecoveryRow row(String group, List<FinanceCase> list) {
        int won = 0, lost = 0, settled = 0, open = 0, withdrawn = 0, awaitingPayment = 0;
        BigDecimal billed = Money.ZERO, initial = Money.ZERO, awarded = Money.ZERO, recovered = Money.ZERO, fees = Money.ZERO,
                outstanding = Money.ZERO, receivable = Money.ZERO, remitted = Money.ZERO, manual = Money.ZERO, late = Money.ZERO;
        long daysSum = 0;
        int paidCount = 0;
        for (FinanceCase c : list) {
            switch (c.standing()) {
                case WON -> won++;
                case LOST -> lost++;
                case SETTLED -> settled++;
                case WITHDRAWN -> withdrawn++;
                case OPEN -> open++;
            }
            if (c.awaitingPayment()) {
                awaitingPayment++;
            }
            billed = billed.add(c.billed());
            initial = initial.add(c.initialPaid());
            awarded = awarded.add(c.awarded());
            recovered = recovered.add(c.recovered());
            fees = fees.add(c.netFees());
            outstanding = outstanding.add(c.outstanding());
            receivable = receivable.add(c.feeRefundReceivable());
            remitted = remitted.add(c.receivedFromRemittances());
            manual = manual.add(c.receivedManually());
            late = late.add(c.paidLate());
            if (c.decided() != null && c.firstPayment() != null) {
                daysSum += ChronoUnit.DAYS.between(c.decided(), c.firstPayment());
                paidCount++;
            }
        }
        BigDecimal decidedCount = BigDecimal.valueOf(won + lost);
        return new RecoveryRow(group, list.size(), won, lost, settled, open, withdrawn, awaitingPayment, billed, initial, awarded, recovered, fees,
                recovered.subtract(fees), outstanding,
                won + lost == 0 ? null : BigDecimal.valueOf(won).divide(decidedCount, 4, RoundingMode.HALF_UP),
                paidCount == 0 ? null : BigDecimal.valueOf(daysSum).divide(BigDecimal.valueOf(paidCount), 1, RoundingMode.HALF_UP),
                receivable, remitted, manual, late);
    }
}
