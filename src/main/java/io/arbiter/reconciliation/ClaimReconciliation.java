package io.arbiter.reconciliation;

import io.arbiter.cases.CasePayment;
import io.arbiter.cases.CasePayments;
import io.arbiter.cases.CaseLine;
import io.arbiter.cases.CaseLines;
import io.arbiter.cases.CaseService;
import io.arbiter.cases.DisputeCase;
import io.arbiter.cases.DisputeCases;
import io.arbiter.cases.PaymentSource;
import io.arbiter.claims.Claim;
import io.arbiter.claims.ClaimLine;
import io.arbiter.claims.ClaimLines;
import io.arbiter.claims.Claims;
import io.arbiter.claims.Remittance;
import io.arbiter.claims.Remittances;
import io.arbiter.common.Money;
import io.arbiter.denials.Denial;
import io.arbiter.denials.DenialService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The matching rules of issue 17 for one claim, in one transaction (docs/reconciliation.md). The claim's remittances not
 * yet accounted for ({@link RemittanceMatch}) are its payment change; their net, to the cent, is the money:
 * <ol>
 *   <li>claim in a case (the latest case holding its lines): a positive net is recorded as PAYMENT_RECEIVED up to what is
 *   still owed — unless it restates a payment typed in by hand (same amount within {@link #MANUAL_WINDOW_DAYS} days:
 *   confirmed, not added; a typed-in payment near it of another amount: asked in the queue); beyond what is owed, or on a
 *   closed case, it goes to the unmatched queue;</li>
 *   <li>claim with denied lines and no case: the payment on each denied line is a recovery on its denial, up to the denied
 *   amount (the rest queued);</li>
 *   <li>otherwise an ordinary payment, nothing to reconcile.</li>
 * </ol>
 * A negative net (a take-back whose corrected claim has not come yet) stays unaccounted until the correction arrives, so
 * reversal + corrected claim count as their difference. Remittances keyed in by hand (no import) are never new money.
 */
@Singleton
public class ClaimReconciliation {

    /** A typed-in payment and an 835 within this many days of each other may be the same money. */
    static final int MANUAL_WINDOW_DAYS = 30;
    static final String ACTOR = "reconciliation";

    private final Remittances remittances;
    private final ClaimLines claimLines;
    private final Claims claims;
    private final CaseLines caseLines;
    private final DisputeCases cases;
    private final CaseService caseService;
    private final CasePayments payments;
    private final DenialService denials;
    private final RemittanceMatchRepository matches;
    private final UnmatchedPaymentRepository unmatched;
    private final Clock clock;

    ClaimReconciliation(Remittances remittances, ClaimLines claimLines, Claims claims, CaseLines caseLines, DisputeCases cases,
                        CaseService caseService, CasePayments payments, DenialService denials, RemittanceMatchRepository matches,
                        UnmatchedPaymentRepository unmatched, Clock clock) {
        this.remittances = remittances;
        this.claimLines = claimLines;
        this.claims = claims;
        this.caseLines = caseLines;
        this.cases = cases;
        this.caseService = caseService;
        this.payments = payments;
        this.denials = denials;
        this.matches = matches;
        this.unmatched = unmatched;
        this.clock = clock;
    }

    /** Where a payment change came from: the remittance that carried it. */
    record Source(LocalDate date, @Nullable Long importId, @Nullable String payerClaimControlNumber, @Nullable String trace) {
        String describe() {
            return "835 import " + importId + ", payer claim control number " + payerClaimControlNumber + ", trace " + trace
                    + ", paid " + date;
        }
    }

    /** Marks the claims' unaccounted remittances as what a case just opened starts from (in the opening transaction). */
    @Transactional
    public void baseline(Long caseId, List<Long> claimIds) {
        for (Long claimId : claimIds) {
            mark(pending(claimId), claimId, RemittanceMatch.Outcome.BASELINE, caseId, null, null, null, null);
        }
    }

    /** Reconciles one claim's new remittances; returns what happened (for the log: no PHI, ids and outcomes only). */
    @Transactional
    public String reconcile(Long claimId) {
        List<Remittance> pending = pending(claimId);
        if (pending.isEmpty()) {
            return "nothing new";
        }
        List<Long> lineIds = claimLines.findByClaimIdOrderByLineNumber(claimId).stream().map(ClaimLine::id).toList();
        List<CaseLine> inCases = lineIds.isEmpty() ? List.of() : caseLines.findByClaimLineIdIn(lineIds);
        if (!inCases.isEmpty()) {
            Long caseId = inCases.stream().map(CaseLine::caseId).max(Comparator.naturalOrder()).orElseThrow();
            Set<Long> caseLineIds = inCases.stream().filter(l -> l.caseId().equals(caseId)).map(CaseLine::claimLineId).collect(Collectors.toSet());
            BigDecimal net = caseLineIds.containsAll(lineIds) ? pending.stream().map(Remittance::totalPaid).reduce(BigDecimal.ZERO, BigDecimal::add)
                    : linePaid(pending, caseLineIds);
            return toCase(claimId, cases.findById(caseId).orElseThrow(), pending, Money.cents(net));
        }
        List<Denial> denied = denials.forClaimLines(lineIds);
        if (!denied.isEmpty()) {
            return toDenials(claimId, denied, pending);
        }
        mark(pending, claimId, RemittanceMatch.Outcome.UNDISPUTED, null, null, null, null, null);
        return "undisputed";
    }

    /**
     * A claim in no case and no denial whose first remittance here is a reversal: Arbiter never saw the payment being taken
     * back, so it cannot tell an ordinary re-adjudication from an award paid on a renumbered claim. The net change goes to
     * finance's queue (a take-back alone waits for its corrected claim, as on a case).
     */
    @Transactional
    public String unknownClaim(Long claimId) {
        List<Remittance> pending = pending(claimId);
        if (pending.isEmpty()) {
            return "nothing new";
        }
        BigDecimal net = Money.cents(pending.stream().map(Remittance::totalPaid).reduce(BigDecimal.ZERO, BigDecimal::add));
        if (net.signum() < 0) {
            return "take-back of " + net.negate() + " on a claim first seen reversed waits for its corrected claim";
        }
        if (net.signum() == 0) {
            mark(pending, claimId, RemittanceMatch.Outcome.UNCHANGED, null, null, null, null, null);
            return "nets to zero";
        }
        Source source = source(pending);
        Remittance first = pending.get(0);
        UnmatchedPayment q = queue(claimId, null, UnmatchedPayment.Reason.UNKNOWN_CLAIM, net, source, null, null,
                "claim " + first.patientControlNumber() + " was first seen in this 835 reversing a payment Arbiter has no record of"
                        + " (net change " + net + "); assign it to the case it pays, or dismiss it as ordinary; " + source.describe());
        mark(pending, claimId, RemittanceMatch.Outcome.QUEUED, null, null, null, q.id(), net);
        return "queued: unknown claim";
    }

    private String toCase(Long claimId, DisputeCase dc, List<Remittance> pending, BigDecimal net) {
        if (net.signum() < 0) {
            return "take-back of " + net.negate() + " on case " + dc.getId() + " waits for its corrected claim";
        }
        if (net.signum() == 0) {
            mark(pending, claimId, RemittanceMatch.Outcome.UNCHANGED, dc.getId(), null, null, null, null);
            return "nets to zero";
        }
        Source source = source(pending);
        // a restated typed-in payment first: the case may be PAID by it already
        List<CasePayment> manual = payments.findByCaseIdOrderById(dc.getId()).stream()
                .filter(p -> p.source() == PaymentSource.MANUAL && !p.confirmed())
                .filter(p -> Math.abs(ChronoUnit.DAYS.between(p.paymentDate(), source.date())) <= MANUAL_WINDOW_DAYS).toList();
        List<CasePayment> same = manual.stream().filter(p -> p.amount().compareTo(net) == 0).toList();
        if (same.size() == 1) {
            CasePayment confirmed = payments.confirm(same.get(0), source.importId(), source.trace(), source.date());
            mark(pending, claimId, RemittanceMatch.Outcome.CONFIRMED, dc.getId(), null, confirmed.id(), null, net);
            return "confirms manual payment " + confirmed.id() + " on case " + dc.getId();
        }
        if (!manual.isEmpty()) {
            String which = manual.stream().map(p -> p.paymentDate() + " (" + p.amount() + ")").collect(Collectors.joining(", "));
            UnmatchedPayment q = queue(claimId, dc.getPracticeId(), UnmatchedPayment.Reason.POSSIBLE_MANUAL, net, source, dc.getId(), null,
                    "possibly the manual payment of " + which + " on case " + dc.getCaseNumber() + "; " + source.describe());
            mark(pending, claimId, RemittanceMatch.Outcome.QUEUED, dc.getId(), null, null, q.id(), net);
            return "queued: possibly manual, case " + dc.getId();
        }
        boolean decided = dc.getDetermination() != null || dc.getSettlementAmount() != null;
        // a case still being worked takes no payment before its decision: that money is unexplained, not "closed"
        if (!caseService.acceptsPayment(dc) && (decided || !dc.getStage().open())) {
            UnmatchedPayment q = queue(claimId, dc.getPracticeId(), UnmatchedPayment.Reason.CLOSED_CASE, net, source, dc.getId(), null,
                    "case " + dc.getCaseNumber() + " is " + dc.getStage() + "; " + source.describe());
            mark(pending, claimId, RemittanceMatch.Outcome.QUEUED, dc.getId(), null, null, q.id(), net);
            return "queued: closed case " + dc.getId();
        }
        BigDecimal applied = decided ? net.min(dc.outstanding()) : Money.ZERO;
        Long paymentId = null;
        if (applied.signum() > 0) {
            paymentId = caseService.receive(dc.getId(), new CaseService.Receipt(PaymentSource.REMITTANCE, applied, source.date(),
                    source.importId(), source.payerClaimControlNumber(), source.trace(), "matched from " + source.describe(), ACTOR)).id();
        }
        BigDecimal excess = Money.cents(net.subtract(applied));
        Long queued = null;
        if (excess.signum() > 0) {
            queued = queue(claimId, dc.getPracticeId(), UnmatchedPayment.Reason.OVERPAYMENT, excess, source, dc.getId(), null,
                    (decided ? "exceeds the " + applied + " owed on case " : "nothing is decided (owed) yet on case ")
                            + dc.getCaseNumber() + "; " + source.describe()).id();
        }
        mark(pending, claimId, paymentId != null ? RemittanceMatch.Outcome.MATCHED : RemittanceMatch.Outcome.QUEUED, dc.getId(), null,
                paymentId, queued, applied);
        return "case " + dc.getId() + ": " + applied + " received" + (excess.signum() > 0 ? ", " + excess + " queued" : "");
    }

    private String toDenials(Long claimId, List<Denial> denied, List<Remittance> pending) {
        Map<Long, BigDecimal> byLine = remittances.linePaid(pending.stream().map(Remittance::id).toList()).stream()
                .collect(Collectors.groupingBy(Remittances.LinePaid::claimLineId,
                        Collectors.reducing(BigDecimal.ZERO, Remittances.LinePaid::paid, BigDecimal::add)));
        if (denied.stream().anyMatch(d -> byLine.getOrDefault(d.claimLineId(), BigDecimal.ZERO).signum() < 0)) {
            return "take-back on a denied line waits for its corrected claim";
        }
        Source source = source(pending);
        StringBuilder out = new StringBuilder();
        Denial first = null;
        BigDecimal recoveredTotal = Money.ZERO;
        Long queued = null;
        for (Denial d : denied) {
            BigDecimal paid = Money.cents(byLine.getOrDefault(d.claimLineId(), BigDecimal.ZERO));
            if (paid.signum() == 0) {
                continue;
            }
            first = first == null ? d : first;
            BigDecimal applied = denials.recover(d.id(), paid);
            recoveredTotal = recoveredTotal.add(applied);
            BigDecimal excess = paid.subtract(applied);
            if (excess.signum() > 0) {
                queued = queue(claimId, d.practiceId(), UnmatchedPayment.Reason.OVERPAYMENT, excess, source, null, d.id(),
                        "exceeds the denied amount " + d.deniedAmount() + " of denial " + d.id() + "; " + source.describe()).id();
            }
            out.append("denial ").append(d.id()).append(": ").append(applied).append(" recovered; ");
        }
        if (first == null) {
            mark(pending, claimId, RemittanceMatch.Outcome.UNDISPUTED, null, null, null, null, null);
            return "no payment on the denied lines";
        }
        mark(pending, claimId, RemittanceMatch.Outcome.MATCHED, null, first.id(), null, queued, recoveredTotal);
        return out.toString();
    }

    /** The claim's remittances not accounted for yet, in arrival order; keyed-in ones (no import) are history, never new. */
    private List<Remittance> pending(Long claimId) {
        Set<Long> done = matches.findByClaimId(claimId).stream().map(RemittanceMatch::remittanceId).collect(Collectors.toSet());
        return remittances.findByClaimIdOrderById(claimId).stream().filter(r -> r.importId() != null && !done.contains(r.id())).toList();
    }

    private BigDecimal linePaid(List<Remittance> pending, Set<Long> lineIds) {
        return remittances.linePaid(pending.stream().map(Remittance::id).toList()).stream().filter(l -> lineIds.contains(l.claimLineId()))
                .map(Remittances.LinePaid::paid).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The remittance that carried the money: the latest one paying something, else the latest. */
    private Source source(List<Remittance> pending) {
        Remittance r = pending.stream().filter(x -> x.totalPaid().signum() > 0).reduce((a, b) -> b).orElse(pending.get(pending.size() - 1));
        return new Source(r.paymentDate() != null ? r.paymentDate() : LocalDate.now(clock), r.importId(), r.payerClaimControlNumber(),
                r.paymentTrace());
    }

    private UnmatchedPayment queue(Long claimId, @Nullable Long practiceId, UnmatchedPayment.Reason reason, BigDecimal amount, Source s,
                                   @Nullable Long caseId, @Nullable Long denialId, String detail) {
        Long practice = practiceId != null ? practiceId : claims.findById(claimId).map(Claim::practiceId).orElse(null);
        return unmatched.save(new UnmatchedPayment(null, practice, reason, Money.cents(amount), s.date(), claimId, caseId, denialId, null,
                s.importId(), s.payerClaimControlNumber(), s.trace(), cut(detail, 500), UnmatchedPayment.Status.OPEN, null, null, null, null,
                null, now()));
    }

    /** Accounts for the remittances; the amount goes on the one that carried the money. */
    private void mark(List<Remittance> pending, Long claimId, RemittanceMatch.Outcome outcome, @Nullable Long caseId, @Nullable Long denialId,
                      @Nullable Long casePaymentId, @Nullable Long unmatchedId, @Nullable BigDecimal amount) {
        Long carrier = pending.isEmpty() ? null : pending.stream().filter(x -> x.totalPaid().signum() > 0).reduce((a, b) -> b)
                .orElse(pending.get(pending.size() - 1)).id();
        for (Remittance r : pending) {
            boolean carries = r.id().equals(carrier);
            matches.save(new RemittanceMatch(r.id(), claimId, outcome, caseId, denialId, carries ? casePaymentId : null,
                    carries ? unmatchedId : null, carries && amount != null ? Money.cents(amount) : Money.ZERO, now()));
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
