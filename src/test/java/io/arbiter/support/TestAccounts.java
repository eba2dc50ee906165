package io.arbiter.support;

import io.arbiter.security.AppUser;
import io.arbiter.security.AppUserRepository;
import io.arbiter.security.PasswordHasher;
import io.arbiter.security.Users;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/** Creates users on the real database and logs them in through POST /login. */
@Singleton
public class TestAccounts {

    private final AppUserRepository users;
    private final PasswordHasher hasher;
    private final Users accounts;

    public TestAccounts(AppUserRepository users, PasswordHasher hasher, Users accounts) {
        this.users = users;
        this.hasher = hasher;
        this.accounts = accounts;
    }

    /** A user of {@code role} who works for the given practices only (not every practice); returns their token. */
    public String tokenInPractices(BlockingHttpClient client, String username, String role, Long... practiceIds) {
        ensure(username, "secret-" + username, role);
        AppUser u = users.findByUsername(username).orElseThrow();
        accounts.assignPractices(u, false, List.of(practiceIds));
        Map<?, ?> body = client.retrieve(HttpRequest.POST("/login",
                Map.of("username", username, "password", "secret-" + username)), Argument.of(Map.class));
        return (String) body.get("access_token");
    }

    public void ensure(String username, String password, String... roles) {
        if (users.findByUsername(username).isEmpty()) {
            users.save(AppUser.create(username, username, hasher.hash(password), List.of(roles)));
        }
    }

    /** @return the bearer token of a freshly ensured user with the given role. */
    public String token(BlockingHttpClient client, String role) {
        String username = role.toLowerCase() + "-t";
        ensure(username, "secret-" + username, role);
        Map<?, ?> body = client.retrieve(HttpRequest.POST("/login",
                Map.of("username", username, "password", "secret-" + username)), Argument.of(Map.class));
        return (String) body.get("access_token");
    }
}
