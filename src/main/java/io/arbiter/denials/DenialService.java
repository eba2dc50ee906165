package io.arbiter.denials;

import io.arbiter.cases.CaseDocument;
import io.arbiter.cases.CaseDocuments;
import io.arbiter.cases.CaseLines;
import io.arbiter.claims.Adjustment;
import io.arbiter.claims.Claim;
import io.arbiter.claims.ClaimLine;
import io.arbiter.claims.ClaimLines;
import io.arbiter.claims.Claims;
import io.arbiter.claims.CurrentRemittanceDetail;
import io.arbiter.claims.RemarkCode;
import io.arbiter.common.ApiException;
import io.arbiter.common.ApiProblem;
import io.arbiter.common.Jdbc;
import io.arbiter.common.Money;
import io.arbiter.common.Page;
import io.arbiter.findings.DenialClassifier;
import io.arbiter.findings.ScanClaim;
import io.arbiter.practice.Payer;
import io.arbiter.practice.Payers;
import io.arbiter.practice.Plan;
import io.arbiter.practice.PlanType;
import io.arbiter.practice.Plans;
import io.arbiter.practice.Practice;
import io.arbiter.practice.Practices;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Builds denial records from the claims as remitted (claim_line + the current remittances' CAS and RARCs), classifies them
 * with the findings' DenialClassifier, computes appeal deadlines and routes them; keeps their checklists.
 */
@Singleton
public class DenialService {

    static final int CHUNK = 500;
    private static final Set<String> EXHIBIT_TYPES = Set.of("application/pdf", "image/png", "image/jpeg");

    private final DenialRepository denials;
    private final DenialEvidenceRepository evidence;
    private final Claims claims;
    private final ClaimLines lines;
    private final CurrentRemittanceDetail detail;
    private final Payers payers;
    private final Plans plans;
    private final Practices practices;
    private final CaseDocuments documents;
    private final CaseLines caseLines;
    private final DenialClassifier classifier;
    private final DenialTriagePolicy triage;
    private final AppealDeadlinePolicy deadlines;
    private final DenialRouter router;
    private final DenialChecklist checklist;
    private final Clock clock;
    private final Jdbc jdbc;
    /** Appeal windows of the running sync by plan type, payer and denial date (the deadline engine is the costly part). */
    private final Map<String, Optional<AppealDeadlinePolicy.Window>> windowCache = new java.util.concurrent.ConcurrentHashMap<>();

    public DenialService(DenialRepository denials, DenialEvidenceRepository evidence, Claims claims, ClaimLines lines,
                         CurrentRemittanceDetail detail, Payers payers, Plans plans,
                         Practices practices, CaseDocuments documents, CaseLines caseLines,
                         DenialClassifier classifier, DenialTriagePolicy triage, AppealDeadlinePolicy deadlines, DenialRouter router,
                         DenialChecklist checklist, Clock clock, Jdbc jdbc) {
        this.denials = denials;
        this.evidence = evidence;
        this.claims = claims;
        this.lines = lines;
        this.detail = detail;
        this.payers = payers;
        this.plans = plans;
        this.practices = practices;
        this.documents = documents;
        this.caseLines = caseLines;
        this.classifier = classifier;
        this.triage = triage;
        this.deadlines = deadlines;
        this.router = router;
        this.checklist = checklist;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** Builds or refreshes the denial records of the given claims (all claims with adjustments when none given). */
    public DenialRequests.SyncResult sync(@Nullable List<Long> claimIds) {
        // candidates: claims with at least one non-patient line adjustment
        List<Long> ids = claimIds == null || claimIds.isEmpty() ? detail.claimsWithLineAdjustment(
                a -> !"PR".equals(a.groupCode()) && a.amount().signum() > 0) : claimIds;
        int created = 0, updated = 0, unchanged = 0;
        Map<String, Integer> byCategory = new TreeMap<>();
        Map<Long, Optional<Payer>> payerCache = new HashMap<>();
        Map<Long, Optional<Plan>> planCache = new HashMap<>();
        Map<Long, Optional<Practice>> practiceCache = new HashMap<>();
        windowCache.clear();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            List<Claim> cs = claims.findByIdIn(chunk);
            Map<Long, List<ClaimLine>> linesByClaim = lines.findByClaimIdInOrderByClaimIdAndLineNumber(chunk).stream()
                    .collect(Collectors.groupingBy(ClaimLine::claimId));
            CurrentRemittanceDetail.Detail current = detail.of(chunk);
            Map<Long, List<Adjustment>> adjByLine = current.adjustments().stream()
                    .filter(a -> a.claimLineId() != null).collect(Collectors.groupingBy(Adjustment::claimLineId));
            Map<Long, List<String>> rarcByLine = current.remarkCodes().stream().filter(r -> r.claimLineId() != null)
                    .collect(Collectors.groupingBy(RemarkCode::claimLineId, Collectors.mapping(RemarkCode::code, Collectors.toList())));
            List<Long> lineIds = linesByClaim.values().stream().flatMap(List::stream).map(ClaimLine::id).toList();
            Map<Long, Denial> existing = lineIds.isEmpty() ? Map.of()
                    : denials.findByClaimLineIdIn(lineIds).stream().collect(Collectors.toMap(Denial::claimLineId, d -> d));
            List<Denial> fresh = new ArrayList<>();
            for (Claim claim : cs) {
                Payer payer = claim.payerId() == null ? null : payerCache.computeIfAbsent(claim.payerId(), payers::findById).orElse(null);
                Plan plan = claim.planId() == null ? null : planCache.computeIfAbsent(claim.planId(), plans::findById).orElse(null);
                Practice practice = practiceCache.computeIfAbsent(claim.practiceId(), practices::findById).orElse(null);
                for (ClaimLine line : linesByClaim.getOrDefault(claim.id(), List.of())) {
                    Denial built = build(claim, line, adjByLine.getOrDefault(line.id(), List.of()),
                            rarcByLine.getOrDefault(line.id(), List.of()), payer, plan == null ? null : plan.planType(), practice,
                            linesByClaim.getOrDefault(claim.id(), List.of()));
                    if (built == null) {
                        continue;
                    }
                    byCategory.merge(built.category(), 1, Integer::sum);
                    Denial old = existing.get(line.id());
                    if (old == null) {
                        fresh.add(built);
                        created++;
                    } else {
                        Denial refreshed = old.refreshedFrom(built);
                        if (sameClassification(old, refreshed)) {
                            unchanged++;
                            continue;
                        }
                        Denial saved = denials.update(refreshed);
                        if (!old.category().equals(saved.category()) || !old.procedureCode().equals(saved.procedureCode())) {
                            writeChecklist(saved, evidence.findByDenialIdOrderByItemIndex(saved.id()));
                        }
                        updated++;
                    }
                }
            }
            // New records and their checklists go in as batches.
            List<DenialEvidence> items = new ArrayList<>();
            insert(fresh);
        }
        return new DenialRequests.SyncResult(ids.size(), created, updated, unchanged, byCategory);
    }

    private static final String INSERT_DENIAL = "INSERT INTO denial (claim_id, claim_line_id, practice_id, payer_id, plan_type, "
            + "procedure_code, service_date, group_code, carc, rarc, category, kind, work_type, appealable, charge, paid, denied_amount, "
            + "recoverable_estimate, denial_date, appeal_due, appeal_basis, owner, routing_rule, status, recovered_amount, version, "
            + "created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0,?,?)";
    private static final String INSERT_EVIDENCE = "INSERT INTO denial_evidence (denial_id, item_index, description, required, attached) "
            + "VALUES (?,?,?,?,FALSE)";

    /** New records and their checklists in one transaction of JDBC batches (per-row repository saves dominated a sync). */
    private void insert(List<Denial> fresh) {
        if (fresh.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS));
        jdbc.inTransaction(c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(INSERT_DENIAL, Statement.RETURN_GENERATED_KEYS)) {
                for (Denial d : fresh) {
                    int i = 1;
                    ps.setLong(i++, d.claimId());
                    ps.setLong(i++, d.claimLineId());
                    ps.setLong(i++, d.practiceId());
                    ps.setObject(i++, d.payerId());
                    ps.setString(i++, d.planType());
                    ps.setString(i++, d.procedureCode());
                    ps.setObject(i++, d.serviceDate() == null ? null : Date.valueOf(d.serviceDate()));
                    ps.setString(i++, d.groupCode());
                    ps.setString(i++, d.carc());
                    ps.setString(i++, d.rarc());
                    ps.setString(i++, d.category());
                    ps.setString(i++, d.kind().name());
                    ps.setString(i++, d.workType().name());
                    ps.setBoolean(i++, d.appealable());
                    ps.setBigDecimal(i++, d.charge());
                    ps.setBigDecimal(i++, d.paid());
                    ps.setBigDecimal(i++, d.deniedAmount());
                    ps.setBigDecimal(i++, d.recoverableEstimate());
                    ps.setObject(i++, d.denialDate() == null ? null : Date.valueOf(d.denialDate()));
                    ps.setObject(i++, d.appealDue() == null ? null : Date.valueOf(d.appealDue()));
                    ps.setString(i++, d.appealBasis());
                    ps.setString(i++, d.owner());
                    ps.setString(i++, d.routingRule());
                    ps.setString(i++, d.status().name());
                    ps.setBigDecimal(i++, d.recoveredAmount());
                    ps.setTimestamp(i++, now);
                    ps.setTimestamp(i, now);
                    ps.addBatch();
                }
                ps.executeBatch();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    while (keys.next()) {
                        ids.add(keys.getLong(1));
                    }
                }
            }
            if (ids.size() != fresh.size()) {
                throw new IllegalStateException("expected " + fresh.size() + " generated denial ids, got " + ids.size());
            }
            try (PreparedStatement ps = c.prepareStatement(INSERT_EVIDENCE)) {
                for (int n = 0; n < fresh.size(); n++) {
                    for (DenialChecklist.Item item : checklist.items(fresh.get(n).category(), fresh.get(n).procedureCode())) {
                        ps.setLong(1, ids.get(n));
                        ps.setInt(2, item.index());
                        ps.setString(3, item.description());
                        ps.setBoolean(4, item.required());
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    private static boolean sameClassification(Denial a, Denial b) {
        return Objects.equals(a.carc(), b.carc()) && Objects.equals(a.rarc(), b.rarc()) && a.category().equals(b.category())
                && a.kind() == b.kind() && a.workType() == b.workType() && a.appealable() == b.appealable()
                && a.deniedAmount().compareTo(b.deniedAmount()) == 0 && a.paid().compareTo(b.paid()) == 0
                && a.charge().compareTo(b.charge()) == 0 && a.recoverableEstimate().compareTo(b.recoverableEstimate()) == 0
                && Objects.equals(a.appealDue(), b.appealDue()) && Objects.equals(a.appealBasis(), b.appealBasis())
                && Objects.equals(a.owner(), b.owner()) && Objects.equals(a.planType(), b.planType())
                && Objects.equals(a.procedureCode(), b.procedureCode()) && Objects.equals(a.denialDate(), b.denialDate());
    }

    /** The denial record of one line, or null when no non-patient adjustment on it is a denial reason. */
    @Nullable Denial build(Claim claim, ClaimLine line, List<Adjustment> adjs, List<String> rarcs, @Nullable Payer payer,
                           @Nullable PlanType planType, @Nullable Practice practice, List<ClaimLine> claimLines) {
        List<Adjustment> denying = adjs.stream().filter(a -> !"PR".equals(a.groupCode()) && a.amount().signum() > 0
                && classifier.isDenialReason(a.reasonCode())).toList();
        if (denying.isEmpty()) {
            return null;
        }
        BigDecimal denied = Money.cents(denying.stream().map(Adjustment::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
        Adjustment primary = denying.stream().max(Comparator.comparing(Adjustment::amount)).orElseThrow();
        List<ScanClaim.Adj> scanAdjs = new ArrayList<>();
        scanAdjs.add(new ScanClaim.Adj(primary.groupCode(), primary.reasonCode(), primary.amount()));
        denying.stream().filter(a -> a != primary).forEach(a -> scanAdjs.add(new ScanClaim.Adj(a.groupCode(), a.reasonCode(), a.amount())));
        Optional<DenialClassifier.Playbook> pb = classifier.classify(scanAdjs, rarcs);
        String category = pb.map(DenialClassifier.Playbook::category).orElse("UNCLASSIFIED");
        // The RARC that set the category when one did (M15, N211), else the line's first remark.
        String rarc = rarcs.stream().filter(r -> classifier.playbook(null, r).isPresent()).findFirst()
                .orElse(rarcs.isEmpty() ? null : rarcs.get(0));
        LocalDate denialDate = claim.paymentDate();
        LocalDate dos = line.serviceDate() != null ? line.serviceDate() : claim.serviceDateFrom();
        // Correctly bundled imaging (77003 with 64483 the same day) is priced $0: a write-off, never recoverable (issue 14 item 10).
        Optional<io.arbiter.pricing.BundledImagingPolicy.Service> bundledInto = triage.correctlyBundled(line, dos, claimLines, claim.serviceDateFrom());
        DenialTriagePolicy.Triage t = bundledInto.isPresent() ? new DenialTriagePolicy.Triage(WorkType.NONE, false)
                : triage.triage(primary.reasonCode(), rarcs, planType);
        // Workers' comp windows run from the date of service, so it is part of the key only there.
        LocalDate windowDos = planType == PlanType.WORKERS_COMP ? dos : null;
        AppealDeadlinePolicy.Window window = t.workType() == WorkType.NONE ? null : windowCache.computeIfAbsent(
                planType + "|" + (payer == null ? null : payer.id() + ":" + payer.appealWindowDays()) + "|" + denialDate + "|" + windowDos,
                k -> Optional.ofNullable(deadlines.due(planType, payer, denialDate, windowDos))).orElse(null);
        BigDecimal recoverable = triage.recoverable(t.workType(), denied, denialDate != null ? denialDate : dos != null ? dos : LocalDate.now(clock));
        DenialRouter.Assignment owner = router.route(new DenialRouter.Subject(category, payer == null ? null : payer.payerCode(),
                practice == null ? null : practice.billingNpi(), t.workType()));
        return new Denial(null, claim.id(), line.id(), claim.practiceId(), claim.payerId(), planType == null ? null : planType.name(),
                line.procedureCode(), dos, primary.groupCode(), primary.reasonCode(), rarc, category,
                line.paid().signum() == 0 ? DenialKind.DENIED : DenialKind.REDUCED, t.workType(), t.appealable(), Money.cents(line.charge()),
                Money.cents(line.paid()), denied, recoverable, denialDate, window == null ? null : window.due(),
                window == null ? (bundledInto.isPresent() ? truncate("Correctly bundled into " + bundledInto.get().code()
                        + " (imaging guidance is in its descriptor; priced $0): write off, nothing to recover. " + triage.bundledImagingCitation(), 480)
                        : t.workType() == WorkType.NONE ? "Not appealable" : "No denial date on the remittance")
                        : (window.unverified() ? "[DEFAULT - set the payer's appeal window] " : "") + truncate(window.basis(), 480),
                owner == null ? null : owner.owner(), owner == null ? null : owner.ruleId(), DenialStatus.OPEN,
                BigDecimal.ZERO.setScale(2), null, null, null);
    }

    private static String truncate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    /** (Re)writes the checklist for the record's category, keeping attachments of items whose text is unchanged. */
    private void writeChecklist(Denial d, List<DenialEvidence> previous) {
        Map<String, DenialEvidence> kept = previous.stream().filter(DenialEvidence::attached)
                .collect(Collectors.toMap(DenialEvidence::description, e -> e, (a, b) -> a));
        evidence.deleteByDenialId(d.id());
        for (DenialChecklist.Item item : checklist.items(d.category(), d.procedureCode())) {
            DenialEvidence k = kept.get(item.description());
            evidence.save(new DenialEvidence(null, d.id(), item.index(), item.description(), item.required(), k != null,
                    k == null ? null : k.documentId(), k == null ? null : k.documentTitle(), k == null ? null : k.attachedBy(),
                    k == null ? null : k.attachedAt()));
        }
    }

    public Page<DenialView> list(@Nullable String category, @Nullable String owner, @Nullable String status,
                                 io.arbiter.security.PracticeAccess access, Integer page, Integer size) {
        if (status != null) {
            try {
                DenialStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("status must be one of " + List.of(DenialStatus.values()));
            }
        }
        return Page.of(denials.search(category, owner, status, access.all(), access.idsForQuery(), Page.request(page, size)), this::view);
    }

    /** Where a keyset page of the denial worklist starts: after this appeal deadline (null: none) and denial id. */
    public record After(@Nullable LocalDate appealDue, long id) {
    }

    /** A page of the work queue after {@code after} (from the top when null), soonest appeal deadline first. */
    public List<DenialView> listAfter(@Nullable String category, @Nullable String owner, @Nullable String status,
                                      io.arbiter.security.PracticeAccess access, @Nullable After after, int size) {
        LocalDate due = after == null ? LocalDate.of(1, 1, 1) : after.appealDue() == null ? LocalDate.of(9999, 12, 31) : after.appealDue();
        return denials.searchAfter(category, owner, status, access.all(), access.idsForQuery(), due, after == null ? 0 : after.id(), size)
                .stream().map(this::view).toList();
    }

    public DenialView get(Long id) {
        return view(find(id));
    }

    /** The denial record of a claim line, if the line was denied or reduced (after a sync). */
    public Optional<DenialView> forClaimLine(Long claimLineId) {
        return denials.findByClaimLineId(claimLineId).map(this::view);
    }

    private Denial find(Long id) {
        return denials.findById(id).orElseThrow(() -> ApiException.notFound("Denial " + id));
    }

    /** Marks items attached to (or detached from) an uploaded document of a case that includes the denied line. */
    @Transactional
    public DenialView attachEvidence(Long id, DenialRequests.Evidence body, String username) {
        Denial d = find(id);
        boolean attach = body.attached() == null || body.attached();
        if (body.items() == null || body.items().isEmpty()) {
            throw ApiException.unprocessable("No checklist items given", List.of(new ApiProblem.ProblemDetail("items", "list the item indexes to mark")));
        }
        List<DenialEvidence> items = evidence.findByDenialIdOrderByItemIndex(id);
        CaseDocument doc = null;
        if (attach) {
            if (body.documentId() == null) {
                throw ApiException.unprocessable("Evidence must reference an uploaded document",
                        List.of(new ApiProblem.ProblemDetail("documentId", "upload the document to the appeal case first (POST /api/v1/cases/{id}/documents)")));
            }
            doc = documents.findById(body.documentId()).orElseThrow(() -> ApiException.unprocessable("Unknown document",
                    List.of(new ApiProblem.ProblemDetail("documentId", "document " + body.documentId() + " does not exist"))));
            Long caseId = doc.caseId();
            boolean caseHasLine = caseLines.findByCaseIdOrderById(caseId).stream().anyMatch(l -> l.claimLineId().equals(d.claimLineId()));
            if (!caseHasLine) {
                throw ApiException.unprocessable("Document is on another case", List.of(new ApiProblem.ProblemDetail("documentId",
                        "document " + doc.id() + " belongs to case " + caseId + ", which does not include the denied line")));
            }
            if (!EXHIBIT_TYPES.contains(doc.contentType())) {
                throw ApiException.unprocessable("Document cannot be an exhibit", List.of(new ApiProblem.ProblemDetail("documentId",
                        "only PDF, PNG or JPEG documents can be attached to an appeal (got " + doc.contentType() + ")")));
            }
        }
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        List<ApiProblem.ProblemDetail> errors = new ArrayList<>();
        for (Integer idx : body.items()) {
            DenialEvidence item = items.stream().filter(e -> idx != null && e.itemIndex() == idx).findFirst().orElse(null);
            if (item == null) {
                errors.add(new ApiProblem.ProblemDetail("items", "no checklist item " + idx + " (items 0.." + (items.size() - 1) + ")"));
                continue;
            }
            evidence.update(attach ? item.attach(doc.id(), doc.title(), username, now)
                    : new DenialEvidence(item.id(), item.denialId(), item.itemIndex(), item.description(), item.required(), false,
                    null, null, null, null));
        }
        if (!errors.isEmpty()) {
            throw ApiException.unprocessable("Unknown checklist items", errors);
        }
        return view(d);
    }

    @Transactional
    public DenialView outcome(Long id, DenialRequests.Outcome body) {
        Denial d = find(id);
        DenialStatus s = body.status();
        if (s == null) {
            throw ApiException.badRequest("status must be one of " + List.of(DenialStatus.values()));
        }
        BigDecimal recovered = body.recoveredAmount() == null ? d.recoveredAmount() : body.recoveredAmount();
        if (recovered.signum() < 0 || recovered.scale() > 2 || recovered.compareTo(d.deniedAmount()) > 0) {
            throw ApiException.unprocessable("Invalid recovered amount", List.of(new ApiProblem.ProblemDetail("recoveredAmount",
                    "must be between 0 and the denied amount " + d.deniedAmount() + " with at most 2 decimals")));
        }
        return view(denials.update(d.withOutcome(s, Money.cents(recovered))));
    }

    /** The denial records of these claim lines (reconciliation: is a later payment on a line a recovery?). */
    public List<Denial> forClaimLines(java.util.Collection<Long> claimLineIds) {
        return claimLineIds.isEmpty() ? List.of() : denials.findByClaimLineIdIn(claimLineIds);
    }

    public Optional<Denial> record(Long id) {
        return denials.findById(id);
    }

    /**
     * A payment on a denied line (an 835 paying it later, or finance assigning a payment to it): adds to what was recovered,
     * up to the denied amount, and marks the denial RECOVERED. Joins the caller's transaction; returns the amount applied.
     */
    @Transactional
    public BigDecimal recover(Long id, BigDecimal amount) {
        Denial d = find(id);
        BigDecimal room = d.deniedAmount().subtract(d.recoveredAmount());
        BigDecimal applied = Money.cents(amount.min(room.max(BigDecimal.ZERO)));
        if (applied.signum() > 0) {
            denials.update(d.withOutcome(DenialStatus.RECOVERED, Money.cents(d.recoveredAmount().add(applied))));
        }
        return applied;
    }

    @Transactional
    public DenialView assign(Long id, String owner) {
        if (owner == null || owner.isBlank()) {
            throw ApiException.badRequest("owner is required");
        }
        return view(denials.update(find(id).withOwner(owner, "manual")));
    }

    /**
     * Assigns each denial the assigner reaches to {@code owner}, when the owner works for its practice; returns the
     * denials refused with the reason (the rest were assigned).
     */
    @Transactional
    public Map<Long, String> assignAll(java.util.Collection<Long> ids, String owner, io.arbiter.security.PracticeAccess assigner,
                                       io.arbiter.security.PracticeAccess ownerReaches) {
        Map<Long, String> refused = new java.util.LinkedHashMap<>();
        for (Long id : new java.util.LinkedHashSet<>(ids)) {
            Denial d = denials.findById(id).orElse(null);
            if (d == null || !assigner.allows(d.practiceId())) {
                refused.put(id, "no such denial");
            } else if (!ownerReaches.allows(d.practiceId())) {
                refused.put(id, owner + " does not work for this claim's practice");
            } else {
                denials.update(d.withOwner(owner, "manual"));
            }
        }
        return refused;
    }

    /** The checklist of the denial on this claim line, if there is one (used by the appeal packet). */
    public Optional<List<DenialEvidence>> checklistForLine(Long claimLineId) {
        return denials.findByClaimLineId(claimLineId).map(d -> evidence.findByDenialIdOrderByItemIndex(d.id()));
    }

    DenialView view(Denial d) {
        List<DenialEvidence> items = evidence.findByDenialIdOrderByItemIndex(d.id());
        List<String> missing = items.stream().filter(e -> e.required() && !e.attached()).map(DenialEvidence::description).toList();
        DenialClassifier.Playbook pb = classifier.playbooks().stream().filter(p -> p.category().equals(d.category())).findFirst().orElse(null);
        String payerName = d.payerId() == null ? null : payers.findById(d.payerId()).map(Payer::name).orElse(null);
        Long daysLeft = d.appealDue() == null ? null : ChronoUnit.DAYS.between(LocalDate.now(clock), d.appealDue());
        return new DenialView(d.id(), d.claimId(), d.claimLineId(), payerName, d.planType(), d.procedureCode(), d.serviceDate(),
                d.groupCode(), d.carc(), d.rarc(), d.category(), pb == null ? null : pb.title(), d.kind().name(), d.workType().name(),
                d.workType() == WorkType.CORRECTED_CLAIM, d.appealable(), d.charge(), d.paid(), d.deniedAmount(), d.recoverableEstimate(),
                d.denialDate(), d.appealDue(), daysLeft, d.appealBasis(), d.owner(), d.routingRule(), d.status().name(), d.recoveredAmount(),
                items.stream().map(e -> new DenialView.Evidence(e.itemIndex(), e.description(), e.required(), e.attached(), e.documentId(),
                        e.documentTitle())).toList(),
                missing, d.workType() == WorkType.APPEAL && missing.isEmpty(), pb == null || pb.citation() == null ? null : pb.citation().toString());
    }
}
