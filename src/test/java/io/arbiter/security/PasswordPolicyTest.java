package io.arbiter.security;

import io.arbiter.support.TestAccounts;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The password policy on user creation and on changing one's own password (issues 15 and 23 item 9). */
@MicronautTest(transactional = false)
class PasswordPolicyTest {

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    TestAccounts accounts;
    @Inject
    PasswordPolicy policy;

    BlockingHttpClient client;

    @BeforeEach
    void setUp() {
        client = http.toBlocking();
    }

    @Test
    void refusesShortUsernameBearingAndPasswordLikeOnes() {
        assertEquals("password must have at least 12 characters", policy.problem("ann", "elevenchars"));
        assertEquals("password must not contain the username", policy.problem("ann.lee", "my-name-is-Ann.Lee-ok"));
        for (String trivial : List.of("password", "Password1234!", "P@ssw0rd2026", "passwordpassword", "123456789012",
                "qwertyuiop12", "aaaaaaaaaaaa", "abcabcabcabc", "LetMeIn!2026!", "changeme-123")) {
            assertTrue(policy.problem("someone", trivial) != null, trivial);
        }
        assertNull(policy.problem("someone", "correct horse battery"));
        assertNull(policy.problem("someone", "long-enough-pw"));
        assertEquals("password must have at most 128 characters", policy.problem("someone", "x".repeat(64) + "y".repeat(65)));
    }

    @Test
    void anAdminCannotBeCreatedWithPasswordAsPassword() {
        String admin = accounts.token(client, Roles.ADMIN);
        var e = assertThrows(HttpClientResponseException.class, () -> client.exchange(HttpRequest.POST("/api/v1/users",
                Map.of("username", "weak-admin", "password", "password", "roles", List.of("ADMIN"))).bearerAuth(admin), Map.class));
        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
        assertEquals("password: password must have at least 12 characters", e.getResponse().getBody(Map.class).orElseThrow().get("detail"));
        var e2 = assertThrows(HttpClientResponseException.class, () -> client.exchange(HttpRequest.POST("/api/v1/users",
                Map.of("username", "weak-admin", "password", "Password2026!", "roles", List.of("ADMIN"))).bearerAuth(admin), Map.class));
        assertTrue(e2.getResponse().getBody(Map.class).orElseThrow().get("detail").toString().contains("too common"));
    }

    @Test
    void changingOnesOwnPasswordNeedsTheCurrentOneAndEndsOldTokens() {
        accounts.ensure("pw-changer", "first-password-ok", Roles.FINANCE);
        String token = (String) client.retrieve(HttpRequest.POST("/login", Map.of("username", "pw-changer", "password", "first-password-ok")),
                Map.class).get("access_token");

        var wrong = assertThrows(HttpClientResponseException.class, () -> client.exchange(HttpRequest.PUT("/api/v1/me/password",
                Map.of("currentPassword", "not-it-at-all", "newPassword", "second passphrase here")).bearerAuth(token)));
        assertEquals(HttpStatus.BAD_REQUEST, wrong.getStatus());
        var weak = assertThrows(HttpClientResponseException.class, () -> client.exchange(HttpRequest.PUT("/api/v1/me/password",
                Map.of("currentPassword", "first-password-ok", "newPassword", "pw-changer-2026")).bearerAuth(token), Map.class));
        assertEquals("newPassword: password must not contain the username", weak.getResponse().getBody(Map.class).orElseThrow().get("detail"));

        assertEquals(HttpStatus.NO_CONTENT, client.exchange(HttpRequest.PUT("/api/v1/me/password",
                Map.of("currentPassword", "first-password-ok", "newPassword", "second passphrase here")).bearerAuth(token)).getStatus());
        var old = assertThrows(HttpClientResponseException.class, () -> client.exchange(HttpRequest.GET("/api/v1/claims").bearerAuth(token)));
        assertEquals(HttpStatus.UNAUTHORIZED, old.getStatus(), "tokens issued before the change are revoked");
        var oldPassword = assertThrows(HttpClientResponseException.class, () -> client.exchange(HttpRequest.POST("/login",
                Map.of("username", "pw-changer", "password", "first-password-ok"))));
        assertEquals(HttpStatus.UNAUTHORIZED, oldPassword.getStatus());
        assertEquals(HttpStatus.OK, client.exchange(HttpRequest.POST("/login",
                Map.of("username", "pw-changer", "password", "second passphrase here")), Map.class).getStatus());
    }
}
