package io.arbiter.web;

import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditLog;
import io.arbiter.reports.CashReceived;
import io.arbiter.reports.FeeRefundRule;
import io.arbiter.reports.RecoveryReport;
import io.arbiter.reports.RecoveryRow;
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

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finance dashboard: the recoveries API's figures (cases opened in the period), cash received by payment month (from 835s
 * apart from typed in), days from decision to payment by payer, fee refunds receivable, each figure linking to the cases it sums (FinanceCasesPage). A refused period or grouping is
 * shown beside its field with the typed values kept (400), never a generic error page.
 */
@Controller("/ui/finance")
@Secured({Roles.FINANCE, Roles.ADMIN})
@Hidden
public class FinancePage {

    static final List<String> RECOVERY_SERIES = List.of("Recovered", "Outstanding", "Fees (net)");
    static final List<String> RECOVERY_COLORS = List.of("#2e7d4f", "#b86e00", "#5f6b7a");
    static final List<String> CASH_SERIES = List.of("Payments from 835s", "Payments typed in", "Fee refunds received");
    static final List<String> CASH_COLORS = List.of("#2e7d4f", "#b86e00", "#3b6ea5");

    private final Pages pages;
    private final RecoveryReport report;
    private final AuditLog audit;

    public FinancePage(Pages pages, RecoveryReport report, AuditLog audit) {
        this.pages = pages;
        this.report = report;
        this.audit = audit;
    }

    @Get(produces = MediaType.TEXT_HTML)
    public HttpResponse<String> dashboard(HttpRequest<?> request, Authentication who, @QueryValue @Nullable String groupBy,
                                          @QueryValue @Nullable String from, @QueryValue @Nullable String to) {
        FinanceForm form = new FinanceForm(from, to, groupBy);
        Map<String, Object> m = new HashMap<>(form.model());
        if (!form.valid()) {
            return pages.page(request, who, "finance.ftlh", "Finance", m, HttpStatus.BAD_REQUEST);
        }
        RecoveryReport.Report r = report.build(form.from, form.to, form.groupByText, pages.practices(who));
        CashReceived cash = report.cash(form.from, form.to, pages.practices(who));
        audit.record(who, AuditAction.VIEW, "REPORT", "recoveries", "dashboard " + r.groupBy());
        RecoveryReport.GroupBy by = RecoveryReport.GroupBy.valueOf(r.groupBy());
        m.put("r", r);
        m.put("t", r.totals());
        m.put("period", form.period());
        m.put("groupLabel", FinanceForm.GROUPINGS.get(r.groupBy()));
        m.put("rows", r.rows().stream().map(row -> Map.of("row", row, "label", FinanceForm.groupLabel(by, row.group()),
                "q", form.query(Map.of("group", row.group())))).toList());
        m.put("q", form.query());
        m.put("chart", FinanceChart.of(RECOVERY_SERIES, RECOVERY_COLORS, r.rows().stream().map(row -> new FinanceChart.Input(
                FinanceForm.groupLabel(by, row.group()), List.of(row.recovered(), row.outstanding(), row.fees()))).toList()));
        m.put("cash", cash);
        m.put("cashMonths", cash.months().stream().map(mo -> Map.of("m", mo, "label", FinanceForm.groupLabel(RecoveryReport.GroupBy.MONTH,
                mo.month()))).toList());
        m.put("cashChart", FinanceChart.of(CASH_SERIES, CASH_COLORS, cash.months().stream().map(mo -> new FinanceChart.Input(
                FinanceForm.groupLabel(RecoveryReport.GroupBy.MONTH, mo.month()), List.of(mo.fromRemittances(), mo.typedIn(), mo.feeRefundsReceived()))).toList()));
        m.put("speed", report.paymentSpeed(form.from, form.to, pages.practices(who)));
        m.put("refundRule", FeeRefundRule.EXPLANATION);
        m.put("citations", r.citations());
        m.put("winRatePct", winRate(r.totals()));
        m.put("csvHref", "/ui/finance/recoveries.csv?" + form.query());
        m.put("casesCsvHref", "/ui/finance/cases.csv?" + form.query());
        return pages.page(request, who, "finance.ftlh", "Finance", m);
    }

    /** Same rows as GET /api/v1/reports/recoveries with Accept: text/csv, for the browser's cookie session. */
    @Get(value = "/recoveries.csv", produces = "text/csv")
    public HttpResponse<String> csv(HttpRequest<?> request, Authentication who, @QueryValue @Nullable String groupBy,
                                    @QueryValue @Nullable String from, @QueryValue @Nullable String to) throws java.io.IOException {
        FinanceForm form = FinanceCasesPage.validOrRefuse(from, to, groupBy);
        RecoveryReport.Report r = report.build(form.from, form.to, form.groupByText, pages.practices(who));
        audit.record(who, AuditAction.EXPORT, "REPORT", "recoveries", "csv " + r.groupBy());
        return HttpResponse.ok(io.arbiter.reports.ReportController.toCsv(r)).contentType("text/csv")
                .header("Content-Disposition", "attachment; filename=\"recoveries-" + r.groupBy().toLowerCase() + ".csv\"");
    }

    static String winRate(RecoveryRow t) {
        return t.winRate() == null ? "—" : t.winRate().multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP) + "%";
    }
}
