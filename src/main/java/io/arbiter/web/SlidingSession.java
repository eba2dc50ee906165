package io.arbiter.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The browser session times out after a stretch of inactivity, not at a fixed time after sign-in: a screen answered in
 * the second half of the session's lifetime carries a fresh session cookie good for the full timeout
 * ({@code arbiter.web.session-seconds}). The new token has the same user, roles and session generation, so sign-out,
 * disabling and role changes still end it at once; forms rendered before keep working (the CSRF token is bound to the
 * user and generation, not to the cookie's bytes).
 */
@ServerFilter("/ui/**")
public class SlidingSession {

    /** Registered claims the token generator sets itself; copied over they would keep the old expiry. */
    private static final Set<String> REGISTERED = Set.of("exp", "iat", "nbf", "jti", "iss", "aud", "sub");

    private final WebSession session;
    private final TokenGenerator tokens;

    public SlidingSession(WebSession session, TokenGenerator tokens) {
        this.session = session;
        this.tokens = tokens;
    }

    @ResponseFilter
    public void slide(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.getStatus().getCode() >= 400 || setsSessionCookie(response)) {
            return; // a sign-in or sign-out sets its own cookie
        }
        Optional<Authentication> who = request.getUserPrincipal(Authentication.class);
        Optional<String> token = session.token(request);
        if (who.isEmpty() || token.isEmpty()) {
            return;
        }
        Optional<Long> expiresAt = WebSession.expiry(token.get());
        if (expiresAt.isEmpty() || !session.renews(expiresAt.get(), System.currentTimeMillis() / 1000)) {
            return;
        }
        Map<String, Object> attributes = new HashMap<>(who.get().getAttributes());
        attributes.keySet().removeAll(REGISTERED);
        Authentication fresh = Authentication.build(who.get().getName(), List.copyOf(who.get().getRoles()), attributes);
        tokens.generateToken(fresh, (int) session.timeoutSeconds()).ifPresent(t -> response.cookie(session.sessionCookie(t)));
    }

    private static boolean setsSessionCookie(MutableHttpResponse<?> response) {
        return response.getHeaders().getAll("Set-Cookie").stream().anyMatch(h -> h.startsWith(WebSession.COOKIE + "="));
    }
}
