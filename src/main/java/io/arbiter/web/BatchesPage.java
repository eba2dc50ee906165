package io.arbiter.web;

import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditLog;
import io.arbiter.cases.BatchCandidates;
import io.arbiter.cases.BatchProposer;
import io.arbiter.cases.CaseRequests;
import io.arbiter.cases.CaseService;
import io.arbiter.cases.CaseView;
import io.arbiter.cases.DisputeCase;
import io.arbiter.common.ApiException;
import io.arbiter.practice.Payer;
import io.arbiter.practice.Payers;
import io.arbiter.security.Roles;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Batch proposals for specialists: {@link BatchProposer#page} over the practices' claims (federal IDR lines of one provider,
 * payer and service code within one service window whose open negotiation can still start), soonest deadline first, a
 * page at a time and filtered by payer, code and service dates; the left-out lines by claim number with their reason, a
 * page at a time; and "Open as one dispute" (CaseService.open with the proposal's lineIds, refused once the window has
 * closed).
 */
@Controller("/ui/batches")
@Secured({Roles.SPECIALIST, Roles.ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class BatchesPage {

    /** What the batching pathway requires, as the case page's batch panel states it. */
    static final String CRITERIA = "Same provider (billing NPI), same payer, same service code, services within one 30-business-day window; "
            + "federal IDR track only; open negotiation still possible for every line";
    static final String CITATION = "42 U.S.C. 300gg-111(c)(3); 45 CFR 149.510(c)(3); federal-idr.md §4";

    private final Pages pages;
    private final BatchProposer proposer;
    private final CaseService cases;
    private final Payers payers;
    private final AuditLog audit;

    public BatchesPage(Pages pages, BatchProposer proposer, CaseService cases, Payers payers, AuditLog audit) {
        this.pages = pages;
        this.proposer = proposer;
        this.cases = cases;
        this.payers = payers;
        this.audit = audit;
    }

    /** Proposals per page, left-out lines per page, and lines shown of each proposal (the form carries all of them). */
    static final int PAGE = 20;
    static final int EXCLUDED_PAGE = 50;
    static final int LINES_SHOWN = 10;

    @Get(produces = MediaType.TEXT_HTML)
    public HttpResponse<String> show(HttpRequest<?> request, Authentication who, @QueryValue @Nullable String payer,
                                     @QueryValue @Nullable String code, @QueryValue @Nullable String from,
                                     @QueryValue @Nullable String to, @QueryValue @Nullable Integer page,
                                     @QueryValue @Nullable Integer xpage, @QueryValue @Nullable String excluded) {
        Map<String, Object> m = new HashMap<>();
        List<Payer> payerList = payers.byName();
        Map<Long, String> payerNames = payerList.stream().collect(Collectors.toMap(Payer::id, Payer::name, (a, b) -> a));
        List<String> problems = new ArrayList<>();
        Long payerId = null;
        if (payer != null && !payer.isBlank()) {
            try {
                payerId = Long.valueOf(payer.trim());
            } catch (NumberFormatException e) {
                problems.add("Payer: '" + payer + "' is not one of the payers");
            }
        }
        LocalDate fromDate = date("Served from", from, problems);
        LocalDate toDate = date("Served to", to, problems);
        String codeFilter = code == null || code.isBlank() ? null : code.trim().toUpperCase();
        String query = "payer=" + QueuePage.enc(nz(payer)) + "&code=" + QueuePage.enc(nz(codeFilter)) + "&from=" + QueuePage.enc(nz(from))
                + "&to=" + QueuePage.enc(nz(to));
        // the left-out lines are listed on request (their counts always show): listing sorts every line
        boolean listExcluded = xpage != null || "1".equals(excluded);
        m.put("listExcluded", listExcluded);
        if (problems.isEmpty()) {
            BatchProposer.Page p = proposer.page(new BatchCandidates.Filter(payerId, codeFilter, fromDate, toDate, null),
                    pages.practices(who), page == null ? 0 : page, PAGE, xpage == null ? 0 : xpage, listExcluded ? EXCLUDED_PAGE : 0,
                    LINES_SHOWN);
            List<Map<String, Object>> proposals = new ArrayList<>();
            for (BatchProposer.Proposal x : p.proposals()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("p", x);
                row.put("payer", payerNames.getOrDefault(x.payerId(), "payer " + x.payerId()));
                row.put("lineIds", x.lineIds().stream().map(String::valueOf).toList());
                row.put("more", x.lineCount() - x.lines().size());
                proposals.add(row);
            }
            m.put("proposals", proposals);
            m.put("result", p);
            m.put("excluded", p.excluded());
            if (p.page() > 0) {
                m.put("prevHref", "/ui/batches?" + query + "&page=" + (p.page() - 1));
            }
            if (p.page() + 1 < p.pages()) {
                m.put("nextHref", "/ui/batches?" + query + "&page=" + (p.page() + 1));
            }
            m.put("showExcludedHref", "/ui/batches?" + query + "&page=" + p.page() + "&excluded=1#ex-h");
            if (listExcluded && p.excludedPage() > 0) {
                m.put("xprevHref", "/ui/batches?" + query + "&page=" + p.page() + "&xpage=" + (p.excludedPage() - 1) + "#ex-h");
            }
            if (listExcluded && p.excludedPage() + 1 < p.excludedPages()) {
                m.put("xnextHref", "/ui/batches?" + query + "&page=" + p.page() + "&xpage=" + (p.excludedPage() + 1) + "#ex-h");
            }
            audit.record(who, AuditAction.VIEW, "CLAIM", null, "batch proposals (" + p.proposals().size() + " of " + p.proposalCount()
                    + "), browser");
        } else {
            m.put("proposals", List.of());
            m.put("excluded", List.of());
            m.put("error", String.join("; ", problems));
        }
        m.put("payers", payerList);
        m.put("filters", Map.of("payer", nz(payer), "code", nz(codeFilter), "from", nz(from), "to", nz(to)));
        m.put("criteria", CRITERIA);
        m.put("citation", BatchProposer.CITATION_TEXT);
        return pages.page(request, who, "batches.ftlh", "Batch proposals", m);
    }

    private static @Nullable LocalDate date(String label, @Nullable String raw, List<String> problems) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.trim());
        } catch (java.time.format.DateTimeParseException e) {
            problems.add(label + ": '" + raw + "' is not a date (YYYY-MM-DD)");
            return null;
        }
    }

    private static String nz(@Nullable String s) {
        return s == null ? "" : s;
    }

    @Post(value = "/open", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<String> open(HttpRequest<?> request, Authentication who, @Body Map<String, Object> form) {
        Object csrf = form.get(WebSession.CSRF_FIELD);
        pages.session().verifyCsrf(request, csrf == null ? null : csrf.toString());
        List<Long> lineIds = new ArrayList<>();
        Object raw = form.get("lineId");
        try {
            if (raw instanceof List<?> list) {
                list.forEach(v -> lineIds.add(Long.valueOf(v.toString())));
            } else if (raw != null) {
                lineIds.add(Long.valueOf(raw.toString()));
            }
        } catch (NumberFormatException e) {
            return Pages.redirect("/ui/batches?error=" + QueuePage.enc("The proposal's line list is not valid; reload the page."));
        }
        if (lineIds.isEmpty()) {
            return Pages.redirect("/ui/batches?error=" + QueuePage.enc("Choose at least one line."));
        }
        try {
            // true: a proposal shown before a window closed is refused after it, not opened overdue
            DisputeCase dc = cases.open(new CaseRequests.Create(null, lineIds, who.getName(), null), who.getName(), pages.practices(who),
                    true);
            audit.record(who, AuditAction.CREATE, "CASE", dc.getId(), "opened from a batch proposal of " + lineIds.size() + " lines, browser");
            return Pages.redirect("/ui/cases/" + dc.getId() + "?flash=" + QueuePage.enc("Case " + dc.getCaseNumber() + " opened with "
                    + lineIds.size() + " line" + (lineIds.size() == 1 ? "" : "s") + "."));
        } catch (ApiException e) {
            return Pages.redirect("/ui/batches?error=" + QueuePage.enc(WebErrors.describe(e)));
        }
    }

    /** The case page's batch panel: members by claim, the service window, and the criteria that admit them. */
    static Map<String, Object> panel(CaseView view) {
        Map<Long, List<CaseView.Line>> byClaim = new LinkedHashMap<>();
        view.lines().forEach(l -> byClaim.computeIfAbsent(l.claimId(), k -> new ArrayList<>()).add(l));
        List<Map<String, Object>> members = new ArrayList<>();
        byClaim.forEach((claimId, ls) -> members.add(Map.of("claimId", claimId, "lines", ls)));
        List<LocalDate> dates = view.lines().stream().map(CaseView.Line::serviceDate).filter(Objects::nonNull).sorted().toList();
        Map<String, Object> m = new HashMap<>();
        m.put("members", members);
        m.put("claimCount", byClaim.size());
        m.put("lineCount", view.lines().size());
        m.put("codes", view.lines().stream().map(CaseView.Line::procedureCode).distinct().sorted(Comparator.naturalOrder()).toList());
        if (!dates.isEmpty()) {
            m.put("first", dates.get(0));
            m.put("last", dates.get(dates.size() - 1));
        }
        m.put("criteria", CRITERIA);
        m.put("citation", CITATION);
        return m;
    }
}
