package io.arbiter.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Throttles sign-in per username and per client address (OWASP ASVS 4.0.3 V2.2.1): after a number of
 * consecutive failures within a window the key is locked, first for {@code lock-seconds}, doubling with
 * every further failure up to {@code max-lock-seconds}. While locked every attempt, even with the right
 * password, answers 429 with Retry-After. State lives in the database so it holds across restarts and
 * instances. Unknown usernames are throttled like known ones, so a lock reveals nothing.
 */
@Singleton
public class SignInThrottle {

    private final SignInThrottleRepository entries;
    private final Clock clock;
    private final int maxUserFailures;
    private final int maxAddressFailures;
    private final long lockSeconds;
    private final long maxLockSeconds;
    private final long windowSeconds;

    public SignInThrottle(SignInThrottleRepository entries, Clock clock,
                          @Value("${arbiter.security.sign-in.max-failures-per-user:5}") int maxUserFailures,
                          @Value("${arbiter.security.sign-in.max-failures-per-address:20}") int maxAddressFailures,
                          @Value("${arbiter.security.sign-in.lock-seconds:60}") long lockSeconds,
                          @Value("${arbiter.security.sign-in.max-lock-seconds:900}") long maxLockSeconds,
                          @Value("${arbiter.security.sign-in.failure-window-seconds:900}") long windowSeconds) {
        this.entries = entries;
        this.clock = clock;
        this.maxUserFailures = maxUserFailures;
        this.maxAddressFailures = maxAddressFailures;
        this.lockSeconds = lockSeconds;
        this.maxLockSeconds = maxLockSeconds;
        this.windowSeconds = windowSeconds;
    }

    /** What one failure did: whether it started (or extended) a lock, and for how long. */
    public record Failure(boolean locked, Duration lockedFor) {
    }

    public static String userKey(String username) {
        String u = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        return "user:" + u.substring(0, Math.min(u.length(), 150));
    }

    public static String addressKey(String address) {
        return "address:" + (address == null ? "unknown" : address);
    }

    /** The remaining lock of the username or the address, whichever ends later; empty when neither is locked. */
    @Transactional
    public Optional<Duration> lockedFor(String username, String address) {
        LocalDateTime now = now();
        return entries.findByThrottleKeyInList(List.of(userKey(username), addressKey(address))).stream()
                .map(SignInThrottleEntry::lockedUntil)
                .filter(until -> until != null && until.isAfter(now))
                .max(LocalDateTime::compareTo)
                .map(until -> Duration.between(now, until));
    }

    @Transactional
    public Failure recordFailure(String username, String address) {
        Failure byUser = fail(userKey(username), maxUserFailures);
        Failure byAddress = fail(addressKey(address), maxAddressFailures);
        boolean locked = byUser.locked() || byAddress.locked();
        Duration longest = byUser.lockedFor().compareTo(byAddress.lockedFor()) >= 0 ? byUser.lockedFor() : byAddress.lockedFor();
        return new Failure(locked, longest);
    }

    /** A successful sign-in clears the username's count; the address keeps its own (one account must not reset it). */
    @Transactional
    public void recordSuccess(String username) {
        entries.deleteByThrottleKey(userKey(username));
    }

    @Transactional
    public List<SignInThrottleEntry> currentLocks() {
        return entries.findByLockedUntilGreaterThanOrderByLockedUntilDesc(now());
    }

    /** Lifts a lock (admin): the key starts again from no failures. @return false when there was none. */
    @Transactional
    public boolean clear(long id) {
        if (entries.findById(id).isEmpty()) {
            return false;
        }
        entries.deleteById(id);
        return true;
    }

    private Failure fail(String key, int maxFailures) {
        LocalDateTime now = now();
        Optional<SignInThrottleEntry> existing = entries.findByThrottleKeyForUpdate(key);
        if (existing.isEmpty()) {
            try {
                entries.save(new SignInThrottleEntry(null, key, 0, now, null));
            } catch (RuntimeException raced) {
                // another instance inserted the key at the same moment: count on its row
            }
            existing = entries.findByThrottleKeyForUpdate(key);
        }
        SignInThrottleEntry e = existing.orElseThrow();
        boolean withinWindow = e.lastFailureAt().isAfter(now.minusSeconds(windowSeconds));
        int failures = (withinWindow ? e.failures() : 0) + 1;
        LocalDateTime lockedUntil = e.lockedUntil();
        Duration lockedFor = Duration.ZERO;
        boolean locked = false;
        if (failures >= maxFailures) {
            int doublings = Math.min(failures - maxFailures, 20);
            long seconds = Math.min(maxLockSeconds, lockSeconds << doublings);
            lockedUntil = now.plusSeconds(seconds);
            lockedFor = Duration.ofSeconds(seconds);
            locked = true;
        }
        entries.update(new SignInThrottleEntry(e.id(), key, failures, now, lockedUntil));
        return new Failure(locked, lockedFor);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }
}
