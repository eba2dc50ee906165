package io.arbiter.security;

import io.micronaut.security.authentication.AuthenticationFailed;
import io.micronaut.security.authentication.AuthenticationFailureReason;

import java.time.Duration;

/** A sign-in refused because the username or the client address is locked; answered 429 with Retry-After. */
public class SignInThrottled extends AuthenticationFailed {

    private final Duration retryAfter;

    public SignInThrottled(Duration retryAfter) {
        super(AuthenticationFailureReason.ACCOUNT_LOCKED);
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, at least 1. */
    public long retryAfterSeconds() {
        return Math.max(1, retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0));
    }
}
