package io.arbiter.reconciliation;

import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditLog;
import io.arbiter.cases.CasePayment;
import io.arbiter.cases.CasePayments;
import io.arbiter.cases.CaseService;
import io.arbiter.cases.DisputeCase;
import io.arbiter.cases.DisputeCases;
import io.arbiter.cases.PaymentSource;
import io.arbiter.claims.Claim;
import io.arbiter.claims.ClaimLine;
import io.arbiter.claims.ClaimLines;
import io.arbiter.claims.Claims;
import io.arbiter.common.ApiException;
import io.arbiter.common.ApiProblem;
import io.arbiter.common.Money;
import io.arbiter.denials.Denial;
import io.arbiter.denials.DenialService;
import io.arbiter.security.PracticeAccess;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Finance's unmatched-payments queue: what the reconciliation could not match, with the remittance detail, and the one
 * action that resolves it — assign to a case (a PAYMENT_RECEIVED from source QUEUE), to a denial (a recovery), confirm it
 * as a payment typed in by hand, or dismiss it. Only within the practices the user reaches; every view and change audited.
 */
@Singleton
public class UnmatchedPayments {

    /**
     * Exactly one of caseId, denialId, deniedClaimNumber (the patient control number of a claim of the payment's practice
     * whose denied lines it pays: spread over them in line order, each up to what is left to recover), manualPaymentId;
     * or dismiss with a note.
     */
    @Serdeable
    public record Resolution(@Nullable Long caseId, @Nullable Long denialId, @Nullable Long manualPaymentId, @Nullable Boolean dismiss,
                             @Nullable String note, @Nullable String deniedClaimNumber) {

        public Resolution(@Nullable Long caseId, @Nullable Long denialId, @Nullable Long manualPaymentId, @Nullable Boolean dismiss,
                          @Nullable String note) {
            this(caseId, denialId, manualPaymentId, dismiss, note, null);
        }
    }

    private final UnmatchedPaymentRepository queue;
    private final DisputeCases cases;
    private final CaseService caseService;
    private final CasePayments payments;
    private final DenialService denials;
    private final Claims claims;
    private final ClaimLines claimLines;
    private final AuditLog audit;
    private final Clock clock;

    UnmatchedPayments(UnmatchedPaymentRepository queue, DisputeCases cases, CaseService caseService, CasePayments payments,
                      DenialService denials, Claims claims, ClaimLines claimLines, AuditLog audit, Clock clock) {
        this.claims = claims;
        this.claimLines = claimLines;
        this.queue = queue;
        this.cases = cases;
        this.caseService = caseService;
        this.payments = payments;
        this.denials = denials;
        this.audit = audit;
        this.clock = clock;
    }

    /** The open items the user's practices reach (all statuses when {@code all}), oldest first. */
    public List<UnmatchedPayment> list(boolean all, PracticeAccess access, String username) {
        List<UnmatchedPayment> items = (all ? toList(queue.findAll()) : queue.findByStatusOrderById(UnmatchedPayment.Status.OPEN)).stream()
                .filter(u -> access.allows(u.practiceId())).toList();
        audit.record(username, AuditAction.LIST, "UNMATCHED_PAYMENT", (Long) null, items.size() + " unmatched payments");
        return items;
    }

    private static List<UnmatchedPayment> toList(Iterable<UnmatchedPayment> it) {
        List<UnmatchedPayment> out = new java.util.ArrayList<>();
        it.forEach(out::add);
        out.sort(java.util.Comparator.comparing(UnmatchedPayment::id));
        return out;
    }

