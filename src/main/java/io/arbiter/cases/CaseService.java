package io.arbiter.cases;

import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditLog;
import io.arbiter.claims.Claim;
import io.arbiter.claims.ClaimLine;
import io.arbiter.claims.ClaimLines;
import io.arbiter.claims.Claims;
import io.arbiter.common.ApiException;
import io.arbiter.common.ApiProblem;
import io.arbiter.common.Money;
import io.arbiter.security.PracticeAccess;
import io.arbiter.security.PracticeScopes;
import io.arbiter.security.Users;
import io.arbiter.security.Roles;
import io.arbiter.rules.Track;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Opens cases, records what happens on them, and keeps their deadlines current. */
@Singleton
public class CaseService {

    private final DisputeCaseRepository cases;
    private final CaseLineRepository caseLines;
    private final CaseEventRepository events;
    private final CaseDeadlineRepository deadlines;
    private final CaseShareRepository shares;
    private final Claims claims;
    private final ClaimLines claimLines;
    private final Users users;
    private final CaseRulebook rules;
    private final BatchingPolicy batching;
    private final AuditLog audit;
    private final Clock clock;
    private final io.arbiter.findings.Findings findings;
    private final CaseEligibilityGateRepository gateRows;
    private final CaseDeadlineAlternativeRepository alternativeRows;

    private final PracticeScopes practiceScopes;
    private final CasePaymentRepository payments;
    private final io.micronaut.context.event.ApplicationEventPublisher<CaseOpened> openings;

    public CaseService(DisputeCaseRepository cases, CaseLineRepository caseLines, CaseEventRepository events,
                       CaseDeadlineRepository deadlines, CaseShareRepository shares, Claims claims,
                       ClaimLines claimLines, Users users, CaseRulebook rules,
                       BatchingPolicy batching, AuditLog audit, Clock clock, io.arbiter.findings.Findings findings,
                       CaseEligibilityGateRepository gateRows, CaseDeadlineAlternativeRepository alternativeRows,
                       PracticeScopes practiceScopes, CasePaymentRepository payments,
                       io.micronaut.context.event.ApplicationEventPublisher<CaseOpened> openings) {
        this.practiceScopes = practiceScopes;
        this.payments = payments;
        this.openings = openings;
        this.alternativeRows = alternativeRows;
        this.gateRows = gateRows;
        this.findings = findings;
        this.cases = cases;
        this.caseLines = caseLines;
        this.events = events;
        this.deadlines = deadlines;
        this.shares = shares;
        this.claims = claims;
        this.claimLines = claimLines;
        this.users = users;
        this.rules = rules;
        this.batching = batching;
        this.audit = audit;
        this.clock = clock;
    }

