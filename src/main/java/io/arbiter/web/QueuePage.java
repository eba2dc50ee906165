package io.arbiter.web;

import io.arbiter.cases.CaseReader;
import io.arbiter.cases.CaseRequests;
import io.arbiter.cases.CaseService;
import io.arbiter.cases.CaseView;
import io.arbiter.practice.Payers;
import io.arbiter.security.Users;
import io.arbiter.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditLog;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The specialist's work queue: open cases by next deadline, colour-coded, filterable, bulk-assignable. */
@Controller("/ui/queue")
@Secured({Roles.SPECIALIST, Roles.ADMIN})
@Hidden
public class QueuePage {

    private final AuditLog audit;

    private final Pages pages;
    private final CaseReader cases;
    private final CaseService service;
    private final Users users;
    private final Payers payers;

    public QueuePage(Pages pages, CaseReader cases, CaseService service, Users users, Payers payers,
                     AuditLog audit) {
        this.audit = audit;
        this.pages = pages;
        this.cases = cases;
        this.service = service;
        this.users = users;
        this.payers = payers;
    }

    /** Queue row with the deadline colour class: overdue, ≤3 business days, ≤10, later. */
    public record Row(CaseView.Summary c, String dueClass, String dueLabel) {
    }

    @Get(produces = MediaType.TEXT_HTML)
    public HttpResponse<String> queue(HttpRequest<?> request, Authentication who, @QueryValue @Nullable String track,
                                      @QueryValue @Nullable String stage, @QueryValue @Nullable String assignee,
                                      @QueryValue @Nullable String payer, @QueryValue @Nullable String q,
                                      @QueryValue @Nullable Integer page) {
        var result = cases.queue(blank(stage) == null ? "OPEN" : stage, blank(assignee), null, blank(track), null, pages.practices(who),
                blank(payer), blank(q),
                service.today(), page == null ? 0 : page, 200);
        audit.record(who, AuditAction.LIST, "CASE", null, result.items().size() + " cases, work queue, browser");
        List<Row> rows = new ArrayList<>();
        for (CaseView.Summary s : result.items()) {
            rows.add(new Row(s, dueClass(s), dueLabel(s)));
        }
        Map<String, Object> m = new HashMap<>();
        m.put("rows", rows);
        m.put("total", result.total());
        m.put("filters", Map.of("track", nz(track), "stage", nz(stage), "assignee", nz(assignee), "payer", nz(payer), "q", nz(q)));
        m.put("tracks", List.of("FEDERAL_IDR", "TEXAS_ARBITRATION", "TEXAS_PIP", "WORKERS_COMP", "COMMERCIAL_APPEAL"));
        m.put("stages", java.util.Arrays.stream(io.arbiter.cases.CaseStage.values()).map(Enum::name).toList());
        m.put("specialists", WorkAssignmentPage.assignees(users));
        m.put("payers", payers.byName().stream().map(p -> p.name()).toList());
        return pages.page(request, who, "queue.ftlh", "Work queue", m);
    }

    @Post(value = "/assign", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<String> assign(HttpRequest<?> request, Authentication who, @Body Map<String, Object> form) {
        pages.session().verifyCsrf(request, String.valueOf(form.get(WebSession.CSRF_FIELD)));
        List<Long> ids = WorkAssignmentPage.ids(form, "caseId");
        if (ids.isEmpty()) {
            return Pages.redirect("/ui/queue?error=" + enc("Select at least one case to assign."));
        }
        String assignee = String.valueOf(form.get("assignee"));
        service.assign(new CaseRequests.Assign(ids, assignee), who.getName());
        return Pages.redirect("/ui/queue?flash=" + enc(ids.size() + " case(s) assigned to " + assignee + "."));
    }

    static String dueClass(CaseView.Summary s) {
        if (s.nextDeadlineDate() == null) {
            return "due-none";
        }
        int bd = s.businessDaysLeft() == null ? s.daysLeft() : s.businessDaysLeft();
        if (s.daysLeft() < 0) {
            return "due-overdue";
        }
        if (bd <= 3) {
            return "due-soon";
        }
        return bd <= 10 ? "due-near" : "due-ok";
    }

    static String dueLabel(CaseView.Summary s) {
        if (s.nextDeadlineDate() == null) {
            return "no open deadline";
        }
        if (s.daysLeft() < 0) {
            return "overdue " + count(-s.daysLeft(), "day");
        }
        if (s.daysLeft() == 0) {
            return "due today";
        }
        return (s.businessDaysLeft() == null ? count(s.daysLeft(), "day") : count(s.businessDaysLeft(), "business day")) + " left";
    }

    private static String count(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String nz(@Nullable String s) {
        return s == null ? "" : s;
    }
}
