package io.arbiter.web;

import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditLog;
import io.arbiter.cases.CaseLine;
import io.arbiter.cases.CaseLines;
import io.arbiter.cases.DisputeCase;
import io.arbiter.cases.DisputeCases;
import io.arbiter.common.CsvCells;
import io.arbiter.common.EnumText;
import io.arbiter.denials.DenialService;
import io.arbiter.denials.DenialStatus;
import io.arbiter.denials.DenialView;
import io.arbiter.findings.UnderpaymentWorklist;
import io.arbiter.practice.Payers;
import io.arbiter.security.PracticeAccess;
import io.arbiter.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The specialist's worklists (issue 21): underpaid lines, largest gap first, and denied lines, soonest appeal deadline
 * first — filterable, paged, exportable as CSV, each row linked to its claim and, where one is open, its case. Only
 * the practices the reader works for.
 */
@Hidden
@Controller("/ui/worklists")
@Secured({Roles.SPECIALIST, Roles.ADMIN})
public class WorklistsPage {

    private static final int PAGE = 50;
    private static final int CSV_MAX = 10_000;

    private final Pages pages;
    private final io.arbiter.cases.CaseService caseService;
    private final UnderpaymentWorklist underpayments;
    private final DenialService denials;
    private final CaseLines caseLines;
    private final DisputeCases cases;
    private final Payers payers;
    private final AuditLog audit;
    private final io.arbiter.security.Users users;
    private final io.arbiter.claims.Claims claims;

    public WorklistsPage(Pages pages, UnderpaymentWorklist underpayments, DenialService denials, CaseLines caseLines,
                         DisputeCases cases, Payers payers, AuditLog audit, io.arbiter.cases.CaseService caseService,
                         io.arbiter.security.Users users, io.arbiter.claims.Claims claims) {
        this.pages = pages;
        this.users = users;
        this.claims = claims;
        this.caseService = caseService;
        this.underpayments = underpayments;
        this.denials = denials;
        this.caseLines = caseLines;
        this.cases = cases;
        this.payers = payers;
        this.audit = audit;
    }

    /** An underpaid line on the screen: the worklist row, how long ago it was paid, and the open case disputing it. */
    public record UnderpaidRow(UnderpaymentWorklist.Row r, @Nullable Long daysSincePayment, @Nullable DisputeCase openCase) {
    }

