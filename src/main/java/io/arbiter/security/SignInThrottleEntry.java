package io.arbiter.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDateTime;

/** Consecutive sign-in failures of one username or one client address, and the lock they caused. */
@MappedEntity("sign_in_throttle")
public record SignInThrottleEntry(
        @Id @GeneratedValue @Nullable Long id,
        String throttleKey,
        int failures,
        LocalDateTime lastFailureAt,
        @Nullable LocalDateTime lockedUntil) {
}
