package io.arbiter.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * The browser session: the access token in an HttpOnly, SameSite=Strict cookie (the session module
 * is not available here), and a CSRF token derived from it (HMAC) that every form posts back.
 */
@Singleton
public class WebSession {

    public static final String COOKIE = "JWT";
    public static final String CSRF_FIELD = "_csrf";

    private final byte[] key;
    private final boolean secure;
    private final long timeoutSeconds;

    public WebSession(io.arbiter.security.TokenSecret secret,
                      @Value("${arbiter.web.secure-cookie:true}") boolean secure,
                      @Value("${arbiter.web.session-seconds:1800}") long timeoutSeconds) {
        // the checked or drawn signing secret, never the raw (possibly empty) setting
        this.key = ("csrf:" + secret.value()).getBytes(StandardCharsets.UTF_8);
        this.secure = secure;
        this.timeoutSeconds = timeoutSeconds;
    }

    public long timeoutSeconds() {
        return timeoutSeconds;
    }

    public Cookie sessionCookie(String token) {
        return Cookie.of(COOKIE, token).httpOnly(true).secure(secure).sameSite(SameSite.Strict).path("/")
                .maxAge(Duration.ofSeconds(timeoutSeconds));
    }

    public Cookie expiredCookie() {
        return Cookie.of(COOKIE, "").httpOnly(true).secure(secure).sameSite(SameSite.Strict).path("/").maxAge(0);
    }

    public Optional<String> token(HttpRequest<?> request) {
        return request.getCookies().findCookie(COOKIE).map(Cookie::getValue).filter(v -> !v.isBlank());
    }

    /**
     * The CSRF token for the session in this request ("" when there is none). Bound to the signed-in user and the
     * session generation (the token's {@code sub} and {@code sgen}), not to the cookie's bytes: the cookie is re-issued
     * as the session slides, and a form rendered before that must still post; sign-out bumps the generation and so
     * invalidates every form of the old session.
     */
    public String csrfToken(HttpRequest<?> request) {
        return token(request).flatMap(WebSession::sessionKey).map(this::hmac).orElse("");
    }

    /**
     * When the session in this request ends, in epoch seconds, counting the re-issue {@link SlidingSession} makes for a
     * request in the second half of the lifetime ({@link #renews}), so a page's countdown matches its cookie.
     */
    public Optional<Long> expiresAfter(HttpRequest<?> request) {
        long now = System.currentTimeMillis() / 1000;
        return token(request).flatMap(WebSession::expiry).map(at -> renews(at, now) ? now + timeoutSeconds : at);
    }

    /** Whether a session ending at {@code at} is re-issued by a request at {@code now}: in the second half of its life. */
    public boolean renews(long at, long now) {
        return at > now && at - now <= timeoutSeconds / 2;
    }

    /** The expiry of a session token in epoch seconds, or empty when it has none or cannot be read. */
    static Optional<Long> expiry(String token) {
        return claims(token).map(c -> c.getExpirationTime()).map(d -> d.getTime() / 1000);
    }

    /** Seconds before the end at which the page warns: two minutes, or a third of a short session. */
    public long warnSeconds() {
        return Math.min(120, timeoutSeconds / 3);
    }

    /** "user:generation" of a session token, or empty when the token cannot be read. */
    static Optional<String> sessionKey(String token) {
        return claims(token).flatMap(c -> {
            Object generation = c.getClaim(io.arbiter.security.SessionClaimsValidator.GENERATION_CLAIM);
            return c.getSubject() == null || generation == null ? Optional.empty() : Optional.of(c.getSubject() + ":" + generation);
        });
    }

    /** The claims of a session token as written (its signature is checked by Micronaut Security on every request). */
    private static Optional<com.nimbusds.jwt.JWTClaimsSet> claims(String token) {
        try {
            return Optional.of(com.nimbusds.jwt.SignedJWT.parse(token).getJWTClaimsSet());
        } catch (java.text.ParseException e) {
            return Optional.empty();
        }
    }

    /** Refuses a form post whose CSRF token does not belong to the session cookie. */
    public void verifyCsrf(HttpRequest<?> request, String submitted) {
        String expected = csrfToken(request);
        if (expected.isEmpty() || submitted == null
                || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), submitted.getBytes(StandardCharsets.UTF_8))) {
            throw new CsrfRejected();
        }
    }

    private String hmac(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A form post without a valid CSRF token. */
    public static class CsrfRejected extends io.arbiter.common.ApiException {
        public CsrfRejected() {
            super(io.micronaut.http.HttpStatus.FORBIDDEN, "Forbidden",
                    "The form has expired or did not come from Arbiter (CSRF check failed); reload the page and try again.");
        }
    }
}