    @Get(value = "/underpayments", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> underpayments(HttpRequest<?> request, Authentication who, @QueryValue @Nullable String payer,
                                              @QueryValue @Nullable String code, @QueryValue @Nullable String minGap,
                                              @QueryValue @Nullable String order, @QueryValue @Nullable String after,
                                              @QueryValue @Nullable Long afterId, @QueryValue @Nullable String mine) {
        Map<String, Object> m = new HashMap<>();
        try {
            UnderpaymentWorklist.Filter filter = filter(payer, code, minGap, order, "on".equals(mine) ? who.getName() : null);
            UnderpaymentWorklist.Page page = underpayments.page(filter, pages.practices(who),
                    after == null || afterId == null ? null : new UnderpaymentWorklist.After(after, afterId), PAGE);
            Map<Long, DisputeCase> open = openCasesOfLines(page.rows().stream().map(UnderpaymentWorklist.Row::lineId)
                    .filter(Objects::nonNull).toList());
            LocalDate today = LocalDate.now();
            m.put("rows", page.rows().stream().map(r -> new UnderpaidRow(r,
                    r.paymentDate() == null ? null : ChronoUnit.DAYS.between(r.paymentDate(), today),
                    r.lineId() == null ? null : open.get(r.lineId()))).toList());
            m.put("total", page.rows().stream().map(UnderpaymentWorklist.Row::gap).reduce(BigDecimal.ZERO, BigDecimal::add));
            m.put("repricing", underpayments.repricing(pages.practices(who)));
            if (page.next() != null) {
                m.put("nextHref", "/ui/worklists/underpayments?" + query(payer, code, minGap, order, mine)
                        + "&after=" + QueuePage.enc(page.next().value()) + "&afterId=" + page.next().id());
            }
            audit.record(who, AuditAction.LIST, "FINDING", null, page.rows().size() + " underpaid lines, worklist, browser");
        } catch (io.arbiter.common.ApiException e) {
            m.put("rows", List.of());
            m.put("total", BigDecimal.ZERO);
            m.put("error", WebErrors.describe(e));
        }
        m.put("filters", Map.of("payer", nz(payer), "code", nz(code), "minGap", nz(minGap), "order", nz(order), "mine", nz(mine)));
        m.put("assignees", WorkAssignmentPage.assignees(users));
        m.put("payers", payers.findAll().stream().map(io.arbiter.practice.Payer::name).sorted().toList());
        m.put("csvHref", "/ui/worklists/underpayments.csv?" + query(payer, code, minGap, order, mine));
        return pages.page(request, who, "worklist-underpayments.ftlh", "Underpaid lines", m);
    }

    /**
     * Opens a case on each selected claim (one case per claim, the same rules as one at a time); what a rule refuses
     * is listed with its reason and the rest are opened.
     */
    @io.micronaut.http.annotation.Post(value = "/underpayments/open", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<String> openCases(HttpRequest<?> request, Authentication who, @io.micronaut.http.annotation.Body Map<String, Object> form) {
        pages.session().verifyCsrf(request, form.get(WebSession.CSRF_FIELD) == null ? null : form.get(WebSession.CSRF_FIELD).toString());
        List<Long> claimIds = WorkAssignmentPage.ids(form, "claimId");
        if (claimIds.isEmpty()) {
            return Pages.redirect("/ui/worklists/underpayments?error=" + QueuePage.enc("Select at least one line's claim."));
        }
        List<String> opened = new java.util.ArrayList<>();
        List<String> refused = new java.util.ArrayList<>();
        PracticeAccess access = pages.practices(who);
        for (Long id : new java.util.LinkedHashSet<>(claimIds)) {
            try {
                DisputeCase dc = caseService.open(new io.arbiter.cases.CaseRequests.Create(List.of(id), null, who.getName(), null),
                        who.getName(), access);
                audit.record(who, AuditAction.CREATE, "CASE", dc.getId(), "opened from claim " + id + " on the underpaid-lines worklist");
                opened.add(dc.getCaseNumber());
            } catch (io.arbiter.common.ApiException e) {
                refused.add("claim " + id + ": " + WebErrors.describe(e));
            }
        }
        String flash = opened.isEmpty() ? "" : opened.size() + " case(s) opened: " + String.join(", ", opened) + ".";
        String error = refused.isEmpty() ? "" : refused.size() + " not opened — " + String.join("; ", refused);
        return Pages.redirect("/ui/worklists/underpayments?" + (flash.isEmpty() ? "" : "flash=" + QueuePage.enc(flash))
                + (error.isEmpty() ? "" : (flash.isEmpty() ? "" : "&") + "error=" + QueuePage.enc(error)));
    }

    @Get(value = "/underpayments.csv", produces = "text/csv")
    public HttpResponse<String> underpaymentsCsv(Authentication who, @QueryValue @Nullable String payer, @QueryValue @Nullable String code,
                                                 @QueryValue @Nullable String minGap, @QueryValue @Nullable String order,
                                                 @QueryValue @Nullable String mine) throws IOException {
        UnderpaymentWorklist.Filter filter = filter(payer, code, minGap, order, "on".equals(mine) ? who.getName() : null);
        List<UnderpaymentWorklist.Row> rows = underpayments.page(filter, pages.practices(who), null, CSV_MAX).rows();
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("claim", "payer", "code", "service_date",
                "payment_date", "expected", "paid", "gap", "basis", "owner").get())) {
            for (UnderpaymentWorklist.Row r : rows) {
                csv.printRecord(CsvCells.row(r.patientControlNumber(), r.payer(), r.code(), r.serviceDate(), r.paymentDate(),
                        r.expected(), r.paid(), r.gap(), r.basis(), r.owner()));
            }
        }
        audit.record(who, AuditAction.EXPORT, "FINDING", null, rows.size() + " underpaid lines, worklist CSV");
        return HttpResponse.ok(out.toString()).contentType("text/csv")
                .header("Content-Disposition", "attachment; filename=\"underpaid-lines.csv\"");
    }

