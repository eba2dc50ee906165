package io.arbiter.claims;

import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditEvent;
import io.arbiter.audit.AuditEventRepository;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class ClaimApiTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    TestAccounts accounts;

    @Inject
    ClaimFixtures fixtures;

    @Inject
    AuditEventRepository auditEvents;

    BlockingHttpClient client;

    @BeforeEach
    void setUp() {
        client = http.toBlocking();
    }

    @Test
    @SuppressWarnings("unchecked")
    void claimDocumentShowsLinesAdjustmentsRemarksAndNsaIndicators() {
        Claim claim = fixtures.nsaTfesiClaim("LSAPI0001");
        String token = accounts.token(client, Roles.SPECIALIST);

        Map<String, Object> body = client.retrieve(HttpRequest.GET("/api/v1/claims/" + claim.id()).bearerAuth(token), Map.class);

        assertEquals("LSAPI0001", body.get("patientControlNumber"));
        assertEquals(Map.of("name", "ACME HEALTH PLAN", "payerId", "ACME1"), body.get("payer"));
        assertEquals("SELF_FUNDED_ERISA", body.get("planType"));
        assertEquals("2026-09-14", body.get("serviceDate"));
        assertEquals(3500.00, ((Number) body.get("totalCharge")).doubleValue(), 0.001);
        assertEquals(List.of("MA01"), body.get("remarkCodes"));
        List<Map<String, Object>> lines = (List<Map<String, Object>>) body.get("lines");
        assertEquals(2, lines.size());
        assertEquals("64483", lines.get(0).get("procedureCode"));
        assertEquals(List.of("50"), lines.get(0).get("modifiers"));
        assertEquals(List.of("N865", "N877", "N830"), lines.get(0).get("remarkCodes"));
        List<Map<String, Object>> adjs = (List<Map<String, Object>>) lines.get(0).get("adjustments");
        assertEquals("CO", adjs.get(0).get("group"));
        assertEquals("45", adjs.get(0).get("reasonCode"));
        assertEquals(2064.00, ((Number) adjs.get(0).get("amount")).doubleValue(), 0.001);
        Map<String, Object> nsa = (Map<String, Object>) body.get("nsa");
        assertEquals(List.of("N865", "N877", "N830"), nsa.get("indicators"));
        assertTrue(nsa.containsKey("qpa"));

        List<AuditEvent> trail = auditEvents.findByEntityTypeAndEntityIdOrderById("CLAIM", claim.id().toString());
        assertEquals(1, trail.size(), "viewing a claim is audit-logged");
        assertEquals(AuditAction.VIEW, trail.get(0).action());
        assertEquals("specialist-t", trail.get(0).username());
    }

    @Test
    @SuppressWarnings("unchecked")
    void listFiltersByPatientControlNumberAndPages() {
        fixtures.nsaTfesiClaim("LSAPI0002");
        fixtures.nsaTfesiClaim("LSAPI0003");
        String token = accounts.token(client, Roles.FINANCE);

        Map<String, Object> page = client.retrieve(HttpRequest.GET("/api/v1/claims?patientControlNumber=LSAPI0003").bearerAuth(token), Map.class);
        assertEquals(1, ((Number) page.get("total")).intValue());
        List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
        assertEquals("LSAPI0003", items.get(0).get("patientControlNumber"));

        Map<String, Object> small = client.retrieve(HttpRequest.GET("/api/v1/claims?payer=ACME1&size=1&page=0").bearerAuth(token), Map.class);
        assertEquals(1, ((List<?>) small.get("items")).size());
        assertEquals(1, ((Number) small.get("size")).intValue());
        assertTrue(((Number) small.get("total")).intValue() >= 2);
    }

    @Test
    void unknownClaimIs404ProblemAndBadPagingIs400() {
        String token = accounts.token(client, Roles.SPECIALIST);
        var e = assertThrows(HttpClientResponseException.class,
                () -> client.exchange(HttpRequest.GET("/api/v1/claims/987654").bearerAuth(token), Map.class));
        assertEquals(HttpStatus.NOT_FOUND, e.getStatus());
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
        var bad = assertThrows(HttpClientResponseException.class,
                () -> client.exchange(HttpRequest.GET("/api/v1/claims?size=100000").bearerAuth(token), Map.class));
        assertEquals(HttpStatus.BAD_REQUEST, bad.getStatus());
    }
}