    /** How many cases exist (demo seeding runs only on an empty case book). */
    public long readableCount() {
        return cases.count();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---- opening a case --------------------------------------------------------------------

    @Transactional
    public DisputeCase open(CaseRequests.Create request, String username, PracticeAccess access) {
        return open(request, username, access, false);
    }

    /**
     * Opens a case; with {@code withinOpenNegotiation} a federal IDR case whose open-negotiation window has closed
     * (the OPEN_NEGOTIATION_TIMELY gate fails) is refused instead of opened with that gate failed.
     */
    @Transactional
    public DisputeCase open(CaseRequests.Create request, String username, PracticeAccess access, boolean withinOpenNegotiation) {
        List<ClaimLine> lines = linesOf(request);
        Map<Long, Claim> claimById = claims.findByIdIn(lines.stream().map(ClaimLine::claimId).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(Claim::id, c -> c));
        List<Long> elsewhere = claimById.values().stream().filter(c -> !access.allows(c.practiceId())).map(Claim::id).sorted().toList();
        if (!elsewhere.isEmpty()) { // another practice's claims do not exist for this user
            throw CaseRuleViolation.invalid(request.claimIds() != null && !request.claimIds().isEmpty() ? "claimIds" : "lineIds",
                    "unknown or line-less claims " + elsewhere);
        }
        List<ApiProblem.ProblemDetail> problems = new ArrayList<>();

        List<Long> taken = caseLines.findByClaimLineIdIn(lines.stream().map(ClaimLine::id).toList()).stream()
                .filter(cl -> cases.findById(cl.caseId()).map(DisputeCase::open).orElse(false))
                .map(CaseLine::claimLineId).toList();
        for (Long id : taken) {
            problems.add(new ApiProblem.ProblemDetail("lineIds", "line " + id + " is already disputed in an open case"));
        }
        Set<Long> payers = claimById.values().stream().map(Claim::payerId).filter(Objects::nonNull).collect(Collectors.toSet());
        if (payers.size() > 1) {
            problems.add(new ApiProblem.ProblemDetail("claimIds", "the lines belong to " + payers.size()
                    + " different payers; a case disputes one payer's payments"));
        }
        Map<Long, CaseRulebook.TrackChoice> choices = new LinkedHashMap<>();
        for (Claim c : claimById.values()) {
            choices.put(c.id(), rules.chooseTrack(c.id()));
        }
        Set<Track> tracks = choices.values().stream().map(CaseRulebook.TrackChoice::track).collect(Collectors.toSet());
        if (tracks.size() > 1) {
            problems.add(new ApiProblem.ProblemDetail("claimIds", "the claims fall on different tracks " + tracks
                    + "; open one case per track"));
        }
        if (!problems.isEmpty()) {
            throw CaseRuleViolation.invalid("The case cannot be opened as requested", problems);
        }
        CaseRulebook.TrackChoice choice = choices.values().iterator().next();
        if (choice.track() == Track.NOT_DISPUTABLE) {
            throw CaseRuleViolation.invalid("These claims are not disputable: " + String.join("; ", choice.reasons()),
                    choice.reasons().stream().map(r -> new ApiProblem.ProblemDetail("track", r)).toList());
        }
        boolean batched = claimById.size() > 1;
        if (batched) {
            List<String> violations = batching.violations(choice.track(), lines, claimById);
            if (!violations.isEmpty()) {
                throw CaseRuleViolation.invalid("These lines cannot be batched into one dispute",
                        violations.stream().map(v -> new ApiProblem.ProblemDetail("lineIds", v)).toList());
            }
        }
        if (request.assignee() != null && users.findByUsername(request.assignee()).isEmpty()) {
            throw CaseRuleViolation.invalid("assignee", "is not a user");
        }

        Claim first = claimById.values().stream().min(Comparator.comparing(Claim::id)).orElseThrow();
        LocalDate receipt = request.initialPaymentReceived() != null ? request.initialPaymentReceived()
                : claimById.values().stream().map(Claim::paymentDate).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);

        DisputeCase dc = new DisputeCase();
        dc.setCaseNumber("NEW-" + UUID.randomUUID().toString().substring(0, 18));
        dc.setPracticeId(first.practiceId());
        dc.setPayerId(first.payerId());
        dc.setTrack(choice.track());
        dc.setStage(CaseStage.DRAFT);
        dc.setBatched(batched);
        dc.setAssignee(request.assignee() != null ? request.assignee() : username);
        dc.setPrimaryCode(lines.stream().max(Comparator.comparing(ClaimLine::charge)).map(ClaimLine::procedureCode).orElse(null));
        dc.setServiceRegion(first.geozip());
        dc.setInitialPaymentDate(receipt);
        BigDecimal billed = BigDecimal.ZERO;
        BigDecimal paid = BigDecimal.ZERO;
        BigDecimal costSharing = BigDecimal.ZERO;
        for (ClaimLine l : lines) {
            billed = billed.add(l.charge());
            paid = paid.add(l.paid());
            costSharing = costSharing.add(costSharing(l, claimById.get(l.claimId())));
        }
        dc.setBilled(Money.cents(billed));
        dc.setInitialPaid(Money.cents(paid));
        dc.setCostSharing(Money.cents(costSharing));
        BigDecimal qpa = claimById.values().stream().map(Claim::qpa).filter(Objects::nonNull).reduce(BigDecimal::add).orElse(null);
        dc.setQpa(qpa);
        dc.setPaymentsReceived(Money.ZERO);
        dc.setFeesPaid(Money.ZERO);
        dc.setFeeRefundsReceived(Money.ZERO);
        dc.setTrackReasons(String.join("\n", choice.reasons()));
        List<CaseRulebook.Gate> screened = rules.screen(choice.track(), lines, null, null);
        if (withinOpenNegotiation) {
            // the batches page never opens a federal dispute whose open-negotiation window has closed (issue 21)
            screened.stream().filter(g -> g.failed() && "OPEN_NEGOTIATION_TIMELY".equals(g.name())).findFirst().ifPresent(g -> {
                throw CaseRuleViolation.invalid("The federal IDR window has closed for these lines",
                        List.of(new ApiProblem.ProblemDetail("lineIds", g.reason())));
            });
        }
        dc = cases.save(dc);
        storeGates(dc.getId(), screened);
        dc.setCaseNumber(String.format("ARB-%d-%05d", today().getYear(), dc.getId()));
        dc = cases.update(dc);
        // The defensible amount per line comes from the latest underpayment finding (pricing + coding rules).
        Map<Long, BigDecimal> expectedByLine = new HashMap<>();
        for (Long claimId : claimById.keySet()) {
            findings.findByClaimIdOrderById(claimId).stream()
                    .filter(f -> f.type() == io.arbiter.findings.FindingType.UNDERPAYMENT && f.lineId() != null && f.expected() != null)
                    .forEach(f -> expectedByLine.put(f.lineId(), f.expected()));
        }
        for (ClaimLine l : lines) {
            Claim c = claimById.get(l.claimId());
            caseLines.save(new CaseLine(null, dc.getId(), c.id(), l.id(), l.procedureCode(),
                    l.serviceDate() != null ? l.serviceDate() : c.serviceDateFrom(), l.charge(), l.allowed(), l.paid(),
                    Money.cents(costSharing(l, c)), expectedByLine.get(l.id())));
        }
        // in this transaction: the remittances received so far are what the case starts from (its initial payment)
        openings.publishEvent(new CaseOpened(dc.getId(), List.copyOf(claimById.keySet())));
        if (lines.stream().allMatch(l -> expectedByLine.containsKey(l.id()))) {
            dc.setExpected(Money.cents(lines.stream().map(l -> expectedByLine.get(l.id())).reduce(BigDecimal.ZERO, BigDecimal::add)));
            dc = cases.update(dc);
        }
        // The payment or denial is taken as received on the remittance's payment date (835 BPR16 / DTM*405).
        if (receipt != null) {
            CaseEventType opening = choice.track() == Track.COMMERCIAL_APPEAL ? CaseEventType.DENIAL_RECEIVED
                    : CaseEventType.INITIAL_PAYMENT_RECEIVED;
            if (CaseWorkflow.forTrack(dc.getTrack()).allows(CaseStage.DRAFT, opening)) {
                events.save(new CaseEvent(null, dc.getId(), opening, receipt, dc.getInitialPaid(), null, null,
                        request.initialPaymentReceived() != null ? "receipt date entered by " + username : "from the remittance payment date",
                        username, CaseStage.DRAFT, CaseStage.DRAFT, null));
            }
        }
        refreshDeadlines(dc);
        audit.record(username, AuditAction.CREATE, "CASE", dc.getId(), lines.size() + " lines, track " + dc.getTrack());
        return cases.findById(dc.getId()).orElseThrow();
    }

