package io.arbiter.web;

import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditLog;
import io.arbiter.reports.RecoveryReport;
import io.arbiter.reports.RecoveryRow;
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

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Finance dashboard: the same figures as the recoveries API, with server-rendered SVG bars. */
@Controller("/ui/finance")
@Secured({Roles.FINANCE, Roles.ADMIN})
@Hidden
public class FinancePage {

    /** One bar pair of the chart: recovered (and outstanding stacked on it) per group. */
    public record Bar(String label, int x, int recoveredY, int recoveredH, int outstandingY, int outstandingH, int feesY, int feesH,
                      String recovered, String outstanding, String fees) {
    }

    private static final int CHART_H = 180;

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
                                          @QueryValue @Nullable LocalDate from, @QueryValue @Nullable LocalDate to) {
        RecoveryReport.Report r = report.build(from, to, groupBy, pages.practices(who));
        audit.record(who, AuditAction.VIEW, "REPORT", "recoveries", "dashboard " + r.groupBy());
        Map<String, Object> m = new HashMap<>();
        m.put("r", r);
        m.put("t", r.totals());
        m.put("groupBy", r.groupBy());
        m.put("from", from == null ? "" : from.toString());
        m.put("to", to == null ? "" : to.toString());
        m.put("bars", bars(r.rows()));
        m.put("chartWidth", Math.max(400, r.rows().size() * 90 + 40));
        m.put("winRatePct", r.totals().winRate() == null ? "—"
                : r.totals().winRate().multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP) + "%");
        m.put("csvHref", "/ui/finance/recoveries.csv?groupBy=" + r.groupBy() + (from == null ? "" : "&from=" + from) + (to == null ? "" : "&to=" + to));
        return pages.page(request, who, "finance.ftlh", "Finance", m);
    }

    /** Same rows as GET /api/v1/reports/recoveries with Accept: text/csv, for the browser's cookie session. */
    @Get(value = "/recoveries.csv", produces = "text/csv")
    public HttpResponse<String> csv(HttpRequest<?> request, Authentication who, @QueryValue @Nullable String groupBy,
                                    @QueryValue @Nullable LocalDate from, @QueryValue @Nullable LocalDate to) throws java.io.IOException {
        RecoveryReport.Report r = report.build(from, to, groupBy, pages.practices(who));
        audit.record(who, AuditAction.EXPORT, "REPORT", "recoveries", "csv " + r.groupBy());
        return HttpResponse.ok(io.arbiter.reports.ReportController.toCsv(r)).contentType("text/csv")
                .header("Content-Disposition", "attachment; filename=\"recoveries-" + r.groupBy().toLowerCase() + ".csv\"");
    }

    static List<Bar> bars(List<RecoveryRow> rows) {
        BigDecimal max = BigDecimal.ONE;
        for (RecoveryRow row : rows) {
            max = max.max(row.recovered().add(row.outstanding())).max(row.fees());
        }
        List<Bar> out = new ArrayList<>();
        int x = 30;
        for (RecoveryRow row : rows) {
            int rh = scale(row.recovered(), max);
            int oh = scale(row.outstanding(), max);
            int fh = scale(row.fees(), max);
            out.add(new Bar(row.group().length() > 14 ? row.group().substring(0, 13) + "…" : row.group(), x,
                    CHART_H - rh, rh, CHART_H - rh - oh, oh, CHART_H - fh, fh,
                    row.recovered().toPlainString(), row.outstanding().toPlainString(), row.fees().toPlainString()));
            x += 90;
        }
        return out;
    }

    private static int scale(BigDecimal v, BigDecimal max) {
        return v.signum() <= 0 ? 0 : v.multiply(BigDecimal.valueOf(CHART_H - 10)).divide(max, 0, RoundingMode.HALF_UP).intValue();
    }
}
