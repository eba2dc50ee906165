package io.arbiter.findings;

import io.arbiter.audit.AuditEventRepository;
import io.arbiter.claims.Claim;
import io.arbiter.practice.Payer;
import io.arbiter.practice.PlanType;
import io.arbiter.pricing.PricingTestData;
import io.arbiter.security.Roles;
import io.arbiter.support.TestAccounts;
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

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST/GET /api/v1/claims/{id}/documentation: the structured facts FAC-02, SCS-01 and KX-01 read. */
@MicronautTest(transactional = false)
class DocumentationApiTest {

    @Inject @Client("/") HttpClient http;
    @Inject TestAccounts accounts;
    @Inject FindingsFixtures fixtures;
    @Inject PricingTestData data;
    @Inject AuditEventRepository auditEvents;
    BlockingHttpClient client;

    @BeforeEach
    void setUp() {
        client = http.toBlocking();
        data.load();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> coding(String token, Long claimId) {
        Map<String, Object> page = client.retrieve(HttpRequest.GET("/api/v1/findings?type=CODING&claimId=" + claimId + "&size=100").bearerAuth(token), Map.class);
        return (List<Map<String, Object>>) page.get("items");
    }

    private void scan(String token, Long claimId) {
        client.retrieve(HttpRequest.POST("/api/v1/findings/scan", Map.of("claimIds", List.of(claimId), "benchmarkSet", "DEMO-SYNTHETIC-2026"))
                .bearerAuth(token), Map.class);
    }

    private static Map<String, Object> doc(String kind, String date, String region, Integer relief, String result) {
        Map<String, Object> m = new HashMap<>();
        m.put("kind", kind);
        m.put("documentDate", date);
        m.put("region", region);
        m.put("reliefPercent", relief);
        m.put("result", result);
        return m;
    }

    @Test
    @SuppressWarnings("unchecked")
    void enteringTheMissingMbbReliefDocumentsClearsTheRfaFindingOnRescan() {
        Payer acme = fixtures.base().payer("ACME HEALTH PLAN", "ACME1");
        var patient = fixtures.patient("DOCRFA");
        Claim rfa = fixtures.claim(acme, PlanType.SELF_FUNDED_ERISA, patient, LocalDate.of(2026, 3, 2), "24", "770301234", null, null,
                "64635x1@3800:700");
        String token = accounts.token(client, Roles.SPECIALIST);
        scan(token, rfa.id());
        assertTrue(coding(token, rfa.id()).stream().anyMatch(f -> "FAC-02".equals(f.get("rule"))
                && ((String) f.get("explanation")).contains("0 of 2") && ((String) f.get("explanation")).contains("Missing document: MBB_RELIEF")));

        // Two diagnostic MBBs before the RFA with >= 80% relief (CGS pathway): 85% and 90%, lumbar like 64635.
        HttpResponse<Map> created = client.exchange(HttpRequest.POST("/api/v1/claims/" + rfa.id() + "/documentation",
                doc("MBB_RELIEF", "2025-12-01", "LUMBAR_SACRAL", 85, null)).bearerAuth(token), Map.class);
        assertEquals(HttpStatus.CREATED, created.getStatus());
        Map<String, Object> body = created.body();
        assertEquals("MBB_RELIEF", body.get("kind"));
        assertEquals(85, ((Number) body.get("reliefPercent")).intValue());
        assertEquals(patient.id().intValue(), ((Number) body.get("patientId")).intValue());
        assertEquals(rfa.id().intValue(), ((Number) body.get("claimId")).intValue());
        client.exchange(HttpRequest.POST("/api/v1/claims/" + rfa.id() + "/documentation",
                doc("mbb_relief", "2026-01-05", "lumbar_sacral", 90, null)).bearerAuth(token), Map.class);

        Map<String, Object> listed = client.retrieve(HttpRequest.GET("/api/v1/claims/" + rfa.id() + "/documentation").bearerAuth(token), Map.class);
        List<Map<String, Object>> items = (List<Map<String, Object>>) listed.get("items");
        assertEquals(List.of("2025-12-01", "2026-01-05"), items.stream().map(i -> i.get("documentDate")).toList());
        assertEquals("LUMBAR_SACRAL", items.get(1).get("region"));

        scan(token, rfa.id());
        assertFalse(coding(token, rfa.id()).stream().anyMatch(f -> "FAC-02".equals(f.get("rule"))), coding(token, rfa.id()).toString());
        assertEquals(2, auditEvents.findAll().stream().filter(e -> "CLINICAL_DOCUMENTATION".equals(e.entityType())
                && e.action() == io.arbiter.audit.AuditAction.CREATE).count());
    }

    @Test
    void invalidDocumentationIsRejectedFieldByField() {
        Payer acme = fixtures.base().payer("ACME HEALTH PLAN", "ACME1");
        Claim claim = fixtures.claim(acme, PlanType.SELF_FUNDED_ERISA, fixtures.patient("DOCBAD"), LocalDate.of(2026, 3, 2), "24", "770301234",
                null, null, "63685x1@9000:4000");
        String token = accounts.token(client, Roles.SPECIALIST);
        var e = assertThrows(HttpClientResponseException.class, () -> client.exchange(HttpRequest.POST("/api/v1/claims/" + claim.id()
                + "/documentation", doc("XRAY", null, "KNEE", 150, null)).bearerAuth(token), Map.class));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, e.getStatus());
        String problem = e.getResponse().getBody(String.class).orElse("");
        for (String location : List.of("\"kind\"", "\"documentDate\"", "\"region\"", "\"reliefPercent\"")) {
            assertTrue(problem.contains("\"location\":" + location), problem);
        }
        // A psychological evaluation needs its result; a trial needs its relief percentage.
        var psych = assertThrows(HttpClientResponseException.class, () -> client.exchange(HttpRequest.POST("/api/v1/claims/" + claim.id()
                + "/documentation", doc("PSYCH_EVAL", "2026-01-10", null, null, "MAYBE")).bearerAuth(token), Map.class));
        assertTrue(psych.getResponse().getBody(String.class).orElse("").contains("CLEARED or NOT_CLEARED"));
        var trial = assertThrows(HttpClientResponseException.class, () -> client.exchange(HttpRequest.POST("/api/v1/claims/" + claim.id()
                + "/documentation", doc("SCS_TRIAL", "2026-01-10", null, null, null)).bearerAuth(token), Map.class));
        assertTrue(trial.getResponse().getBody(String.class).orElse("").contains("reliefPercent"));
        var future = assertThrows(HttpClientResponseException.class, () -> client.exchange(HttpRequest.POST("/api/v1/claims/" + claim.id()
                + "/documentation", doc("SCS_TRIAL", "2099-01-10", null, 60, null)).bearerAuth(token), Map.class));
        assertTrue(future.getResponse().getBody(String.class).orElse("").contains("future"));

        var missing = assertThrows(HttpClientResponseException.class, () -> client.exchange(HttpRequest.POST("/api/v1/claims/999999999/documentation",
                doc("SCS_TRIAL", "2026-01-10", null, 60, null)).bearerAuth(token), Map.class));
        assertEquals(HttpStatus.NOT_FOUND, missing.getStatus());
        String finance = accounts.token(client, Roles.FINANCE);
        var forbidden = assertThrows(HttpClientResponseException.class, () -> client.exchange(HttpRequest.GET("/api/v1/claims/" + claim.id()
                + "/documentation").bearerAuth(finance), Map.class));
        assertEquals(HttpStatus.FORBIDDEN, forbidden.getStatus());
    }