    private List<ClaimLine> linesOf(CaseRequests.Create request) {
        boolean byClaims = request.claimIds() != null && !request.claimIds().isEmpty();
        boolean byLines = request.lineIds() != null && !request.lineIds().isEmpty();
        if (byClaims == byLines) {
            throw CaseRuleViolation.invalid("claimIds", "give either claimIds or lineIds (one of them, not empty)");
        }
        if (byClaims) {
            List<ClaimLine> lines = claimLines.findByClaimIdInOrderByClaimIdAndLineNumber(request.claimIds());
            Set<Long> found = lines.stream().map(ClaimLine::claimId).collect(Collectors.toSet());
            List<Long> missing = request.claimIds().stream().filter(id -> !found.contains(id)).toList();
            if (!missing.isEmpty()) {
                throw CaseRuleViolation.invalid("claimIds", "unknown or line-less claims " + missing);
            }
            return lines;
        }
        List<ClaimLine> lines = claimLines.findByIdIn(request.lineIds());
        if (lines.size() != new LinkedHashSet<>(request.lineIds()).size()) {
            Set<Long> found = lines.stream().map(ClaimLine::id).collect(Collectors.toSet());
            throw CaseRuleViolation.invalid("lineIds", "unknown lines " + request.lineIds().stream().filter(id -> !found.contains(id)).toList());
        }
        return lines;
    }

