package io.arbiter.reports;

import io.arbiter.cases.CaseDeadline;
import io.arbiter.cases.CaseDeadlines;
import io.arbiter.cases.CaseEvent;
import io.arbiter.cases.CaseEventType;
import io.arbiter.cases.CaseEvents;
import io.arbiter.cases.DisputeCase;
import io.arbiter.cases.DisputeCases;
import io.arbiter.cases.Outcome;
import io.arbiter.common.Money;
import io.arbiter.practice.Payer;
import io.arbiter.practice.Payers;
import io.arbiter.security.PracticeAccess;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The cases finance reads, one {@link FinanceCase} each, and the cash their events brought in. Both are scoped to the
 * practices the reader reaches. "In the period" means opened in the period for cases, and dated in the period for
 * cash (a payment belongs to the month it arrived, whenever its case was opened).
 */
@Singleton
public class FinanceCases {

    static final Set<CaseEventType> DECISIONS = EnumSet.of(CaseEventType.DETERMINATION_ISSUED, CaseEventType.DECISION_ISSUED,
            CaseEventType.MFDR_DECIDED, CaseEventType.RECONSIDERATION_DECIDED, CaseEventType.APPEAL_DECIDED, CaseEventType.SETTLED);

    private final DisputeCases cases;
    private final CaseEvents events;
    private final CaseDeadlines deadlines;
    private final Payers payers;
    private final io.arbiter.cases.CasePayments payments;

    public FinanceCases(DisputeCases cases, CaseEvents events, CaseDeadlines deadlines, Payers payers,
                        io.arbiter.cases.CasePayments payments) {
        this.payments = payments;
        this.cases = cases;
        this.events = events;
        this.deadlines = deadlines;
        this.payers = payers;
    }

    /** The cases opened in the period (either end may be open), by opening date then case number. */
    @Transactional(readOnly = true)
    public List<FinanceCase> openedIn(@Nullable LocalDate from, @Nullable LocalDate to, PracticeAccess access) {
        List<DisputeCase> inPeriod = new ArrayList<>();
        for (DisputeCase c : cases.findAll()) {
            LocalDate opened = c.getCreatedAt() == null ? null : c.getCreatedAt().toLocalDate();
            if (access.allows(c.getPracticeId()) && opened != null && within(opened, from, to)) {
                inPeriod.add(c);
            }
        }
        if (inPeriod.isEmpty()) {
            return List.of();
        }
        Map<Long, String> payerNames = payers.findAll().stream().collect(Collectors.toMap(Payer::id, Payer::name));
        Map<Long, List<CaseEvent>> eventsByCase = events.findByCaseIdIn(inPeriod.stream().map(DisputeCase::getId).toList()).stream()
                .collect(Collectors.groupingBy(CaseEvent::caseId));
        Map<Long, List<io.arbiter.cases.CasePayment>> paymentsByCase = payments.findByCaseIdIn(inPeriod.stream().map(DisputeCase::getId)
                .toList()).stream().collect(Collectors.groupingBy(io.arbiter.cases.CasePayment::caseId));
        List<FinanceCase> out = new ArrayList<>();
        List<Long> owedARefund = new ArrayList<>();
        for (DisputeCase c : inPeriod) {
            FinanceCase f = of(c, payerNames.getOrDefault(c.getPayerId(), "(unknown payer)"), eventsByCase.getOrDefault(c.getId(), List.of()), null,
                    paymentsByCase.getOrDefault(c.getId(), List.of()));
            out.add(f);
            if (f.feeRefundReceivable().signum() > 0) {
                owedARefund.add(f.id());
            }
        }
        Map<Long, LocalDate> refundDue = deadlines.findByCaseIdInAndKey(owedARefund, "FEE_REFUND_DUE").stream()
                .collect(Collectors.toMap(CaseDeadline::caseId, CaseDeadline::dueDate, (a, b) -> a.isBefore(b) ? a : b));
        return out.stream().map(f -> refundDue.containsKey(f.id()) ? withRefundDue(f, refundDue.get(f.id())) : f)
                .sorted(Comparator.comparing(FinanceCase::opened).thenComparing(FinanceCase::caseNumber)).toList();
    }

    /** Payments and fee refunds received, dated in the period, on cases of the practices the reader reaches (opened whenever). */
    @Transactional(readOnly = true)
    public List<CaseEvent> cashEvents(@Nullable LocalDate from, @Nullable LocalDate to, PracticeAccess access) {
        Set<Long> reachable = cases.findAll().stream().filter(c -> access.allows(c.getPracticeId())).map(DisputeCase::getId)
                .collect(Collectors.toSet());
        return events.findByTypeIn(EnumSet.of(CaseEventType.PAYMENT_RECEIVED, CaseEventType.FEE_REFUND_RECEIVED)).stream()
                .filter(e -> reachable.contains(e.caseId()) && e.amount() != null && within(e.eventDate(), from, to)).toList();
    }

