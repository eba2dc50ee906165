package io.arbiter.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditEvent;
import io.arbiter.audit.AuditEventRepository;
import io.arbiter.support.TestAccounts;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tokens can be revoked and are checked against the users table on every request (issue 23 item 3). */
@MicronautTest(transactional = false)
class SessionRevocationTest {

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    TestAccounts accounts;
    @Inject
    TokenSecret secret;
    @Inject
    AppUserRepository users;
    @Inject
    AuditEventRepository auditEvents;

    BlockingHttpClient client;

    @BeforeEach
    void setUp() {
        client = http.toBlocking();
    }

    private String login(String username, String password) {
        Map<?, ?> body = client.retrieve(HttpRequest.POST("/login", Map.of("username", username, "password", password)),
                Argument.of(Map.class));
        return (String) body.get("access_token");
    }

    private HttpStatus claimsStatus(String token) {
        try {
            return client.exchange(HttpRequest.GET("/api/v1/claims").bearerAuth(token), Map.class).getStatus();
        } catch (HttpClientResponseException e) {
            return e.getStatus();
        }
    }

    @Test
    void signOutRevokesTheToken() {
        accounts.ensure("revoke-signout", "revoke-signout-pw", Roles.FINANCE);
        String token = login("revoke-signout", "revoke-signout-pw");
        assertEquals(HttpStatus.OK, claimsStatus(token));

        var out = client.exchange(HttpRequest.POST("/logout", "").bearerAuth(token));
        assertEquals(HttpStatus.NO_CONTENT, out.getStatus());
        assertEquals(HttpStatus.UNAUTHORIZED, claimsStatus(token), "the token is refused after sign-out");
        assertEquals(HttpStatus.OK, claimsStatus(login("revoke-signout", "revoke-signout-pw")), "a new sign-in works");
        assertTrue(auditEvents.findByUsernameOrderById("revoke-signout").stream().anyMatch(e -> e.action() == AuditAction.LOGOUT));
    }

    /** Tokens signed with the real secret, so only the claim checks can refuse them. */
    private String forged(Consumer<JWTClaimsSet.Builder> change) throws Exception {
        long generation = 0;
        Date now = new Date();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject("revoke-forged").issuer("arbiter")
                .issueTime(now).notBeforeTime(now).expirationTime(new Date(now.getTime() + 600_000))
                .claim("roles", List.of(Roles.FINANCE)).claim(SessionClaimsValidator.GENERATION_CLAIM, generation);
        change.accept(claims);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        jwt.sign(new MACSigner(secret.value().getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    @Test
    void tokensWithoutExpiryWithAForeignIssuerNotYetValidOrForAnUnknownUserAreRefused() throws Exception {
        accounts.ensure("revoke-forged", "revoke-forged-pw", Roles.FINANCE);
        assertEquals(HttpStatus.OK, claimsStatus(forged(c -> { })), "control: a well-formed token passes");
        assertEquals(HttpStatus.UNAUTHORIZED, claimsStatus(forged(c -> c.expirationTime(null))));
        assertEquals(HttpStatus.UNAUTHORIZED, claimsStatus(forged(c -> c.issuer("someone-else"))));
        assertEquals(HttpStatus.UNAUTHORIZED, claimsStatus(forged(c -> c.notBeforeTime(new Date(System.currentTimeMillis() + 3_600_000)))));
        assertEquals(HttpStatus.UNAUTHORIZED, claimsStatus(forged(c -> c.subject("nobody-of-that-name"))));
        assertEquals(HttpStatus.UNAUTHORIZED, claimsStatus(forged(c -> c.claim(SessionClaimsValidator.GENERATION_CLAIM, null))));
    }

    private Map<?, ?> put(String adminToken, Long id, Map<String, Object> body) {
        MutableHttpRequest<?> r = HttpRequest.PUT("/api/v1/users/" + id, body).bearerAuth(adminToken);
        return client.retrieve(r, Argument.of(Map.class));
    }

    @Test
    void disablingAUserEndsTheirSessionsAndSignIns() {
        accounts.ensure("revoke-disable", "revoke-disable-pw", Roles.FINANCE);
        String token = login("revoke-disable", "revoke-disable-pw");
        Long id = users.findByUsername("revoke-disable").orElseThrow().id();
        String admin = accounts.token(client, Roles.ADMIN);

        Map<?, ?> view = put(admin, id, Map.of("enabled", false));
        assertEquals(false, view.get("enabled"));
        assertEquals(HttpStatus.UNAUTHORIZED, claimsStatus(token));
        var e = assertThrows(HttpClientResponseException.class, () -> login("revoke-disable", "revoke-disable-pw"));
        assertEquals(HttpStatus.UNAUTHORIZED, e.getStatus());

        put(admin, id, Map.of("enabled", true));
        assertEquals(HttpStatus.OK, claimsStatus(login("revoke-disable", "revoke-disable-pw")));
        List<AuditEvent> changes = auditEvents.findByEntityTypeAndEntityIdOrderById("USER", id.toString()).stream()
                .filter(a -> a.action() == AuditAction.CHANGE).toList();
        assertEquals("disabled; sessions revoked", changes.get(changes.size() - 2).detail());
        assertEquals("enabled", changes.get(changes.size() - 1).detail());
    }

    @Test
    void aRoleChangeEndsTokensCarryingTheOldRoles() {
        accounts.ensure("revoke-role", "revoke-role-pw", Roles.FINANCE);
        String financeToken = login("revoke-role", "revoke-role-pw");
        Long id = users.findByUsername("revoke-role").orElseThrow().id();
        String admin = accounts.token(client, Roles.ADMIN);

        Map<?, ?> view = put(admin, id, Map.of("roles", List.of(Roles.ATTORNEY)));
        assertEquals(List.of(Roles.ATTORNEY), view.get("roles"));
        assertEquals(HttpStatus.UNAUTHORIZED, claimsStatus(financeToken), "the FINANCE token is revoked");
        assertEquals(HttpStatus.FORBIDDEN, claimsStatus(login("revoke-role", "revoke-role-pw")), "an attorney may not list claims");
        AuditEvent change = auditEvents.findByEntityTypeAndEntityIdOrderById("USER", id.toString()).stream()
                .filter(a -> a.action() == AuditAction.CHANGE).reduce((a, b) -> b).orElseThrow();
        assertEquals("roles [FINANCE] -> [ATTORNEY]; sessions revoked", change.detail());
        assertEquals("admin-t", change.username());
    }

    @Test
    void theLastEnabledAdministratorCannotBeDisabled() {
        String admin = accounts.token(client, Roles.ADMIN);
        users.findAll().forEach(u -> {
            if (u.hasRole(Roles.ADMIN) && !u.username().equals("admin-t") && u.enabled()) {
                users.update(u.withRoles(u.roleList(), false));
            }
        });
        Long id = users.findByUsername("admin-t").orElseThrow().id();
        var e = assertThrows(HttpClientResponseException.class, () -> put(admin, id, Map.of("enabled", false)));
        assertEquals(HttpStatus.CONFLICT, e.getStatus());
    }
}
