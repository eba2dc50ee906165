package io.arbiter.web;

import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditLog;
import io.arbiter.calendarfeed.CalendarTokens;
import io.arbiter.common.ApiException;
import io.arbiter.common.PublicUrl;
import io.arbiter.security.AppUser;
import io.arbiter.security.Roles;
import io.arbiter.security.Users;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.HashMap;
import java.util.Map;

/**
 * Everyone's own calendar feed (issue 21): the deadlines of their cases as a private address a calendar program
 * subscribes to. A new address is shown once, absolute, on the page that created it — never in a URL, a redirect or
 * a log; rotating replaces it, revoking turns the feed off.
 */
@Hidden
@Controller("/ui/calendar")
@Secured({Roles.SPECIALIST, Roles.ATTORNEY, Roles.FINANCE, Roles.ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
public class CalendarPage {

    private final Pages pages;
    private final Users users;
    private final CalendarTokens tokens;
    private final PublicUrl publicUrl;
    private final AuditLog audit;

    public CalendarPage(Pages pages, Users users, CalendarTokens tokens, PublicUrl publicUrl, AuditLog audit) {
        this.pages = pages;
        this.users = users;
        this.tokens = tokens;
        this.publicUrl = publicUrl;
        this.audit = audit;
    }

    @Get(produces = MediaType.TEXT_HTML)
    public HttpResponse<String> show(HttpRequest<?> request, Authentication who) {
        return render(request, who, new HashMap<>());
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<String> change(HttpRequest<?> request, Authentication who, @Body Map<String, String> form) {
        pages.session().verifyCsrf(request, form.get(WebSession.CSRF_FIELD));
        AppUser me = users.findByUsername(who.getName()).orElseThrow(() -> ApiException.notFound("User"));
        Map<String, Object> m = new HashMap<>();
        if ("revoke".equals(form.get("action"))) {
            tokens.revoke(me);
            audit.record(who, AuditAction.CHANGE, "CALENDAR_TOKEN", me.id(), "revoked, browser");
            m.put("flash", "Calendar feed turned off: the old address no longer works.");
        } else {
            String token = tokens.rotate(me);
            audit.record(who, AuditAction.CHANGE, "CALENDAR_TOKEN", me.id(), "rotated, browser");
            m.put("feedUrl", publicUrl.absolute(request, "/calendar/" + token + ".ics"));
            m.put("flash", "New calendar feed address created. Copy it now: it is not shown again.");
        }
        return render(request, who, m);
    }

    private HttpResponse<String> render(HttpRequest<?> request, Authentication who, Map<String, Object> m) {
        AppUser me = users.findByUsername(who.getName()).orElseThrow(() -> ApiException.notFound("User"));
        m.put("active", me.calendarToken() != null);
        return pages.page(request, who, "calendar.ftlh", "Calendar feed", m);
    }
}
