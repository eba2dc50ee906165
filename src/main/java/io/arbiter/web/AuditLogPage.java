package io.arbiter.web;

import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditEvent;
import io.arbiter.audit.AuditLog;
import io.arbiter.common.Page;
import io.arbiter.reports.AuditTrail;
import io.arbiter.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * The audit log screen for administrators: the same reader and filters as {@code GET /api/v1/audit-events} (user,
 * patient id, date range), newest first, 50 to a page. Read-only: there is nothing on it that changes an entry, and
 * the database refuses any change (migration V75). Opening it is itself an entry.
 */
@Controller("/ui/admin/audit")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class AuditLogPage {

    private static final int PAGE_SIZE = 50;

    /** One entry as the screen shows it (time in UTC, as stored). */
    public record Row(String at, String username, String action, String record, String detail, String clientAddress) {
        static Row of(AuditEvent e) {
            return new Row(e.occurredAt().toString().replace('T', ' '), e.username(), e.action().name(),
                    e.entityType() + (e.entityId() == null ? "" : " " + e.entityId()), e.detail() == null ? "" : e.detail(),
                    e.clientAddress() == null ? "" : e.clientAddress());
        }
    }

    private final Pages pages;
    private final AuditTrail trail;
    private final AuditLog audit;

    public AuditLogPage(Pages pages, AuditTrail trail, AuditLog audit) {
        this.pages = pages;
        this.trail = trail;
        this.audit = audit;
    }

    @Get(produces = MediaType.TEXT_HTML)
    public HttpResponse<String> show(HttpRequest<?> request, Authentication who, @QueryValue @Nullable String username,
                                     @QueryValue @Nullable String patientId, @QueryValue @Nullable String from,
                                     @QueryValue @Nullable String to, @QueryValue @Nullable Integer page) {
        Map<String, Object> m = new HashMap<>();
        StringBuilder problems = new StringBuilder();
        Long patient = parseId(patientId, "Patient id", problems);
        LocalDate fromDate = parseDate(from, "From", problems);
        LocalDate toDate = parseDate(to, "To", problems);
        String user = username == null || username.isBlank() ? null : username.trim();
        int number = page == null || page < 0 ? 0 : page;
        Page<AuditEvent> result = trail.find(new AuditTrail.Filter(user, patient, fromDate, toDate),
                Page.request(number, PAGE_SIZE));
        audit.record(who, AuditAction.LIST, "AUDIT_LOG", null, "screen: user " + (user == null ? "*" : user)
                + ", patient " + (patient == null ? "*" : patient) + ", from " + fromDate + " to " + toDate);
        m.put("items", result.items().stream().map(Row::of).toList());
        m.put("total", result.total());
        m.put("page", number);
        m.put("pages", (result.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        m.put("f", Map.of("username", user == null ? "" : user, "patientId", patient == null ? "" : patient.toString(),
                "from", fromDate == null ? "" : fromDate.toString(), "to", toDate == null ? "" : toDate.toString()));
        m.put("query", "username=" + QueuePage.enc(user == null ? "" : user) + "&patientId=" + (patient == null ? "" : patient)
                + "&from=" + (fromDate == null ? "" : fromDate) + "&to=" + (toDate == null ? "" : toDate));
        if (problems.length() > 0) {
            m.put("error", problems.toString().trim());
        }
        return pages.page(request, who, "audit-log.ftlh", "Audit log", m);
    }

    @Nullable
    private static Long parseId(@Nullable String v, String label, StringBuilder problems) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            problems.append(label).append(" must be a number; the filter was not applied. ");
            return null;
        }
    }

    @Nullable
    private static LocalDate parseDate(@Nullable String v, String label, StringBuilder problems) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(v.trim());
        } catch (DateTimeParseException e) {
            problems.append(label).append(" must be a date (YYYY-MM-DD); the filter was not applied. ");
            return null;
        }
    }
}
