package io.arbiter.web;

import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditLog;
import io.arbiter.common.ApiException;
import io.arbiter.common.DisplayFormat;
import io.arbiter.reports.FinanceCsv;
import io.arbiter.reports.RecoveryReport;
import io.arbiter.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cases behind a finance figure: the same selection the figure summed (RecoveryReport.cases), so the totals row
 * equals the figure clicked; each case number opens the case page (finance reads cases, docs/security.md). The same
 * selection downloads as the case-level CSV.
 */
@Controller("/ui/finance")
@Secured({Roles.FINANCE, Roles.ADMIN})
@Hidden
public class FinanceCasesPage {

    private final Pages pages;
    private final RecoveryReport report;
    private final AuditLog audit;

    public FinanceCasesPage(Pages pages, RecoveryReport report, AuditLog audit) {
        this.pages = pages;
        this.report = report;
        this.audit = audit;
    }

    @Get(value = "/cases", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> cases(HttpRequest<?> request, Authentication who, @QueryValue @Nullable String from,
                                      @QueryValue @Nullable String to, @QueryValue @Nullable String groupBy,
                                      @QueryValue @Nullable String group, @QueryValue @Nullable String outcome,
                                      @QueryValue @Nullable String owes) {
        FinanceForm form = new FinanceForm(from, to, groupBy);
        Map<String, Object> m = new HashMap<>();
        m.put("back", "/ui/finance?" + form.query());
        if (!form.valid()) {
            m.put("error", String.join(" ", form.errors.values()));
            return pages.page(request, who, "finance-cases.ftlh", "Finance cases", m, HttpStatus.BAD_REQUEST);
        }
        RecoveryReport.CaseList list;
        try {
            list = report.cases(form.from, form.to, form.groupByText, group, outcome, owes, pages.practices(who));
        } catch (ApiException e) {
            m.put("error", WebErrors.describe(e));
            return pages.page(request, who, "finance-cases.ftlh", "Finance cases", m, HttpStatus.BAD_REQUEST);
        }
        audit.record(who, AuditAction.LIST, "REPORT", "recoveries-cases", list.cases().size() + " cases");
        m.put("list", list);
        m.put("t", list.totals());
        m.put("selection", selection(form, list));
        m.put("csvHref", "/ui/finance/cases.csv?" + form.query(selectionParams(list)));
        return pages.page(request, who, "finance-cases.ftlh", "Finance cases", m);
    }

    /** One row per case of the selection (the dashboard's link: every case opened in the period). */
    @Get(value = "/cases.csv", produces = "text/csv")
    public HttpResponse<String> csv(HttpRequest<?> request, Authentication who, @QueryValue @Nullable String from,
                                    @QueryValue @Nullable String to, @QueryValue @Nullable String groupBy,
                                    @QueryValue @Nullable String group, @QueryValue @Nullable String outcome,
                                    @QueryValue @Nullable String owes) {
        FinanceForm form = validOrRefuse(from, to, groupBy);
        RecoveryReport.CaseList list = report.cases(form.from, form.to, form.groupByText, group, outcome, owes, pages.practices(who));
        audit.record(who, AuditAction.EXPORT, "REPORT", "recoveries-cases", "csv " + list.cases().size() + " cases");
        return HttpResponse.ok(FinanceCsv.of(list)).contentType("text/csv")
                .header("Content-Disposition", "attachment; filename=\"" + FinanceCsv.fileName(list) + "\"");
    }

    /** For downloads, which have no form to show a problem beside: a 400 naming it. */
    static FinanceForm validOrRefuse(@Nullable String from, @Nullable String to, @Nullable String groupBy) {
        FinanceForm form = new FinanceForm(from, to, groupBy);
        if (!form.valid()) {
            throw ApiException.badRequest(String.join(" ", form.errors.values()));
        }
        return form;
    }

    private static Map<String, String> selectionParams(RecoveryReport.CaseList list) {
        Map<String, String> p = new LinkedHashMap<>();
        if (list.group() != null) {
            p.put("group", list.group());
        }
        if (list.outcome() != null) {
            p.put("outcome", list.outcome());
        }
        if (list.owes() != null) {
            p.put("owes", list.owes());
        }
        return p;
    }

    /** What the list holds, in words: "Opened 10/01/2026 – 12/31/2026 · Payer: ACME HEALTH PLAN · Won". */
    private static String selection(FinanceForm form, RecoveryReport.CaseList list) {
        List<String> parts = new ArrayList<>();
        parts.add("Cases opened " + form.period());
        if (list.group() != null) {
            RecoveryReport.GroupBy by = RecoveryReport.GroupBy.valueOf(list.groupBy());
            parts.add(FinanceForm.GROUPINGS.get(by.name()) + ": " + FinanceForm.groupLabel(by, list.group()));
        }
        if (list.outcome() != null) {
            parts.add(DisplayFormat.words(list.outcome()));
        }
        if ("AWARD".equals(list.owes())) {
            parts.add("award still outstanding");
        } else if ("FEE_REFUND".equals(list.owes())) {
            parts.add("fee refund receivable");
        }
        return String.join(" · ", parts);
    }
}
