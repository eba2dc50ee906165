package io.arbiter.web;

import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditLog;
import io.arbiter.cases.CaseLine;
import io.arbiter.cases.CaseLines;
import io.arbiter.cases.CaseRequests;
import io.arbiter.cases.CaseService;
import io.arbiter.cases.DisputeCase;
import io.arbiter.cases.DisputeCases;
import io.arbiter.claims.ClaimReader;
import io.arbiter.claims.ClaimView;
import io.arbiter.common.ApiException;
import io.arbiter.common.Page;
import io.arbiter.findings.Finding;
import io.arbiter.findings.Findings;
import io.arbiter.findings.FindingType;
import io.arbiter.findings.FindingsScanner;
import io.arbiter.security.Roles;
import io.arbiter.tracks.TrackDecision;
import io.arbiter.tracks.TrackFactsService;
import io.arbiter.tracks.TrackSelector;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Claims: search by patient / payer claim control number, and one claim with its money, codes, findings and track. */
@Controller("/ui/claims")
@Secured({Roles.SPECIALIST, Roles.ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class ClaimsPage {

    /** A claim line as the page shows it: the claim's money plus what the findings say it should have paid. */
    public record LineRow(ClaimView.Line line, @Nullable BigDecimal expected, @Nullable BigDecimal gap,
                          List<Code> adjustments, List<Code> remarks) {
    }

    /** A code with its amount (adjustments) and plain-words meaning. */
    public record Code(String code, String group, String groupText, @Nullable BigDecimal amount, String text, String source,
                       boolean unverified) {
    }

    private final Pages pages;
    private final ClaimReader claims;
    private final Findings findings;
    private final FindingsScanner scanner;
    private final TrackFactsService facts;
    private final TrackSelector selector;
    private final CaseService cases;
    private final CaseLines caseLines;
    private final DisputeCases disputeCases;
    private final RemarkCodeDictionary codes;
    private final AuditLog audit;
    private final io.arbiter.claims.RepricingDue repricingDue;

    public ClaimsPage(Pages pages, ClaimReader claims, Findings findings, FindingsScanner scanner, TrackFactsService facts,
                      TrackSelector selector, CaseService cases, CaseLines caseLines, DisputeCases disputeCases,
                      RemarkCodeDictionary codes, AuditLog audit, io.arbiter.claims.RepricingDue repricingDue) {
        this.repricingDue = repricingDue;
        this.pages = pages;
        this.claims = claims;
        this.findings = findings;
        this.scanner = scanner;
        this.facts = facts;
        this.selector = selector;
        this.cases = cases;
        this.caseLines = caseLines;
        this.disputeCases = disputeCases;
        this.codes = codes;
        this.audit = audit;
    }

    @Get(produces = MediaType.TEXT_HTML)
    public HttpResponse<String> list(HttpRequest<?> request, Authentication who, @QueryValue @Nullable String q,
                                     @QueryValue @Nullable String field, @QueryValue @Nullable Integer page) {
        String term = q == null ? "" : q.trim();
        boolean byPayerNumber = "payer".equals(field);
        Page<ClaimView.Summary> result = claims.search(byPayerNumber || term.isEmpty() ? null : term,
                byPayerNumber && !term.isEmpty() ? term : null, null, null, pages.practices(who), Page.request(page == null ? 0 : page, 50));
        audit.record(who, AuditAction.LIST, "CLAIM", null, "browser, page " + result.page() + ", " + result.items().size() + " claims");
        Map<String, Object> m = new HashMap<>();
        m.put("claims", result.items());
        m.put("total", result.total());
        m.put("page", result.page());
        m.put("pages", (int) Math.max(1, (result.total() + 49) / 50));
        m.put("q", term);
        m.put("field", byPayerNumber ? "payer" : "patient");
        return pages.page(request, who, "claims.ftlh", "Claims", m);
    }

    @Get(value = "/{id}", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> show(HttpRequest<?> request, Authentication who, @PathVariable Long id) {
        ClaimView c = claims.read(id);
        audit.record(who, AuditAction.VIEW, "CLAIM", id, "browser");
        // While the claim waits to be priced again after a change to its remittances, no superseded gap is shown.
        java.time.LocalDateTime repricing = repricingDue.since(List.of(id)).get(id);
        List<Finding> found = repricing != null ? List.of()
                : findings.search(null, id, io.arbiter.security.PracticeAccess.EVERY, Pageable.from(0, 500)).getContent();
        List<LineRow> rows = new ArrayList<>();
        for (ClaimView.Line l : c.lines()) {
            Finding priced = found.stream().filter(f -> Objects.equals(f.lineId(), l.id()) && f.type() == FindingType.UNDERPAYMENT)
                    .findFirst().orElse(null);
            rows.add(new LineRow(l, priced == null ? null : priced.expected(), priced == null ? null : priced.gap(),
                    l.adjustments().stream().map(this::adjustment).toList(),
                    l.remarkCodes().stream().map(this::remark).toList()));
        }
        TrackDecision track = selector.select(facts.factsFor(id));
        Map<Long, DisputeCase> openCases = new LinkedHashMap<>();
        for (CaseLine cl : caseLines.findByClaimLineIdIn(c.lines().stream().map(ClaimView.Line::id).toList())) {
            disputeCases.findById(cl.caseId()).ifPresent(dc -> openCases.put(dc.getId(), dc));
        }
        Map<String, Object> m = new HashMap<>();
        m.put("c", c);
        m.put("rows", rows);
        m.put("claimAdjustments", c.adjustments().stream().map(this::adjustment).toList());
        m.put("claimRemarks", c.remarkCodes().stream().map(this::remark).toList());
        m.put("findings", found);
        if (repricing != null) {
            m.put("repricingSince", repricing.toLocalDate());
        }
        found.stream().map(Finding::createdAt).filter(Objects::nonNull).max(java.util.Comparator.naturalOrder())
                .ifPresent(t -> m.put("pricedOn", t.toLocalDate()));
        m.put("track", track);
        m.put("cases", openCases.values().stream().map(dc -> Map.of("id", dc.getId(), "number", dc.getCaseNumber(),
                "open", dc.open())).toList());
        m.put("canOpen", openCases.values().stream().noneMatch(DisputeCase::open));
        return pages.page(request, who, "claim.ftlh", "Claim " + c.patientControlNumber(), m);
    }

    /** Opens a dispute case on the claim's lines (the same service POST /api/v1/cases calls). */
    @Post(value = "/{id}/case", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<String> openCase(HttpRequest<?> request, Authentication who, @PathVariable Long id, @Body Map<String, String> form) {
        pages.session().verifyCsrf(request, form.get(WebSession.CSRF_FIELD));
        try {
            DisputeCase dc = cases.open(new CaseRequests.Create(List.of(id), null, who.getName(), null), who.getName(), pages.practices(who));
            audit.record(who, AuditAction.CREATE, "CASE", dc.getId(), "opened from claim " + id + " in the browser");
            return Pages.redirect("/ui/cases/" + dc.getId() + "?flash=" + QueuePage.enc("Case " + dc.getCaseNumber() + " opened."));
        } catch (ApiException e) {
            return Pages.redirect("/ui/claims/" + id + "?error=" + QueuePage.enc(WebErrors.describe(e)));
        }
    }

    /** Prices the claim again against the practice's default benchmark (same scanner as POST /api/v1/findings/scan). */
    @Post(value = "/{id}/scan", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<String> scan(HttpRequest<?> request, Authentication who, @PathVariable Long id, @Body Map<String, String> form) {
        pages.session().verifyCsrf(request, form.get(WebSession.CSRF_FIELD));
        claims.read(id);
        try {
            FindingsScanner.ScanResult r = scanner.scan(new FindingsScanner.ScanRequest(List.of(id), null, null, null));
            audit.record(who, AuditAction.CHANGE, "CLAIM", id, "findings scan, " + r.findings() + " findings");
            return Pages.redirect("/ui/claims/" + id + "?flash=" + QueuePage.enc(r.findings() + " finding(s) from the scan."));
        } catch (ApiException e) {
            return Pages.redirect("/ui/claims/" + id + "?error=" + QueuePage.enc(WebErrors.describe(e)));
        }
    }

    private Code adjustment(ClaimView.AdjustmentView a) {
        RemarkCodeDictionary.Meaning g = codes.group(a.group());
        RemarkCodeDictionary.Meaning m = codes.carc(a.reasonCode());
        return new Code(a.group() + "-" + a.reasonCode(), a.group(), g.text(), a.amount(), m.text(), m.citation().toString(),
                m.citation().unverified());
    }

    private Code remark(String code) {
        RemarkCodeDictionary.Meaning m = codes.rarc(code);
        return new Code(code, "", "", null, m.text(), m.citation().toString(), m.citation().unverified());
    }
}
