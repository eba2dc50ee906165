package io.arbiter.reports;

import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditLog;
import io.arbiter.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;

@Controller("/api/v1/reports")
@Secured({Roles.SPECIALIST, Roles.FINANCE, Roles.ADMIN})
@SecurityRequirement(name = "bearer")
public class ReportController {

    private final RecoveryReport recoveries;
    private final AuditLog audit;

    private final io.arbiter.security.PracticeScopes practiceScopes;

    public ReportController(RecoveryReport recoveries, AuditLog audit, io.arbiter.security.PracticeScopes practiceScopes) {
        this.practiceScopes = practiceScopes;
        this.recoveries = recoveries;
        this.audit = audit;
    }

    /** JSON by default; {@code Accept: text/csv} gives the same rows as CSV. */
    @Get("/recoveries")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    public HttpResponse<?> recoveries(HttpRequest<?> request, @QueryValue @Nullable LocalDate from,
                                      @QueryValue @Nullable LocalDate to, @QueryValue @Nullable String groupBy,
                                      Authentication who) throws IOException {
        RecoveryReport.Report report = recoveries.build(from, to, groupBy, practiceScopes.of(who));
        audit.record(who, AuditAction.EXPORT, "REPORT", "recoveries", "groupBy " + report.groupBy());
        boolean csv = request.getHeaders().accept().stream().anyMatch(m -> m.getName().equals("text/csv"));
        if (!csv) {
            return HttpResponse.ok(report).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        return HttpResponse.ok(toCsv(report)).contentType("text/csv")
                .header("Content-Disposition", "attachment; filename=\"recoveries-" + report.groupBy().toLowerCase() + ".csv\"");
    }

    /** The report's rows and totals as CSV. */
    public static String toCsv(RecoveryReport.Report report) throws IOException {
        StringWriter out = new StringWriter();
        try (var printer = new org.apache.commons.csv.CSVPrinter(out, org.apache.commons.csv.CSVFormat.DEFAULT.builder()
                .setHeader("group", "cases", "won", "lost", "settled", "open", "withdrawn", "awaitingPayment", "billed", "initialPaid", "awarded", "recovered",
                        "fees", "net", "outstanding", "winRate", "avgDaysToPayment", "feeRefundReceivable", "receivedFromRemittances",
                        "receivedManually", "paidLate").get())) {
            for (RecoveryRow r : report.rows()) {
                print(printer, r);
            }
            print(printer, report.totals());
        }
        return out.toString();
    }

    private static void print(org.apache.commons.csv.CSVPrinter p, RecoveryRow r) throws IOException {
        p.printRecord(io.arbiter.common.CsvCells.row(r.group(), r.cases(), r.won(), r.lost(), r.settled(), r.open(), r.withdrawn(),
                r.awaitingPayment(), r.billed(), r.initialPaid(), r.awarded(),
                r.recovered(), r.fees(), r.net(), r.outstanding(), r.winRate(), r.avgDaysToPayment(), r.feeRefundReceivable(),
                r.receivedFromRemittances(), r.receivedManually(), r.paidLate()));
    }
}