    /** Patient cost sharing on a line: allowed − paid when the payer reported an allowed amount. */
    static BigDecimal costSharing(ClaimLine line, Claim claim) {
        if (line.allowed() != null) {
            BigDecimal cs = line.allowed().subtract(line.paid());
            return cs.signum() < 0 ? BigDecimal.ZERO : cs;
        }
        if (claim.totalCharge().signum() == 0) {
            return BigDecimal.ZERO;
        }
        // No line allowed amount: share the claim's patient responsibility by charge.
        return claim.patientResponsibility().multiply(line.charge()).divide(claim.totalCharge(), 2, java.math.RoundingMode.HALF_UP);
    }

    // ---- recording events --------------------------------------------------------------------

    @Transactional
    public DisputeCase record(Long caseId, CaseRequests.Event request, String username) {
        DisputeCase dc = cases.findById(caseId).orElseThrow(() -> ApiException.notFound("Case " + caseId));
        if (request.version() != null && !request.version().equals(dc.getVersion())) {
            throw ApiException.conflict("Case " + dc.getCaseNumber() + " was changed by someone else (version "
                    + dc.getVersion() + ", you sent " + request.version() + "); reload it and try again.");
        }
        CaseEventType type = request.type();
        if (type == CaseEventType.PAYMENT_OVERDUE) {
            throw CaseRuleViolation.invalid("type", "PAYMENT_OVERDUE is set by the daily overdue check, not recorded by hand");
        }
        if (request.date() == null) {
            throw CaseRuleViolation.invalid("date", "is required (YYYY-MM-DD)");
        }
        if (request.date().isAfter(today())) {
            throw CaseRuleViolation.invalid("date", "is in the future; record events once they have happened");
        }
        List<CaseEvent> history = events.findByCaseIdOrderById(caseId);
        checkOrder(dc, type, request.date(), history);
        return apply(dc, type, request.date(), request.amount(), request.feeKind(), request.outcome(), request.note(), username);
    }

    /** Applies one event through the aggregate, stores it, and recomputes deadlines; a payment is typed in (MANUAL). */
    DisputeCase apply(DisputeCase dc, CaseEventType type, LocalDate date, @Nullable BigDecimal amount,
                      @Nullable FeeKind feeKind, @Nullable Outcome outcome, @Nullable String note, String username) {
        Receipt manual = type == CaseEventType.PAYMENT_RECEIVED
                ? new Receipt(PaymentSource.MANUAL, amount, date, null, null, null, note, username) : null;
        return apply(dc, type, date, amount, feeKind, outcome, note, username, manual);
    }

