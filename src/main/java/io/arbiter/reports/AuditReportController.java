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
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;

/** The practice recovery diagnostic as JSON, CSV ({@code Accept: text/csv}) and PDF. */
@Controller("/api/v1/reports")
@Secured({Roles.SPECIALIST, Roles.FINANCE, Roles.ADMIN})
@SecurityRequirement(name = "bearer")
public class AuditReportController {

    private final AuditReport report;
    private final AuditReportPdf pdf;
    private final AuditLog audit;

    private final io.arbiter.security.PracticeScopes practiceScopes;

    public AuditReportController(AuditReport report, AuditReportPdf pdf, AuditLog audit, io.arbiter.security.PracticeScopes practiceScopes) {
        this.practiceScopes = practiceScopes;
        this.report = report;
        this.pdf = pdf;
        this.audit = audit;
    }

    @Get("/audit")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    public HttpResponse<?> audit(HttpRequest<?> request, @QueryValue @Nullable LocalDate from, @QueryValue @Nullable LocalDate to,
                                 Authentication who) throws IOException {
        AuditReport.Report r = report.build(from, to, practiceScopes.of(who));
        audit.record(who, AuditAction.EXPORT, "REPORT", "audit", "from " + from + " to " + to);
        boolean csv = request.getHeaders().accept().stream().anyMatch(m -> m.getName().equals("text/csv"));
        if (!csv) {
            return HttpResponse.ok(r).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        return HttpResponse.ok(toCsv(r)).contentType("text/csv").header("Content-Disposition", "attachment; filename=\"audit.csv\"");
    }

    @Get(value = "/audit.pdf", produces = "application/pdf")
    public HttpResponse<byte[]> auditPdf(@QueryValue @Nullable LocalDate from, @QueryValue @Nullable LocalDate to, Authentication who) {
        AuditReport.Report r = report.build(from, to, practiceScopes.of(who));
        audit.record(who, AuditAction.DOWNLOAD, "REPORT", "audit.pdf", "from " + from + " to " + to);
        return HttpResponse.ok(pdf.render(r)).contentType("application/pdf")
                .header("Content-Disposition", "attachment; filename=\"audit.pdf\"");
    }

    /** Groups of every section, then every item, then the totals: one table with a "kind" column. */
    public static String toCsv(AuditReport.Report r) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader("kind", "section", "group", "subgroup", "claimId", "lineId", "count", "amount", "recoverable").get())) {
            for (var groups : java.util.List.of(r.underpaymentsByPayerAndCode(), r.denialsByCategory(), r.authGapsByFlag(), r.codingHitsByRule())) {
                for (AuditReport.Group g : groups) {
                    p.printRecord(io.arbiter.common.CsvCells.row("GROUP", g.section(), g.group(), g.subgroup(), null, null, g.count(), g.amount(), g.recoverable()));
                }
            }
            for (AuditReport.Item i : r.items()) {
                p.printRecord(io.arbiter.common.CsvCells.row("ITEM", i.section(), i.type(), i.rule(), i.claimId(), i.lineId(), 1, i.amount(), i.recoverable()));
            }
            AuditReport.Totals t = r.totals();
            p.printRecord(io.arbiter.common.CsvCells.row("TOTAL", "UNDERPAYMENT", null, null, null, null, t.underpayments(), t.underpaid(), null));
            p.printRecord(io.arbiter.common.CsvCells.row("TOTAL", "DENIAL", null, null, null, null, t.denials(), t.denied(), t.recoverable()));
            p.printRecord(io.arbiter.common.CsvCells.row("TOTAL", "AUTH_GAP", null, null, null, null, t.authGaps(), t.authGapCharges(), null));
            p.printRecord(io.arbiter.common.CsvCells.row("TOTAL", "CODING", null, null, null, null, t.codingHits(), t.codingCharges(), null));
            p.printRecord(io.arbiter.common.CsvCells.row("TOTAL", "ALL", null, null, null, null, t.underpayments() + t.denials() + t.authGaps() + t.codingHits(), t.total(), null));
            p.printRecord(io.arbiter.common.CsvCells.row("RATE", "RECOVERY", "recovered/appealable", null, null, null, null, t.recoveryRatePercent(), null));
        }
        return out.toString();
    }
}
