package io.arbiter.packets;

import io.arbiter.audit.AuditEvent;
import io.arbiter.audit.AuditEventRepository;
import io.arbiter.practice.Payer;
import io.arbiter.security.Roles;
import io.arbiter.support.ClaimFixtures;
import io.arbiter.support.TestAccounts;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 23 item 5: a payer's or practice's packet details are changed only for a payer or practice that exists (no
 * orphan rows), and every change is an audit entry naming the record and the fields.
 */
@MicronautTest(transactional = false)
class PacketDetailScopesTest {

    @Inject @Client("/") HttpClient http;
    @Inject TestAccounts accounts;
    @Inject ClaimFixtures fixtures;
    @Inject PacketDetailRepository details;
    @Inject AuditEventRepository events;

    @Test
    void payerAndPracticeDetailsAreAuditedAndRefusedForRecordsThatDoNotExist() {
        BlockingHttpClient client = http.toBlocking();
        String specialist = accounts.token(client, Roles.SPECIALIST);
        String admin = accounts.token(client, Roles.ADMIN);
        Payer payer = fixtures.payer("SCOPE HEALTH PLAN", "SCOPE1");

        client.exchange(HttpRequest.PUT("/api/v1/payers/" + payer.id() + "/packet-details", Map.of("values",
                Map.of("payer.email", "idr@scopehealth.example", "payer.phone", "800-555-0199"))).bearerAuth(specialist), Map.class);
        assertEquals(2, details.findByScopeAndScopeId("PAYER", payer.id()).size());
        AuditEvent change = events.findByEntityTypeAndEntityIdOrderById("PAYER", String.valueOf(payer.id())).stream()
                .reduce((a, b) -> b).orElseThrow();
        assertEquals("specialist-t", change.username());
        assertEquals("packet details [payer.email, payer.phone]", change.detail());

        long practiceId = fixtures.practice().id();
        client.exchange(HttpRequest.PUT("/api/v1/practices/" + practiceId + "/packet-details", Map.of("values",
                Map.of("practice.contactName", "Maria Alvarez"))).bearerAuth(admin), Map.class);
        assertTrue(events.findByEntityTypeAndEntityIdOrderById("PRACTICE", String.valueOf(practiceId)).stream()
                .anyMatch(e -> e.username().equals("admin-t") && "packet details [practice.contactName]".equals(e.detail())));

        long missing = payer.id() + 100_000;
        var noPayer = assertThrows(HttpClientResponseException.class, () -> client.exchange(HttpRequest.PUT(
                "/api/v1/payers/" + missing + "/packet-details", Map.of("values", Map.of("payer.email", "x@example.com")))
                .bearerAuth(specialist), Map.class));
        assertEquals(HttpStatus.NOT_FOUND, noPayer.getStatus());
        assertTrue(details.findByScopeAndScopeId("PAYER", missing).isEmpty(), "no orphan row");

        var noPractice = assertThrows(HttpClientResponseException.class, () -> client.exchange(HttpRequest.PUT(
                "/api/v1/practices/987654321/packet-details", Map.of("values", Map.of("practice.contactName", "Nobody")))
                .bearerAuth(admin), Map.class));
        assertEquals(HttpStatus.NOT_FOUND, noPractice.getStatus());
        assertTrue(details.findByScopeAndScopeId("PRACTICE", 987654321L).isEmpty(), "no orphan row");
    }
}