    private DisputeCase apply(DisputeCase dc, CaseEventType type, LocalDate date, @Nullable BigDecimal amount,
                              @Nullable FeeKind feeKind, @Nullable Outcome outcome, @Nullable String note, String username,
                              @Nullable Receipt receipt) {
        CaseWorkflow workflow = CaseWorkflow.forTrack(dc.getTrack());
        CaseStage before = dc.getStage();
        if (type == CaseEventType.FEE_PAID && feeKind == null) {
            throw CaseRuleViolation.invalid("feeKind", "is required for FEE_PAID (ADMIN, IDRE, ARBITRATOR, FILING or OTHER)");
        }
        // late: paid after the statutory payment date (federal: 30 calendar days after the determination), read before
        // the payment recomputes the deadlines
        LocalDate paymentDue = type != CaseEventType.PAYMENT_RECEIVED ? null : deadlines.findByCaseIdOrderByDueDate(dc.getId()).stream()
                .filter(d -> d.key().equals("PAYMENT_DUE")).map(CaseDeadline::dueDate).findFirst().orElse(null);
        CaseStage after = dc.apply(workflow, type, date, amount, feeKind, outcome);
        DisputeCase saved = cases.update(dc);
        CaseEvent event = events.save(new CaseEvent(null, saved.getId(), type, date, amount == null ? null : Money.cents(amount),
                feeKind, saved.getOutcome() != null && isDecision(type) ? saved.getOutcome() : outcome,
                note, username, before, after, null));
        if (receipt != null) {
            payments.save(new CasePayment(null, saved.getId(), event.id(), receipt.source(), Money.cents(amount), date,
                    paymentDue != null && date.isAfter(paymentDue), receipt.importId(), truncate(receipt.payerClaimControlNumber(), 50),
                    truncate(receipt.trace(), 60), null, null, null, username, null));
        }
        refreshDeadlines(saved);
        audit.record(username, AuditAction.CHANGE, "CASE", saved.getId(), type + " " + before + "→" + after);
        return cases.findById(saved.getId()).orElseThrow();
    }

    /**
     * A payment received on a case from a source other than a person typing it (issue 17): the matched 835, or finance's
     * assignment from the unmatched queue. Goes through the aggregate like any payment (PAID once nothing is outstanding).
     */
    public record Receipt(PaymentSource source, BigDecimal amount, LocalDate date, @Nullable Long importId,
                          @Nullable String payerClaimControlNumber, @Nullable String trace, @Nullable String note, String actor) {
    }

    /** Records {@code receipt} as PAYMENT_RECEIVED on the case; joins the caller's transaction. Returns the payment row. */
    @Transactional
    public CasePayment receive(Long caseId, Receipt receipt) {
        DisputeCase dc = cases.findById(caseId).orElseThrow(() -> ApiException.notFound("Case " + caseId));
        apply(dc, CaseEventType.PAYMENT_RECEIVED, receipt.date(), receipt.amount(), null, null, truncate(receipt.note(), 1000),
                receipt.actor(), receipt);
        return payments.findByCaseIdOrderById(caseId).stream().reduce((a, b) -> b).orElseThrow();
    }

    /** Whether a payment can be recorded on the case now, and what is still owed on its decided amount. */
    public boolean acceptsPayment(DisputeCase dc) {
        return CaseWorkflow.forTrack(dc.getTrack()).allows(dc.getStage(), CaseEventType.PAYMENT_RECEIVED);
    }

    private static boolean isDecision(CaseEventType t) {
        return EnumSet.of(CaseEventType.DETERMINATION_ISSUED, CaseEventType.DECISION_ISSUED, CaseEventType.MFDR_DECIDED,
                CaseEventType.RECONSIDERATION_DECIDED, CaseEventType.APPEAL_DECIDED).contains(t);
    }

    /**
     * Events happen in order: a workflow step may not be dated before the step that enabled it, and
     * federal IDR may not be initiated before the initiation window opens (42 U.S.C. 300gg-111(c)(1)(B)).
     */
    private void checkOrder(DisputeCase dc, CaseEventType type, LocalDate date, List<CaseEvent> history) {
        LocalDate latestStep = history.stream()
                .filter(e -> e.stageBefore() != e.stageAfter() || e.type() == CaseEventType.INITIAL_PAYMENT_RECEIVED
                        || e.type() == CaseEventType.DENIAL_RECEIVED)
                .map(CaseEvent::eventDate).max(Comparator.naturalOrder()).orElse(null);
        boolean movesStage = CaseWorkflow.forTrack(dc.getTrack()).next(dc.getStage(), type).map(s -> s != dc.getStage()).orElse(false);
        if (movesStage && latestStep != null && date.isBefore(latestStep)) {
            throw CaseRuleViolation.invalid("date", "is before the case's previous step on " + latestStep
                    + "; " + type + " cannot have happened earlier");
        }
        if (type == CaseEventType.IDR_INITIATED) {
            deadlines.findByCaseIdOrderByDueDate(dc.getId()).stream()
                    .filter(d -> d.key().equals("IDR_INITIATION_WINDOW_OPENS")).findFirst()
                    .filter(d -> date.isBefore(d.dueDate()))
                    .ifPresent(d -> {
                        throw CaseRuleViolation.invalid("date", "IDR initiation window opens on " + d.dueDate()
                                + " (the day after open negotiation ends); it cannot be initiated on " + date);
                    });
        }
    }