    /**
     * Where each of these payment events came from: its case payment's source (an 835 matched, or assigned from the
     * unmatched queue, is the bank's record). A payment event without one was typed in before reconciliation existed.
     */
    @Transactional(readOnly = true)
    public Map<Long, io.arbiter.cases.PaymentSource> paymentSources(List<CaseEvent> events) {
        List<Long> caseIds = events.stream().filter(e -> e.type() == CaseEventType.PAYMENT_RECEIVED).map(CaseEvent::caseId).distinct().toList();
        Map<Long, io.arbiter.cases.PaymentSource> out = new java.util.HashMap<>();
        for (int from = 0; from < caseIds.size(); from += 1000) {
            for (io.arbiter.cases.CasePayment p : payments.findByCaseIdIn(caseIds.subList(from, Math.min(caseIds.size(), from + 1000)))) {
                if (p.caseEventId() != null) {
                    out.put(p.caseEventId(), p.source());
                }
            }
        }
        return out;
    }

    static boolean within(LocalDate day, @Nullable LocalDate from, @Nullable LocalDate to) {
        return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
    }

    /**
     * One case's figures. Payments by source (issue 17): from remittances (matched from an 835, or assigned from the
     * unmatched queue — both the bank's record) and typed in (manual; one a later 835 confirmed stays manual, its
     * confirmation on the payment); {@code paidLate}: received after the case's payment due date.
     */
    static FinanceCase of(DisputeCase c, String payer, List<CaseEvent> events, @Nullable LocalDate refundDue,
                          List<io.arbiter.cases.CasePayment> payments) {
        BigDecimal manual = Money.ZERO;
        BigDecimal remitted = Money.ZERO;
        BigDecimal late = Money.ZERO;
        for (io.arbiter.cases.CasePayment p : payments) {
            if (p.source() == io.arbiter.cases.PaymentSource.MANUAL) {
                manual = manual.add(p.amount());
            } else {
                remitted = remitted.add(p.amount());
            }
            if (p.late()) {
                late = late.add(p.amount());
            }
        }
        BigDecimal receivable = FeeRefundRule.receivable(c.getTrack(), c.getOutcome(), FeeRefundRule.idreFeesPaid(events),
                c.getFeeRefundsReceived());
        LocalDate decided = events.stream().filter(e -> DECISIONS.contains(e.type())).map(CaseEvent::eventDate)
                .min(LocalDate::compareTo).orElse(null);
        LocalDate firstPayment = events.stream().filter(e -> e.type() == CaseEventType.PAYMENT_RECEIVED).map(CaseEvent::eventDate)
                .min(LocalDate::compareTo).orElse(null);
        return new FinanceCase(c.getId(), c.getCaseNumber(), payer, c.getTrack(), c.getStage(), c.getOutcome(), standing(c),
                (c.getOutcome() == Outcome.WON || c.getOutcome() == Outcome.SETTLED) && c.outstanding().signum() > 0,
                c.getCreatedAt().toLocalDate(), decided, c.getPrimaryCode(), Money.cents(c.getBilled()), Money.cents(c.getInitialPaid()),
                c.owed(), Money.cents(c.getPaymentsReceived()), Money.cents(c.getFeesPaid()), Money.cents(c.getFeeRefundsReceived()),
                receivable, refundDue, c.net(), c.outstanding(), firstPayment, Money.cents(remitted), Money.cents(manual), Money.cents(late));
    }

    /** One standing per case: a won case waiting for its money is won (and awaiting payment), not also open. */
    static FinanceCase.Standing standing(DisputeCase c) {
        if (c.getOutcome() == Outcome.WON) {
            return FinanceCase.Standing.WON;
        }
        if (c.getOutcome() == Outcome.LOST) {
            return FinanceCase.Standing.LOST;
        }
        if (c.getOutcome() == Outcome.SETTLED) {
            return FinanceCase.Standing.SETTLED;
        }
        return c.getOutcome() != null || !c.open() ? FinanceCase.Standing.WITHDRAWN : FinanceCase.Standing.OPEN;
    }

    private static FinanceCase withRefundDue(FinanceCase f, LocalDate due) {
        return new FinanceCase(f.id(), f.caseNumber(), f.payer(), f.track(), f.stage(), f.outcome(), f.standing(), f.awaitingPayment(),
                f.opened(), f.decided(), f.primaryCode(), f.billed(), f.initialPaid(), f.awarded(), f.recovered(), f.feesPaid(),
                f.feeRefundsReceived(), f.feeRefundReceivable(), due, f.net(), f.outstanding(), f.firstPayment(),
                f.receivedFromRemittances(), f.receivedManually(), f.paidLate());
    }
}
