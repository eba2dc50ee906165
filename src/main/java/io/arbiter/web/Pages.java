package io.arbiter.web;

import io.arbiter.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds the common page model (user, navigation by role, CSRF token) and renders pages. */
@Singleton
public class Pages {

    public record NavItem(String href, String label, boolean active) {
    }

    private final ViewRenderer renderer;
    private final WebSession session;
    private final io.arbiter.security.PracticeScopes practiceScopes;

    public Pages(ViewRenderer renderer, WebSession session, io.arbiter.security.PracticeScopes practiceScopes) {
        this.practiceScopes = practiceScopes;
        this.renderer = renderer;
        this.session = session;
    }

    /** The page with another status: a form re-shown with its errors answers 422, the typed values kept. */
    public HttpResponse<String> page(HttpRequest<?> request, @Nullable Authentication who, String template, String title,
                                     Map<String, Object> model, io.micronaut.http.HttpStatus status) {
        return ((io.micronaut.http.MutableHttpResponse<String>) page(request, who, template, title, model)).status(status);
    }

    public HttpResponse<String> page(HttpRequest<?> request, @Nullable Authentication who, String template, String title,
                                     Map<String, Object> model) {
        Map<String, Object> m = new HashMap<>(model);
        m.put("title", title);
        m.put("csrf", session.csrfToken(request));
        m.put("path", request.getPath());
        if (who != null) {
            m.put("user", Map.of("name", String.valueOf(who.getAttributes().getOrDefault("name", who.getName())),
                    "username", who.getName(), "roles", String.join(", ", who.getRoles())));
            m.put("nav", nav(who, request.getPath()));
            session.expiresAfter(request).ifPresent(at -> {
                m.put("sessionExpires", at);
                m.put("sessionWarn", session.warnSeconds());
            });
        }
        m.putIfAbsent("flash", request.getParameters().get("flash"));
        m.putIfAbsent("error", request.getParameters().get("error"));
        return HttpResponse.ok(renderer.render(template, m)).contentType(MediaType.TEXT_HTML_TYPE + ";charset=utf-8")
                .header("X-Frame-Options", "DENY").header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'")
                .header("Cache-Control", "no-store");
    }

    public static List<NavItem> nav(Authentication who, String path) {
        List<NavItem> items = new ArrayList<>();
        var roles = who.getRoles();
        if (roles.contains(Roles.SPECIALIST) || roles.contains(Roles.ADMIN)) {
            items.add(new NavItem("/ui/queue", "Work queue", path.startsWith("/ui/queue") || path.startsWith("/ui/cases")));
            items.add(new NavItem("/ui/worklists/underpayments", "Underpaid", path.startsWith("/ui/worklists/underpayments")));
            items.add(new NavItem("/ui/worklists/denials", "Denials", path.startsWith("/ui/worklists/denials")));
            items.add(new NavItem("/ui/claims", "Claims", path.startsWith("/ui/claims")));
            items.add(new NavItem("/ui/batches", "Batches", path.startsWith("/ui/batches")));
            items.add(new NavItem("/ui/imports", "Imports", path.startsWith("/ui/imports")));
            items.add(new NavItem("/ui/payers", "Payers", path.startsWith("/ui/payers")));
        }
        if (roles.contains(Roles.ATTORNEY)) {
            items.add(new NavItem("/ui/attorney", "Shared cases", path.startsWith("/ui/attorney")));
        }
        if (roles.contains(Roles.FINANCE) || roles.contains(Roles.ADMIN)) {
            items.add(new NavItem("/ui/finance", "Finance", path.startsWith("/ui/finance") && !path.startsWith("/ui/finance/unmatched")));
            items.add(new NavItem("/ui/finance/unmatched", "Unmatched payments", path.startsWith("/ui/finance/unmatched")));
        }
        if (roles.contains(Roles.ADMIN)) {
            items.add(new NavItem("/ui/admin", "Admin", path.startsWith("/ui/admin")));
        }
        items.add(new NavItem("/ui/calendar", "Calendar", path.startsWith("/ui/calendar")));
        return items;
    }

    /** Where each role starts after login. */
    public static String home(Authentication who) {
        var roles = who.getRoles();
        if (roles.contains(Roles.SPECIALIST) || roles.contains(Roles.ADMIN)) {
            return "/ui/queue";
        }
        if (roles.contains(Roles.FINANCE)) {
            return "/ui/finance";
        }
        return "/ui/attorney";
    }

    public static io.micronaut.http.MutableHttpResponse<String> redirect(String location) {
        return HttpResponse.<String>seeOther(URI.create(location));
    }

    public WebSession session() {
        return session;
    }

    /** The practices whose records the signed-in person reaches (lists filter by it). */
    public io.arbiter.security.PracticeAccess practices(io.micronaut.security.authentication.Authentication who) {
        return practiceScopes.of(who);
    }
}