    /** The case's screen as it now stands, one row per gate in the screen's order (V79). */
    private void storeGates(Long caseId, List<CaseRulebook.Gate> gates) {
        gateRows.deleteByCaseId(caseId);
        for (int i = 0; i < gates.size(); i++) {
            CaseRulebook.Gate g = gates.get(i);
            gateRows.save(new CaseEligibilityGate(null, caseId, i, truncate(g.name(), 120), g.status(), truncate(g.reason(), 2000),
                    truncate(g.citation(), 1000)));
        }
    }

    /**
     * Recomputes the case's deadlines from its recorded events and stores the next one on the case; while a
     * federal case is open its eligibility is screened again, since timeliness gates depend on the events.
     */
    void refreshDeadlines(DisputeCase dc) {
        List<CaseEvent> history = events.findByCaseIdOrderById(dc.getId());
        if (dc.getTrack() == Track.FEDERAL_IDR && dc.open()) {
            LocalDate onp = history.stream().filter(e -> e.type() == CaseEventType.OPEN_NEGOTIATION_STARTED).map(CaseEvent::eventDate)
                    .findFirst().orElse(null);
            LocalDate initiated = history.stream().filter(e -> e.type() == CaseEventType.IDR_INITIATED).map(CaseEvent::eventDate)
                    .findFirst().orElse(null);
            List<ClaimLine> lines = claimLines.findByIdIn(caseLines.findByCaseIdOrderById(dc.getId()).stream()
                    .map(CaseLine::claimLineId).toList());
            storeGates(dc.getId(), rules.screen(dc.getTrack(), lines, onp, initiated));
        }
        Map<String, LocalDate> triggers = new HashMap<>();
        for (CaseEvent e : history) {
            triggers.put(e.type().name(), e.eventDate());
        }
        if (dc.getTrack() == Track.TEXAS_PIP || dc.getTrack() == Track.WORKERS_COMP) {
            caseLines.findByCaseIdOrderById(dc.getId()).stream().map(CaseLine::serviceDate).filter(Objects::nonNull)
                    .min(Comparator.naturalOrder()).ifPresent(dos -> triggers.put("DATE_OF_SERVICE", dos));
        }
        if (dc.getInitialPaymentDate() != null && !triggers.containsKey("INITIAL_PAYMENT_RECEIVED")
                && dc.getTrack() != Track.COMMERCIAL_APPEAL) {
            triggers.put("INITIAL_PAYMENT_RECEIVED", dc.getInitialPaymentDate());
        }
        if (dc.getTrack() == Track.COMMERCIAL_APPEAL && dc.getInitialPaymentDate() != null) {
            triggers.putIfAbsent("DENIAL_RECEIVED", dc.getInitialPaymentDate());
        }
        List<CaseRulebook.Deadline> computed = rules.deadlines(dc.getTrack(), triggers, dc.getPayerId());
        deadlines.deleteByCaseId(dc.getId());
        CaseDeadline next = null;
        for (CaseRulebook.Deadline d : computed) {
            boolean met = DeadlineSatisfaction.met(d.key(), d.fromDate(), dc, history);
            CaseDeadline saved = deadlines.save(new CaseDeadline(null, dc.getId(), d.key(), d.dueDate(), d.dayType(), d.count(),
                    d.from(), d.fromDate(), truncate(d.citation(), 1000), d.ruleVersion(), met));
            for (int i = 0; i < d.alternatives().size(); i++) {
                CaseRulebook.Alternative a = d.alternatives().get(i);
                alternativeRows.save(new CaseDeadlineAlternative(null, saved.id(), i, a.dueDate(), truncate(a.reading(), 1000)));
            }
            if (!met && (next == null || saved.dueDate().isBefore(next.dueDate()))) {
                next = saved;
            }
        }
        dc.setNextDeadlineDate(next == null ? null : next.dueDate());
        dc.setNextDeadlineKey(next == null ? null : next.key());
        cases.update(dc);
    }

