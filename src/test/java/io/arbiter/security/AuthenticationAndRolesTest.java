package io.arbiter.security;

import io.arbiter.support.TestAccounts;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class AuthenticationAndRolesTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    TestAccounts accounts;

    BlockingHttpClient client;

    @BeforeEach
    void setUp() {
        client = http.toBlocking();
    }

    @Test
    void loginReturnsBearerTokenWithRoles() {
        accounts.ensure("spec1", "correct-horse", Roles.SPECIALIST);
        Map<?, ?> body = client.retrieve(HttpRequest.POST("/login", Map.of("username", "spec1", "password", "correct-horse")),
                Argument.of(Map.class));
        assertNotNull(body.get("access_token"));
        assertEquals("Bearer", body.get("token_type"));
        assertEquals(List.of(Roles.SPECIALIST), body.get("roles"));
        assertTrue(((Number) body.get("expires_in")).intValue() > 0);
    }

    @Test
    void wrongPasswordIs401() {
        accounts.ensure("spec2", "correct-horse", Roles.SPECIALIST);
        var e = assertThrows(HttpClientResponseException.class, () -> client.exchange(
                HttpRequest.POST("/login", Map.of("username", "spec2", "password", "wrong-horse"))));
        assertEquals(HttpStatus.UNAUTHORIZED, e.getStatus());
    }

    @Test
    void apiWithoutTokenIs401ProblemJson() {
        var e = assertThrows(HttpClientResponseException.class, () -> client.exchange(HttpRequest.GET("/api/v1/claims"), Map.class));
        assertEquals(HttpStatus.UNAUTHORIZED, e.getStatus());
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
        Map<?, ?> problem = e.getResponse().getBody(Map.class).orElseThrow();
        assertEquals(401, problem.get("status"));
        assertNotNull(problem.get("title"));
    }

    @Test
    void financeMayNotCallAdminEndpoints() {
        String token = accounts.token(client, Roles.FINANCE);
        var e = assertThrows(HttpClientResponseException.class, () -> client.exchange(
                HttpRequest.GET("/api/v1/users").bearerAuth(token), Map.class));
        assertEquals(HttpStatus.FORBIDDEN, e.getStatus());
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
    }

    @Test
    void attorneyMayNotListClaims() {
        String token = accounts.token(client, Roles.ATTORNEY);
        var e = assertThrows(HttpClientResponseException.class, () -> client.exchange(
                HttpRequest.GET("/api/v1/claims").bearerAuth(token), Map.class));
        assertEquals(HttpStatus.FORBIDDEN, e.getStatus());
    }

    @Test
    void adminCreatesUserWhoCanThenLogIn() {
        String token = accounts.token(client, Roles.ADMIN);
        HttpResponse<Map> created = client.exchange(HttpRequest.POST("/api/v1/users",
                Map.of("username", "counsel2", "displayName", "Counsel", "password", "long-enough-pw", "roles", List.of("ATTORNEY")))
                .bearerAuth(token), Map.class);
        assertEquals(HttpStatus.CREATED, created.getStatus());
        Map<?, ?> login = client.retrieve(HttpRequest.POST("/login", Map.of("username", "counsel2", "password", "long-enough-pw")),
                Argument.of(Map.class));
        assertEquals(List.of("ATTORNEY"), login.get("roles"));
    }

    @Test
    void adminRejectsUnknownRole() {
        String token = accounts.token(client, Roles.ADMIN);
        var e = assertThrows(HttpClientResponseException.class, () -> client.exchange(HttpRequest.POST("/api/v1/users",
                Map.of("username", "x-user", "password", "long-enough-pw", "roles", List.of("ROOT"))).bearerAuth(token), Map.class));
        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
        assertTrue(e.getResponse().getBody(Map.class).orElseThrow().get("detail").toString().contains("roles"));
    }

    @Test
    void healthIsOpenAndUp() {
        HttpResponse<Map> r = client.exchange(HttpRequest.GET("/health"), Map.class);
        assertEquals(HttpStatus.OK, r.getStatus());
        assertEquals("UP", r.body().get("status"));
    }

    @Test
    void openApiDocumentIsServed() {
        String yml = client.retrieve(HttpRequest.GET("/openapi.yml"));
        assertTrue(yml.contains("/api/v1/claims"), "the document lists the claims API");
    }
}
