package io.arbiter.reports;

import io.arbiter.security.PracticeAccess;
import io.arbiter.cases.CaseEvent;
import io.arbiter.cases.CaseEvents;
import io.arbiter.cases.CaseEventType;
import io.arbiter.cases.DisputeCase;
import io.arbiter.cases.DisputeCases;
import io.arbiter.cases.Outcome;
import io.arbiter.common.ApiException;
import io.arbiter.practice.Payer;
import io.arbiter.practice.Payers;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Finance's recoveries: cases opened in the period, grouped by payer, track, month opened or primary
 * procedure code. Every figure is a sum of the cases' own money fields, so the groups add up to the
 * totals to the cent.
 */
@Singleton
public class RecoveryReport {

    public enum GroupBy { PAYER, TRACK, MONTH, CODE }

    @Serdeable
    public record Report(String groupBy, @Nullable LocalDate from, @Nullable LocalDate to, List<RecoveryRow> rows, RecoveryRow totals) {
    }

    private static final Set<CaseEventType> DECISIONS = EnumSet.of(CaseEventType.DETERMINATION_ISSUED, CaseEventType.DECISION_ISSUED,
            CaseEventType.MFDR_DECIDED, CaseEventType.RECONSIDERATION_DECIDED, CaseEventType.APPEAL_DECIDED, CaseEventType.SETTLED);

    private final DisputeCases cases;
    private final CaseEvents events;
    private final Payers payers;

    public RecoveryReport(DisputeCases cases, CaseEvents events, Payers payers) {
        this.cases = cases;
        this.events = events;
        this.payers = payers;
    }

    @Transactional(readOnly = true)
    public Report build(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable String groupBy, PracticeAccess access) {
        GroupBy g;
        try {
            g = groupBy == null || groupBy.isBlank() ? GroupBy.PAYER : GroupBy.valueOf(groupBy.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("groupBy must be one of PAYER, TRACK, MONTH, CODE");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw ApiException.badRequest("to is before from");
        }
        List<DisputeCase> inPeriod = new ArrayList<>();
        for (DisputeCase c : cases.findAll()) {
            LocalDate opened = c.getCreatedAt() == null ? null : c.getCreatedAt().toLocalDate();
            if (access.allows(c.getPracticeId()) && opened != null && (from == null || !opened.isBefore(from))
                    && (to == null || !opened.isAfter(to))) {
                inPeriod.add(c);
            }
        }
        Map<Long, String> payerNames = payers.findAll().stream().collect(Collectors.toMap(Payer::id, Payer::name));
        Map<Long, List<CaseEvent>> eventsByCase = inPeriod.isEmpty() ? Map.of()
                : events.findByCaseIdIn(inPeriod.stream().map(DisputeCase::getId).toList()).stream()
                .collect(Collectors.groupingBy(CaseEvent::caseId));
        Function<DisputeCase, String> key = switch (g) {
            case PAYER -> c -> payerNames.getOrDefault(c.getPayerId(), "(unknown payer)");
            case TRACK -> c -> c.getTrack().name();
            case MONTH -> c -> c.getCreatedAt().toLocalDate().toString().substring(0, 7);
            case CODE -> c -> c.getPrimaryCode() == null ? "(none)" : c.getPrimaryCode();
        };
        Map<String, List<DisputeCase>> groups = inPeriod.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
        List<RecoveryRow> rows = new ArrayList<>();
        groups.forEach((name, list) -> rows.add(row(name, list, eventsByCase)));
        return new Report(g.name(), from, to, rows, row("TOTAL", inPeriod, eventsByCase));
    }

    private static RecoveryRow row(String group, List<DisputeCase> list, Map<Long, List<CaseEvent>> eventsByCase) {
        int won = 0, lost = 0, settled = 0, open = 0, withdrawn = 0, awaitingPayment = 0;
        BigDecimal billed = BigDecimal.ZERO, initial = BigDecimal.ZERO, awarded = BigDecimal.ZERO, recovered = BigDecimal.ZERO,
                fees = BigDecimal.ZERO, outstanding = BigDecimal.ZERO;
        long daysSum = 0;
        int paidCount = 0;
        for (DisputeCase c : list) {
            // one bucket per case: a won case waiting for its money is won (and awaiting payment), not also open
            if (c.getOutcome() == Outcome.WON) {
                won++;
            } else if (c.getOutcome() == Outcome.LOST) {
                lost++;
            } else if (c.getOutcome() == Outcome.SETTLED) {
                settled++;
            } else if (c.getOutcome() != null || !c.open()) {
                withdrawn++;
            } else {
                open++;
            }
            if ((c.getOutcome() == Outcome.WON || c.getOutcome() == Outcome.SETTLED) && c.outstanding().signum() > 0) {
                awaitingPayment++;
            }
            billed = billed.add(c.getBilled());
            initial = initial.add(c.getInitialPaid());
            awarded = awarded.add(c.owed());
            recovered = recovered.add(c.getPaymentsReceived());
            fees = fees.add(c.netFees());
            outstanding = outstanding.add(c.outstanding());
            LocalDate decided = eventsByCase.getOrDefault(c.getId(), List.of()).stream()
                    .filter(e -> DECISIONS.contains(e.type())).map(CaseEvent::eventDate).min(LocalDate::compareTo).orElse(null);
            if (decided != null && c.getFirstPaymentAfterAward() != null) {
                daysSum += ChronoUnit.DAYS.between(decided, c.getFirstPaymentAfterAward());
                paidCount++;
            }
        }
        BigDecimal decidedCount = BigDecimal.valueOf(won + lost);
        return new RecoveryRow(group, list.size(), won, lost, settled, open, withdrawn, awaitingPayment, billed, initial, awarded, recovered, fees,
                recovered.subtract(fees), outstanding,
                won + lost == 0 ? null : BigDecimal.valueOf(won).divide(decidedCount, 4, RoundingMode.HALF_UP),
                paidCount == 0 ? null : BigDecimal.valueOf(daysSum).divide(BigDecimal.valueOf(paidCount), 1, RoundingMode.HALF_UP));
    }
}
