package io.arbiter.security;

import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import io.arbiter.support.TestAccounts;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** ARBITER_JWT_SECRET and ARBITER_TOKEN_SECONDS reach the token generator as they are (issue 23 item 2). */
class TokenSettingsTest {

    static final String SECRET = "0123456789abcdef0123456789abcdef-arbiter-settings-test";

    @Test
    void tokenIsSignedWithTheConfiguredSecretAndLivesTheConfiguredSeconds() throws Exception {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class,
                Map.of("ARBITER_JWT_SECRET", SECRET, "ARBITER_TOKEN_SECONDS", "120"), "test");
             HttpClient http = HttpClient.create(server.getURL())) {
            server.getApplicationContext().getBean(TestAccounts.class).ensure("token-settings", "token-settings-pw", Roles.FINANCE);
            Map<?, ?> body = http.toBlocking().retrieve(HttpRequest.POST("/login",
                    Map.of("username", "token-settings", "password", "token-settings-pw")), Argument.of(Map.class));
            assertEquals(120, ((Number) body.get("expires_in")).intValue());

            SignedJWT jwt = SignedJWT.parse((String) body.get("access_token"));
            // verifies with exactly the configured bytes: no random text appended to the secret
            assertTrue(jwt.verify(new MACVerifier(SECRET.getBytes(StandardCharsets.UTF_8))));
            long lifetime = (jwt.getJWTClaimsSet().getExpirationTime().getTime()
                    - jwt.getJWTClaimsSet().getIssueTime().getTime()) / 1000;
            assertEquals(120, lifetime);
            assertEquals("arbiter", jwt.getJWTClaimsSet().getIssuer());
            assertFalse(server.getApplicationContext().getBean(TokenSecret.class).random());
        }
    }

    @Test
    void aSecretShorterThan256BitsStopsTheStart() {
        Exception e = assertThrows(Exception.class, () -> ApplicationContext.run(
                Map.of("ARBITER_JWT_SECRET", "too-short-secret"), "test").close());
        String messages = causes(e);
        assertTrue(messages.contains("ARBITER_JWT_SECRET is 128 bits long; HS256 needs at least 256 bits"), messages);
    }

    @Test
    void withoutASecretEachStartDrawsItsOwn() {
        TokenSecret first = new TokenSecret("");
        TokenSecret second = new TokenSecret(null);
        assertTrue(first.random());
        assertEquals(64, first.value().length());
        assertFalse(first.value().equals(second.value()));
    }

    private static String causes(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            b.append(t.getMessage()).append('\n');
        }
        return b.toString();
    }
}
