package io.arbiter.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

/**
 * Checked on every request, after the signature: the token has an expiry (Micronaut accepts a token
 * without one), names a user who still exists and is enabled, and was issued under that user's current
 * session generation, so sign-out, disabling, a role change and a password change take effect at once.
 */
@Singleton
public class SessionClaimsValidator<T> implements GenericJwtClaimsValidator<T> {

    /** The token claim that carries the session generation. */
    public static final String GENERATION_CLAIM = "sgen";

    private final SignedInUsers signedIn;

    public SessionClaimsValidator(SignedInUsers signedIn) {
        this.signedIn = signedIn;
    }

    @Override
    public boolean validate(Claims claims, @Nullable T request) {
        if (claims.get(Claims.EXPIRATION_TIME) == null) {
            return false;
        }
        if (!(claims.get(Claims.SUBJECT) instanceof String username) || !(claims.get(GENERATION_CLAIM) instanceof Number issued)) {
            return false;
        }
        // read once for this request: the practice checks that follow reuse it
        return signedIn.standing(username, request instanceof HttpRequest<?> http ? http : null)
                .map(current -> current.sessionGeneration() == issued.longValue()).orElse(false);
    }
}
