package io.arbiter.web;

import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditLog;
import io.arbiter.security.UserAuthenticationProvider;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.UsernamePasswordCredentials;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.token.generator.TokenGenerator;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.Map;

/** The start page: the login form for visitors, each role's home after login; logout. */
@Controller
@Hidden
public class LoginController {

    private final Pages pages;
    private final UserAuthenticationProvider<Object> users;
    private final TokenGenerator tokens;
    private final AuditLog audit;
    private final io.arbiter.security.RevokingLogoutHandler signOut;

    public LoginController(Pages pages, UserAuthenticationProvider<Object> users, TokenGenerator tokens, AuditLog audit,
                           io.arbiter.security.RevokingLogoutHandler signOut) {
        this.pages = pages;
        this.users = users;
        this.tokens = tokens;
        this.audit = audit;
        this.signOut = signOut;
    }

    @Get(produces = MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<String> start(HttpRequest<?> request, @Nullable Authentication who) {
        if (who != null) {
            return Pages.redirect(Pages.home(who));
        }
        String next = safeNext(request.getParameters().get("next"));
        return pages.page(request, null, "login.ftlh", "Sign in", next == null ? Map.of()
                : Map.of("next", next, "flash", "Your session ended; sign in again to continue where you were."));
    }

    private static Map<String, Object> withNext(Map<String, String> form, Map<String, Object> model) {
        String next = safeNext(form.get("next"));
        if (next == null) {
            return model;
        }
        Map<String, Object> m = new java.util.HashMap<>(model);
        m.put("next", next);
        return m;
    }

    /** Where to go after signing in: only a screen of Arbiter (never another site: "/ui/..." without "//" or "\\"). */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/ui/") || next.contains("//") || next.contains("\\") || next.length() > 500
                || next.startsWith("/ui/logout") || next.startsWith("/ui/login")) {
            return null;
        }
        return next;
    }

    @Post(value = "/ui/login", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @SuppressWarnings("unchecked")
    public HttpResponse<String> login(HttpRequest<?> request, @Body Map<String, String> form) {
        String username = form.getOrDefault("username", "").trim();
        AuthenticationResponse result = users.authenticate((HttpRequest<Object>) request,
                new UsernamePasswordCredentials(username, form.getOrDefault("password", "")));
        if (result instanceof io.arbiter.security.SignInThrottled throttled) {
            return HttpResponse.<String>status(io.micronaut.http.HttpStatus.TOO_MANY_REQUESTS)
                    .header("Retry-After", Long.toString(throttled.retryAfterSeconds()))
                    .body(pages.page(request, null, "login.ftlh", "Sign in",
                            withNext(form, Map.of("error", "Too many failed sign-ins; try again in " + throttled.retryAfterSeconds()
                                    + " seconds.", "username", username))).body())
                    .contentType(MediaType.TEXT_HTML_TYPE);
        }
        if (!result.isAuthenticated() || result.getAuthentication().isEmpty()) {
            return HttpResponse.<String>unauthorized().body(pages.page(request, null, "login.ftlh", "Sign in",
                    withNext(form, Map.of("error", "The username or password is not right.", "username", username))).body())
                    .contentType(MediaType.TEXT_HTML_TYPE);
        }
        Authentication who = result.getAuthentication().get();
        String token = tokens.generateToken(who, (int) pages.session().timeoutSeconds())
                .orElseThrow(() -> new IllegalStateException("no token generator"));
        // the sign-in itself is audited by UserAuthenticationProvider, with the client address
        String next = safeNext(form.get("next"));
        return Pages.redirect(next != null ? next : Pages.home(who)).cookie(pages.session().sessionCookie(token));
    }

    @Post(value = "/ui/logout", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public HttpResponse<String> logout(HttpRequest<?> request, Authentication who, @Body Map<String, String> form) {
        pages.session().verifyCsrf(request, form.get(WebSession.CSRF_FIELD));
        // the cookie is cleared, and the token in it refused from now on even if it was copied
        signOut.signOut(who.getName(), request, "browser");
        return Pages.redirect("/?flash=You+are+signed+out.").cookie(pages.session().expiredCookie());
    }
}
