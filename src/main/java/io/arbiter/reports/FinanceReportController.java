package io.arbiter.reports;

import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditLog;
import io.arbiter.security.PracticeScopes;
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

import java.time.LocalDate;

/**
 * The figures behind the recoveries report: the cases of one figure (JSON, or the case-level CSV with
 * {@code Accept: text/csv}) and the cash received by payment month. Same roles as the recoveries report (the API
 * contract gives reports to specialists, finance and administrators); the finance screens are finance and admin only.
 */
@Controller("/api/v1/reports")
@Secured({Roles.SPECIALIST, Roles.FINANCE, Roles.ADMIN})
@SecurityRequirement(name = "bearer")
public class FinanceReportController {

    private final RecoveryReport recoveries;
    private final AuditLog audit;
    private final PracticeScopes practiceScopes;

    public FinanceReportController(RecoveryReport recoveries, AuditLog audit, PracticeScopes practiceScopes) {
        this.recoveries = recoveries;
        this.audit = audit;
        this.practiceScopes = practiceScopes;
    }

    /** One row per case opened in the period, narrowed like a figure of the report: groupBy+group, outcome, owes. */
    @Get("/recoveries/cases")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    public HttpResponse<?> cases(HttpRequest<?> request, @QueryValue @Nullable LocalDate from, @QueryValue @Nullable LocalDate to,
                                 @QueryValue @Nullable String groupBy, @QueryValue @Nullable String group,
                                 @QueryValue @Nullable String outcome, @QueryValue @Nullable String owes, Authentication who) {
        RecoveryReport.CaseList list = recoveries.cases(from, to, groupBy, group, outcome, owes, practiceScopes.of(who));
        boolean csv = request.getHeaders().accept().stream().anyMatch(m -> m.getName().equals("text/csv"));
        audit.record(who, AuditAction.EXPORT, "REPORT", "recoveries-cases", (csv ? "csv " : "json ") + list.cases().size() + " cases");
        if (!csv) {
            return HttpResponse.ok(list).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        return HttpResponse.ok(FinanceCsv.of(list)).contentType("text/csv")
                .header("Content-Disposition", "attachment; filename=\"" + FinanceCsv.fileName(list) + "\"");
    }

    /** Payments and fee refunds received per calendar month of their own dates (the period filters by those dates). */
    @Get("/cash")
    @Produces(MediaType.APPLICATION_JSON)
    public CashReceived cash(@QueryValue @Nullable LocalDate from, @QueryValue @Nullable LocalDate to, Authentication who) {
        CashReceived cash = recoveries.cash(from, to, practiceScopes.of(who));
        audit.record(who, AuditAction.VIEW, "REPORT", "cash", cash.months().size() + " months");
        return cash;
    }

    /** Days from decision to first payment, per payer, over the cases opened in the period that a decision left owed money. */
    @Get("/payment-speed")
    @Produces(MediaType.APPLICATION_JSON)
    public java.util.List<PaymentSpeed> paymentSpeed(@QueryValue @Nullable LocalDate from, @QueryValue @Nullable LocalDate to,
                                                     Authentication who) {
        java.util.List<PaymentSpeed> rows = recoveries.paymentSpeed(from, to, practiceScopes.of(who));
        audit.record(who, AuditAction.VIEW, "REPORT", "payment-speed", rows.size() + " payers");
        return rows;
    }
}
