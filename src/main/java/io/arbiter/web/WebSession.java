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
     * request in the second half of the lifetime (the same rule, so a page's countdown matches its cookie).
     */
    public Optional<Long> expiresAfter(HttpRequest<?> request) {
        return token(request).flatMap(t -> {
            try {
                var exp = com.nimbusds.jwt.SignedJWT.parse(t).getJWTClaimsSet().getExpirationTime();
                if (exp == null) {
                    return Optional.empty();
                }
                long now = System.currentTimeMillis() / 1000;
                long at = exp.getTime() / 1000;
                return Optional.of(at - now <= timeoutSeconds / 2 && at > now ? now + timeoutSeconds : at);
            } catch (java.text.ParseException e) {
                return Optional.empty();
            }
        });
    }

    /** Seconds before the end at which the page warns: two minutes, or a third of a short session. */
    public long warnSeconds() {
        return Math.min(120, timeoutSeconds / 3);
    }

    /** "user:generation" of a session token, or empty when the token cannot be read. */
    static Optional<String> sessionKey(String token) {
        try {
            var claims = com.nimbusds.jwt.SignedJWT.parse(token).getJWTClaimsSet();
            Object generation = claims.getClaim(io.arbiter.security.SessionClaimsValidator.GENERATION_CLAIM);
            return claims.getSubject() == null || generation == null ? Optional.empty()
                    : Optional.of(claims.getSubject() + ":" + generation);
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
