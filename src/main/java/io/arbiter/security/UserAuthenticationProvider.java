package io.arbiter.security;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestAuthenticationProvider;
import jakarta.inject.Singleton;

import java.util.Map;

/** Checks a username and password against the users table (bcrypt hashes). */
@Singleton
public class UserAuthenticationProvider<B> implements HttpRequestAuthenticationProvider<B> {

    private final AppUserRepository users;
    private final PasswordHasher hasher;

    public UserAuthenticationProvider(AppUserRepository users, PasswordHasher hasher) {
        this.users = users;
        this.hasher = hasher;
    }

    @Override
    public @NonNull AuthenticationResponse authenticate(HttpRequest<B> requestContext,
                                                        @NonNull AuthenticationRequest<String, String> request) {
        String username = request.getIdentity();
        return users.findByUsername(username)
                .filter(AppUser::enabled)
                .filter(u -> hasher.matches(request.getSecret(), u.passwordHash()))
                .map(u -> AuthenticationResponse.success(u.username(), u.roleList(),
                        Map.of("name", u.displayName() == null ? u.username() : u.displayName())))
                .orElseGet(() -> AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH));
    }
}
