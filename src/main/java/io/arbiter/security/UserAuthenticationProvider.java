package io.arbiter.security;

import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditLog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestAuthenticationProvider;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a username and password against the users table (bcrypt hashes), for the API's POST /login
 * and the browser's form alike. The hash runs for unknown and disabled usernames too, so the answer
 * time does not tell which usernames exist. Every failure is audited (never the password; the attempted
 * name only when it is an account's) and counted by {@link SignInThrottle}, and by the meter
 * {@code arbiter.signin.failures} (reason and channel only: never a username or an address).
 */
@Singleton
public class UserAuthenticationProvider<B> implements HttpRequestAuthenticationProvider<B> {

    private final AppUserRepository users;
    private final PasswordHasher hasher;
    private final SessionGenerations generations;
    private final SignInThrottle throttle;
    private final AuditLog audit;
    private final MeterRegistry meters;

    public UserAuthenticationProvider(AppUserRepository users, PasswordHasher hasher, SessionGenerations generations,
                                      SignInThrottle throttle, AuditLog audit, MeterRegistry meters) {
        this.meters = meters;
        this.users = users;
        this.hasher = hasher;
        this.generations = generations;
        this.throttle = throttle;
        this.audit = audit;
    }

    @Override
    public @NonNull AuthenticationResponse authenticate(HttpRequest<B> requestContext,
                                                        @NonNull AuthenticationRequest<String, String> request) {
        String username = request.getIdentity() == null ? "" : request.getIdentity().trim();
        String address = audit.clientAddress(requestContext);
        String channel = requestContext != null && requestContext.getPath().startsWith("/ui/") ? "browser" : "API";

        Optional<Duration> locked = throttle.lockedFor(username, address);
        Optional<AppUser> user = username.isEmpty() ? Optional.empty() : users.findByUsername(username);
        String who = user.map(AppUser::username).orElse("(unknown username)");
        if (locked.isPresent()) {
            audit.recordFrom(who, address, AuditAction.LOGIN_FAILED, "USER", user.map(AppUser::id).orElse(null),
                    channel + " sign-in refused: locked after repeated failures");
            countFailure("locked", channel);
            return new SignInThrottled(locked.get());
        }
        boolean passwordMatches = hasher.matchesOrBurn(request.getSecret(), user.map(AppUser::passwordHash).orElse(null));
        if (user.isPresent() && user.get().enabled() && passwordMatches) {
            AppUser u = user.get();
            throttle.recordSuccess(username);
            long generation = generations.currentOfEnabled(u.username()).orElse(0L);
            audit.recordFrom(u.username(), address, AuditAction.LOGIN, "USER", u.id(), channel + " sign-in");
            return AuthenticationResponse.success(u.username(), u.roleList(),
                    Map.of("name", u.displayName() == null ? u.username() : u.displayName(),
                            SessionClaimsValidator.GENERATION_CLAIM, generation));
        }
        SignInThrottle.Failure failure = throttle.recordFailure(username, address);
        String reason = user.isEmpty() ? "unknown username" : !user.get().enabled() ? "account disabled" : "wrong password";
        audit.recordFrom(who, address, AuditAction.LOGIN_FAILED, "USER", user.map(AppUser::id).orElse(null),
                channel + " sign-in failed: " + reason);
        countFailure(reason.replace(' ', '_'), channel);
        if (failure.locked()) {
            audit.recordFrom(who, address, AuditAction.LOCKOUT, "USER", user.map(AppUser::id).orElse(null),
                    "sign-in locked for " + failure.lockedFor().toSeconds() + " s after repeated failures");
        }
        return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
    }

    private void countFailure(String reason, String channel) {
        Counter.builder("arbiter.signin.failures")
                .description("Failed sign-ins by reason (wrong_password, unknown_username, account_disabled, locked) and channel")
                .tag("reason", reason)
                .tag("channel", channel.toLowerCase(java.util.Locale.ROOT))
                .register(meters)
                .increment();
    }
}
