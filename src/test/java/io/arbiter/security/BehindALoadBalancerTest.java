package io.arbiter.security;

import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditEvent;
import io.arbiter.audit.AuditEventRepository;
import io.arbiter.support.TestAccounts;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two instances behind nginx (docker/compose.yml) see every client at the balancer's address. With the balancer named
 * in {@code arbiter.trusted-proxies} (here the test's own 127.0.0.1), the audit log and the per-address sign-in lock
 * use the client the balancer saw: one client spraying passwords locks itself out, not every user of the practice.
 */
@MicronautTest(transactional = false)
@Property(name = "arbiter.trusted-proxies", value = "127.0.0.1")
@Property(name = "arbiter.security.sign-in.max-failures-per-user", value = "3")
@Property(name = "arbiter.security.sign-in.max-failures-per-address", value = "6")
class BehindALoadBalancerTest {

    @Inject @Client("/") HttpClient http;
    @Inject TestAccounts accounts;
    @Inject SignInThrottleRepository throttleRows;
    @Inject AuditEventRepository auditEvents;

    BlockingHttpClient client;

    @BeforeEach
    void setUp() {
        client = http.toBlocking();
        throttleRows.deleteAll();
    }

    @AfterEach
    void tearDown() {
        throttleRows.deleteAll();
    }

    /** A sign-in as nginx forwards it: the client's own header (if any), then the address nginx saw appended. */
    private HttpResponse<?> signInVia(String forwardedFor, String username, String password) {
        try {
            return client.exchange(HttpRequest.POST("/login", Map.of("username", username, "password", password))
                    .header("X-Forwarded-For", forwardedFor), Map.class);
        } catch (HttpClientResponseException e) {
            return e.getResponse();
        }
    }

    private List<AuditEvent> entriesOf(String username) {
        return auditEvents.findByUsernameOrderById(username);
    }

    @Test
    void aPasswordSprayFromOneClientLocksThatClientAndNotTheOthersBehindTheSameBalancer() {
        accounts.ensure("lb-nurse", "lb-nurse-pw", Roles.SPECIALIST);
        accounts.ensure("lb-biller", "lb-biller-pw", Roles.FINANCE);
        for (int i = 0; i < 6; i++) {
            assertEquals(HttpStatus.UNAUTHORIZED, signInVia("203.0.113.7", "lb-sprayed-" + i, "Winter2026!").getStatus());
        }
        assertEquals(HttpStatus.TOO_MANY_REQUESTS, signInVia("203.0.113.7", "lb-nurse", "lb-nurse-pw").getStatus(),
                "the spraying client is locked");
        assertEquals(HttpStatus.OK, signInVia("198.51.100.20", "lb-biller", "lb-biller-pw").getStatus(),
                "another client behind the same balancer signs in");
        // a client cannot step out of its lock by writing its own header: nginx appends the address it saw
        assertEquals(HttpStatus.TOO_MANY_REQUESTS, signInVia("198.51.100.20, 203.0.113.7", "lb-nurse", "lb-nurse-pw").getStatus());

        AuditEvent refused = entriesOf("lb-nurse").get(entriesOf("lb-nurse").size() - 1);
        assertEquals(AuditAction.LOGIN_FAILED, refused.action());
        assertEquals("203.0.113.7", refused.clientAddress());
        AuditEvent signedIn = entriesOf("lb-biller").stream().filter(e -> e.action() == AuditAction.LOGIN).reduce((a, b) -> b).orElseThrow();
        assertEquals("198.51.100.20", signedIn.clientAddress());
        assertEquals(List.of("address:203.0.113.7"), throttleRows.findAll().stream().map(SignInThrottleEntry::throttleKey)
                .filter(k -> k.startsWith("address:")).toList());
    }

    @Test
    void everyAuditedViewNamesTheClientNotTheBalancer() {
        String token = accounts.token(client, Roles.FINANCE);
        client.exchange(HttpRequest.GET("/api/v1/cases?size=5").bearerAuth(token).header("X-Forwarded-For", "192.0.2.44"), Map.class);
        AuditEvent listed = entriesOf("finance-t").stream().filter(e -> e.action() == AuditAction.LIST && "CASE".equals(e.entityType()))
                .reduce((a, b) -> b).orElseThrow();
        assertEquals("192.0.2.44", listed.clientAddress());
    }
}