    private static String truncate(@Nullable String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    // ---- assignment and sharing --------------------------------------------------------------

    @Transactional
    public List<DisputeCase> assign(CaseRequests.Assign request, String username) {
        var user = users.findByUsername(request.assignee())
                .orElseThrow(() -> CaseRuleViolation.invalid("assignee", "'" + request.assignee() + "' is not a user"));
        if (!user.hasRole(Roles.SPECIALIST) && !user.hasRole(Roles.ADMIN)) {
            throw CaseRuleViolation.invalid("assignee", "cases are owned by specialists");
        }
        PracticeAccess mine = practiceScopes.of(username);
        PracticeAccess theirs = practiceScopes.of(user);
        List<DisputeCase> out = new ArrayList<>();
        for (Long id : request.caseIds()) {
            DisputeCase dc = cases.findById(id).filter(c -> mine.allows(c.getPracticeId()))
                    .orElseThrow(() -> ApiException.notFound("Case " + id));
            if (!theirs.allows(dc.getPracticeId())) {
                throw CaseRuleViolation.invalid("assignee", user.username() + " does not work for the practice of case " + dc.getCaseNumber());
            }
            dc.setAssignee(user.username());
            out.add(cases.update(dc));
            audit.record(username, AuditAction.CHANGE, "CASE", id, "assigned to " + user.username());
        }
        return out;
    }

    @Transactional
    public void share(Long caseId, String attorney, String username) {
        DisputeCase dc = cases.findById(caseId).orElseThrow(() -> ApiException.notFound("Case " + caseId));
        var user = users.findByUsername(attorney)
                .orElseThrow(() -> CaseRuleViolation.invalid("username", "'" + attorney + "' is not a user"));
        if (!user.hasRole(Roles.ATTORNEY)) {
            throw CaseRuleViolation.invalid("username", "cases are shared with attorneys only");
        }
        if (!practiceScopes.of(user).allows(dc.getPracticeId())) {
            throw CaseRuleViolation.invalid("username", attorney + " does not work for the practice of case " + dc.getCaseNumber());
        }
        if (!shares.existsByCaseIdAndUsername(caseId, attorney)) {
            shares.save(new CaseShare(null, dc.getId(), attorney, username, null));
            audit.record(username, AuditAction.CHANGE, "CASE", caseId, "shared with " + attorney);
        }
    }

    /** Takes a case away from an attorney; they reach it no more (404) from their next request. */
    @Transactional
    public void unshare(Long caseId, String attorney, String username) {
        cases.findById(caseId).orElseThrow(() -> ApiException.notFound("Case " + caseId));
        if (shares.deleteByCaseIdAndUsername(caseId, attorney) == 0) {
            throw ApiException.notFound("A share of case " + caseId + " with " + attorney);
        }
        audit.record(username, AuditAction.CHANGE, "CASE", caseId, "share with " + attorney + " removed");
    }

    /** Attorneys reach shared cases only; for anyone else the case simply does not exist (404). */
    public DisputeCase readable(Long caseId, String username, boolean attorney) {
        DisputeCase dc = cases.findById(caseId).orElseThrow(() -> ApiException.notFound("Case " + caseId));
        if (attorney && !shares.existsByCaseIdAndUsername(caseId, username)) {
            throw ApiException.notFound("Case " + caseId);
        }
        return dc;
    }
}