    @Get(value = "/denials", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> denials(HttpRequest<?> request, Authentication who, @QueryValue @Nullable String category,
                                        @QueryValue @Nullable String status, @QueryValue @Nullable String mine,
                                        @QueryValue @Nullable String afterDue, @QueryValue @Nullable Long afterId) {
        Map<String, Object> m = new HashMap<>();
        try {
            String owner = "on".equals(mine) ? who.getName() : null;
            DenialService.After after = afterId == null ? null
                    : new DenialService.After(blank(afterDue) == null ? null : LocalDate.parse(afterDue), afterId);
            List<DenialView> rows = denials.listAfter(blank(category), owner, status(status), pages.practices(who), after, PAGE + 1);
            boolean more = rows.size() > PAGE;
            List<DenialView> page = more ? rows.subList(0, PAGE) : rows;
            m.put("rows", page);
            m.put("totalCount", denials.list(blank(category), owner, status(status), pages.practices(who), 0, 1).total());
            // claims by their numbers, as everywhere else on screen
            m.put("claimNumbers", claims.findByIdIn(page.stream().map(DenialView::claimId).collect(Collectors.toSet())).stream()
                    .collect(Collectors.toMap(c -> String.valueOf(c.id()), io.arbiter.claims.Claim::patientControlNumber)));
            if (more) {
                DenialView last = page.get(page.size() - 1);
                m.put("nextHref", "/ui/worklists/denials?category=" + QueuePage.enc(nz(category)) + "&status=" + QueuePage.enc(nz(status))
                        + ("on".equals(mine) ? "&mine=on" : "") + "&afterDue=" + (last.appealDue() == null ? "" : last.appealDue())
                        + "&afterId=" + last.id());
            }
            audit.record(who, AuditAction.LIST, "DENIAL", null, page.size() + " denials, worklist, browser");
        } catch (io.arbiter.common.ApiException | java.time.format.DateTimeParseException e) {
            m.put("rows", List.of());
            m.put("totalCount", 0);
            m.put("error", e instanceof io.arbiter.common.ApiException a ? WebErrors.describe(a) : "The page address is not valid; start from the first page.");
        }
        m.put("filters", Map.of("category", nz(category), "status", nz(status), "mine", nz(mine)));
        m.put("statuses", List.of(DenialStatus.values()).stream().map(Enum::name).toList());
        m.put("assignees", WorkAssignmentPage.assignees(users));
        m.put("csvHref", "/ui/worklists/denials.csv?category=" + QueuePage.enc(nz(category)) + "&status=" + QueuePage.enc(nz(status))
                + ("on".equals(mine) ? "&mine=on" : ""));
        return pages.page(request, who, "worklist-denials.ftlh", "Denied lines", m);
    }

    @Get(value = "/denials.csv", produces = "text/csv")
    public HttpResponse<String> denialsCsv(Authentication who, @QueryValue @Nullable String category, @QueryValue @Nullable String status,
                                           @QueryValue @Nullable String mine) throws IOException {
        PracticeAccess access = pages.practices(who);
        StringWriter out = new StringWriter();
        int written = 0;
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("claim_id", "payer", "code", "service_date",
                "group", "carc", "rarc", "category", "denied", "recoverable_estimate", "appeal_due", "owner", "status").get())) {
            for (int p = 0; written < CSV_MAX; p++) {
                var result = denials.list(blank(category), "on".equals(mine) ? who.getName() : null, status(status), access, p, 500);
                for (DenialView d : result.items()) {
                    csv.printRecord(CsvCells.row(d.claimId(), d.payer(), d.procedureCode(), d.serviceDate(), d.groupCode(), d.carc(),
                            d.rarc(), d.category(), d.deniedAmount(), d.recoverableEstimate(), d.appealDue(), d.owner(), d.status()));
                    written++;
                }
                if (result.items().size() < 500) {
                    break;
                }
            }
        }
        audit.record(who, AuditAction.EXPORT, "DENIAL", null, written + " denials, worklist CSV");
        return HttpResponse.ok(out.toString()).contentType("text/csv")
                .header("Content-Disposition", "attachment; filename=\"denied-lines.csv\"");
    }

    private Map<Long, DisputeCase> openCasesOfLines(List<Long> lineIds) {
        if (lineIds.isEmpty()) {
            return Map.of();
        }
        List<CaseLine> lines = caseLines.findByClaimLineIdIn(lineIds);
        Map<Long, DisputeCase> byId = cases.findByIdIn(lines.stream().map(CaseLine::caseId).collect(Collectors.toSet())).stream()
                .filter(DisputeCase::open).collect(Collectors.toMap(DisputeCase::getId, c -> c));
        Map<Long, DisputeCase> out = new LinkedHashMap<>();
        for (CaseLine l : lines) {
            DisputeCase c = byId.get(l.caseId());
            if (c != null) {
                out.put(l.claimLineId(), c);
            }
        }
        return out;
    }

    private static UnderpaymentWorklist.Filter filter(@Nullable String payer, @Nullable String code, @Nullable String minGap,
                                                      @Nullable String order, @Nullable String owner) {
        BigDecimal min = null;
        if (blank(minGap) != null) {
            try {
                min = new BigDecimal(minGap.replace("$", "").replace(",", "").trim());
            } catch (NumberFormatException e) {
                throw io.arbiter.common.ApiException.unprocessable("Minimum gap: '" + minGap + "' is not an amount",
                        List.of(new io.arbiter.common.ApiProblem.ProblemDetail("minGap", "not an amount")));
            }
        }
        UnderpaymentWorklist.Order o = blank(order) == null ? UnderpaymentWorklist.Order.LARGEST_GAP
                : EnumText.parse(UnderpaymentWorklist.Order.class, order, "order");
        return new UnderpaymentWorklist.Filter(blank(payer), blank(code), min, o, owner);
    }

    private static @Nullable String status(@Nullable String status) {
        return blank(status) == null ? null : EnumText.parse(DenialStatus.class, status, "status").name();
    }

    private static String query(@Nullable String payer, @Nullable String code, @Nullable String minGap, @Nullable String order,
                                @Nullable String mine) {
        return "payer=" + QueuePage.enc(nz(payer)) + "&code=" + QueuePage.enc(nz(code)) + "&minGap=" + QueuePage.enc(nz(minGap))
                + "&order=" + QueuePage.enc(nz(order)) + ("on".equals(mine) ? "&mine=on" : "");
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String nz(@Nullable String s) {
        return s == null ? "" : s;
    }
}
