package io.arbiter.support;

import io.arbiter.security.AppUser;
import io.arbiter.security.AppUserRepository;
import io.arbiter.security.PasswordHasher;
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

    public TestAccounts(AppUserRepository users, PasswordHasher hasher) {
        this.users = users;
        this.hasher = hasher;
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
