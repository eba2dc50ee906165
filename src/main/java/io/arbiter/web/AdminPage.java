package io.arbiter.web;

import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditLog;
import io.arbiter.calendarfeed.CalendarTokens;
import io.arbiter.common.ApiException;
import io.arbiter.practice.Practice;
import io.arbiter.practice.PracticeRepository;
import io.arbiter.security.AppUser;
import io.arbiter.security.AppUserRepository;
import io.arbiter.security.PasswordHasher;
import io.arbiter.security.Roles;
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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Administration: users and roles, practice settings (Bates prefix, default benchmark), and the admin's own
 * calendar-feed token. Same repositories and rules as POST /api/v1/users and /api/v1/me/calendar-token.
 */
@Controller("/ui/admin")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class AdminPage {

    private final Pages pages;
    private final AppUserRepository users;
    private final PasswordHasher hasher;
    private final PracticeRepository practices;
    private final CalendarTokens tokens;
    private final AuditLog audit;

    public AdminPage(Pages pages, AppUserRepository users, PasswordHasher hasher, PracticeRepository practices, CalendarTokens tokens,
                     AuditLog audit) {
        this.pages = pages;
        this.users = users;
        this.hasher = hasher;
        this.practices = practices;
        this.tokens = tokens;
        this.audit = audit;
    }

    @Get(produces = MediaType.TEXT_HTML)
    public HttpResponse<String> show(HttpRequest<?> request, Authentication who) {
        Map<String, Object> m = new HashMap<>();
        m.put("users", users.listOrderByUsername().stream().map(u -> Map.of("username", u.username(),
                "name", u.displayName() == null ? "" : u.displayName(), "roles", String.join(", ", u.roleList()),
                "enabled", u.enabled())).toList());
        m.put("roles", List.of(Roles.SPECIALIST, Roles.ATTORNEY, Roles.FINANCE, Roles.ADMIN));
        practices.findFirstOrderById().ifPresent(p -> m.put("practice", p));
        m.put("kinds", List.of("BILLED", "ALLOWED"));
        m.put("newToken", request.getParameters().get("token"));
        return pages.page(request, who, "admin.ftlh", "Admin", m);
    }

    @Post(value = "/users", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<String> createUser(HttpRequest<?> request, Authentication who, @Body Map<String, Object> form) {
        pages.session().verifyCsrf(request, str(form.get(WebSession.CSRF_FIELD)));
        String username = str(form.get("username")).trim();
        List<String> roles = new ArrayList<>();
        Object raw = form.get("role");
        if (raw instanceof List<?> list) {
            list.forEach(r -> roles.add(r.toString()));
        } else if (raw != null) {
            roles.add(raw.toString());
        }
        try {
            if (!username.matches("[A-Za-z0-9._@-]{3,100}")) {
                throw ApiException.badRequest("The username must be 3–100 letters, digits or . _ @ -");
            }
            if (roles.isEmpty() || !Roles.ALL.containsAll(roles)) {
                throw ApiException.badRequest("Choose at least one role.");
            }
            if (users.findByUsername(username).isPresent()) {
                throw ApiException.conflict("A user named " + username + " exists already");
            }
            String hash;
            try {
                hash = hasher.hash(str(form.get("password")));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(e.getMessage());
            }
            AppUser saved = users.save(AppUser.create(username, blank(str(form.get("displayName"))), hash, roles));
            audit.record(who, AuditAction.CREATE, "USER", saved.id(), "roles " + saved.roleList() + ", browser");
        } catch (ApiException e) {
            return Pages.redirect("/ui/admin?error=" + QueuePage.enc(WebErrors.describe(e)));
        }
        return Pages.redirect("/ui/admin?flash=" + QueuePage.enc("User " + username + " created."));
    }

    @Post(value = "/practice", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<String> practice(HttpRequest<?> request, Authentication who, @Body Map<String, String> form) {
        pages.session().verifyCsrf(request, form.get(WebSession.CSRF_FIELD));
        Practice p = practices.findFirstOrderById().orElseThrow(() -> ApiException.notFound("Practice"));
        String bates = form.getOrDefault("batesPrefix", "").trim().toUpperCase();
        int percentile;
        try {
            percentile = Integer.parseInt(form.getOrDefault("benchmarkPercentile", "80").trim());
        } catch (NumberFormatException e) {
            percentile = -1;
        }
        String kind = form.getOrDefault("benchmarkKind", "BILLED");
        if (!bates.matches("[A-Z0-9-]{2,20}") || percentile < 1 || percentile > 99 || !List.of("BILLED", "ALLOWED").contains(kind)) {
            return Pages.redirect("/ui/admin?error=" + QueuePage.enc(
                    "Bates prefix: 2–20 letters, digits or dashes; percentile 1–99; kind BILLED or ALLOWED."));
        }
        practices.update(p.withPreferences(bates, blank(form.get("benchmarkSet")), kind, percentile));
        audit.record(who, AuditAction.CHANGE, "PRACTICE", p.id(), "settings, browser");
        return Pages.redirect("/ui/admin?flash=" + QueuePage.enc("Practice settings saved."));
    }

    @Post(value = "/calendar-token", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<String> calendarToken(HttpRequest<?> request, Authentication who, @Body Map<String, String> form) {
        pages.session().verifyCsrf(request, form.get(WebSession.CSRF_FIELD));
        AppUser me = users.findByUsername(who.getName()).orElseThrow(() -> ApiException.notFound("User"));
        if ("revoke".equals(form.get("action"))) {
            tokens.revoke(me);
            audit.record(who, AuditAction.CHANGE, "CALENDAR_TOKEN", me.id(), "revoked, browser");
            return Pages.redirect("/ui/admin?flash=" + QueuePage.enc("Calendar feed revoked: the old address no longer works."));
        }
        String token = tokens.rotate(me);
        audit.record(who, AuditAction.CHANGE, "CALENDAR_TOKEN", me.id(), "rotated, browser");
        // Shown once, on the page the admin lands on; never logged.
        return Pages.redirect("/ui/admin?token=" + QueuePage.enc(token) + "&flash=" + QueuePage.enc("New calendar feed address created."));
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