    @Transactional
    public UnmatchedPayment resolve(Long id, Resolution r, String username, PracticeAccess access) {
        UnmatchedPayment u = queue.findById(id).filter(x -> access.allows(x.practiceId()))
                .orElseThrow(() -> ApiException.notFound("Unmatched payment " + id));
        if (u.status() != UnmatchedPayment.Status.OPEN) {
            throw ApiException.conflict("Unmatched payment " + id + " was already " + u.status().name().toLowerCase(java.util.Locale.ROOT)
                    + " by " + u.resolvedBy());
        }
        int chosen = (r.caseId() != null ? 1 : 0) + (r.denialId() != null ? 1 : 0) + (r.manualPaymentId() != null ? 1 : 0)
                + (Boolean.TRUE.equals(r.dismiss()) ? 1 : 0) + (r.deniedClaimNumber() != null ? 1 : 0);
        if (chosen != 1) {
            throw invalid("caseId", "give exactly one of caseId, denialId, deniedClaimNumber, manualPaymentId or dismiss");
        }
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        UnmatchedPayment done;
        if (Boolean.TRUE.equals(r.dismiss())) {
            if (r.note() == null || r.note().isBlank()) {
                throw invalid("note", "say why the payment is dismissed (e.g. the payer's offset is accounted for elsewhere)");
            }
            done = queue.update(u.resolved(UnmatchedPayment.Status.DISMISSED, null, null, username, now));
            audit.record(username, AuditAction.CHANGE, "UNMATCHED_PAYMENT", id, "dismissed: " + cut(r.note(), 200));
            return done;
        }
        if (u.amount().signum() <= 0) {
            throw invalid("amount", "the payer withheld " + u.amount().negate() + " here; a withheld amount is not a payment to assign"
                    + " — dismiss it with a note");
        }
        if (r.caseId() != null) {
            DisputeCase dc = cases.findById(r.caseId()).filter(c -> access.allows(c.getPracticeId()))
                    .orElseThrow(() -> invalid("caseId", "no case " + r.caseId() + " in your practices"));
            caseService.receive(dc.getId(), new CaseService.Receipt(PaymentSource.QUEUE, u.amount(), u.paymentDate() != null ? u.paymentDate()
                    : caseService.today(), u.importId(), u.payerClaimControlNumber(), u.trace(),
                    "assigned from unmatched payment " + id + " by " + username, username));
            done = queue.update(u.resolved(UnmatchedPayment.Status.ASSIGNED, dc.getId(), null, username, now));
            audit.record(username, AuditAction.CHANGE, "CASE", dc.getId(), "unmatched payment " + id + " of " + u.amount() + " assigned");
        } else if (r.denialId() != null) {
            Denial d = denials.record(r.denialId()).filter(x -> access.allows(x.practiceId()))
                    .orElseThrow(() -> invalid("denialId", "no denial " + r.denialId() + " in your practices"));
            BigDecimal room = d.deniedAmount().subtract(d.recoveredAmount());
            if (u.amount().compareTo(room) > 0) {
                throw invalid("denialId", "denial " + d.id() + " has " + Money.cents(room) + " left to recover; " + u.amount() + " is more");
            }
            denials.recover(d.id(), u.amount());
            done = queue.update(u.resolved(UnmatchedPayment.Status.ASSIGNED, null, d.id(), username, now));
            audit.record(username, AuditAction.CHANGE, "DENIAL", d.id(), "unmatched payment " + id + " of " + u.amount() + " assigned");
        } else if (r.deniedClaimNumber() != null) {
            done = toDeniedClaim(u, r.deniedClaimNumber().trim(), username, access, now);
        } else {
            CasePayment manual = u.caseId() == null ? null : payments.findByCaseIdOrderById(u.caseId()).stream()
                    .filter(p -> p.id().equals(r.manualPaymentId()) && p.source() == PaymentSource.MANUAL && !p.confirmed())
                    .findFirst().orElse(null);
            if (manual == null) {
                throw invalid("manualPaymentId", "no unconfirmed manual payment " + r.manualPaymentId() + " on this payment's case");
            }
            payments.confirm(manual, u.importId(), u.trace(), u.paymentDate() != null ? u.paymentDate() : caseService.today());
            done = queue.update(u.resolved(UnmatchedPayment.Status.ASSIGNED, u.caseId(), null, username, now));
            audit.record(username, AuditAction.CHANGE, "CASE", u.caseId(), "unmatched payment " + id + " is manual payment " + manual.id());
        }
        return done;
    }

    /** The payment overturns a denied claim: a recovery on each of its denied lines in line order, up to what each has left. */
    private UnmatchedPayment toDeniedClaim(UnmatchedPayment u, String claimNumber, String username, PracticeAccess access, LocalDateTime now) {
        Claim claim = (u.practiceId() == null ? java.util.Optional.<Claim>empty() : claims.findByPracticeIdAndPatientControlNumber(u.practiceId(),
                claimNumber)).orElseThrow(() -> invalid("deniedClaimNumber", "no claim " + claimNumber + " in this payment's practice"));
        List<Long> lineIds = claimLines.findByClaimIdOrderByLineNumber(claim.id()).stream().map(ClaimLine::id).toList();
        List<Denial> open = denials.forClaimLines(lineIds).stream().filter(d -> access.allows(d.practiceId()))
                .filter(d -> d.deniedAmount().compareTo(d.recoveredAmount()) > 0)
                .sorted(java.util.Comparator.comparing(d -> lineIds.indexOf(d.claimLineId()))).toList();
        BigDecimal room = open.stream().map(d -> d.deniedAmount().subtract(d.recoveredAmount())).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (open.isEmpty() || u.amount().compareTo(room) > 0) {
            throw invalid("deniedClaimNumber", "claim " + claimNumber + " has " + Money.cents(room) + " of denied lines left to recover; "
                    + u.amount() + " is more");
        }
        BigDecimal left = u.amount();
        for (Denial d : open) {
            BigDecimal applied = left.min(d.deniedAmount().subtract(d.recoveredAmount()));
            if (applied.signum() > 0) {
                denials.recover(d.id(), applied);
                audit.record(username, AuditAction.CHANGE, "DENIAL", d.id(), "unmatched payment " + u.id() + ": " + Money.cents(applied) + " assigned");
                left = left.subtract(applied);
            }
        }
        return queue.update(u.resolved(UnmatchedPayment.Status.ASSIGNED, null, open.get(0).id(), username, now));
    }

    private static ApiException invalid(String field, String message) {
        return ApiException.unprocessable("The unmatched payment cannot be resolved so", List.of(new ApiProblem.ProblemDetail(field, message)));
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