    @Test
    void scsTrialAndPsychEvaluationEnteredByHandClearScs01() {
        Payer acme = fixtures.base().payer("ACME HEALTH PLAN", "ACME1");
        Claim implant = fixtures.claim(acme, PlanType.SELF_FUNDED_ERISA, fixtures.patient("DOCSCS"), LocalDate.of(2026, 6, 1), "24", "770301234",
                null, null, "63685x1@9000:4000");
        String token = accounts.token(client, Roles.SPECIALIST);
        scan(token, implant.id());
        assertTrue(coding(token, implant.id()).stream().anyMatch(f -> "SCS-01".equals(f.get("rule"))));
        client.exchange(HttpRequest.POST("/api/v1/claims/" + implant.id() + "/documentation", doc("SCS_TRIAL", "2026-04-20", null, 60, "SUCCESSFUL"))
                .bearerAuth(token), Map.class);
        client.exchange(HttpRequest.POST("/api/v1/claims/" + implant.id() + "/documentation", doc("PSYCH_EVAL", "2026-03-10", null, null, "cleared"))
                .bearerAuth(token), Map.class);
        scan(token, implant.id());
        assertFalse(coding(token, implant.id()).stream().anyMatch(f -> "SCS-01".equals(f.get("rule"))));
    }
}
