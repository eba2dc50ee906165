package io.arbiter.findings;

import io.arbiter.claims.Claim;
import io.arbiter.practice.Payer;
import io.arbiter.practice.PlanType;
import io.arbiter.pricing.PricingTestData;
import io.arbiter.security.Roles;
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

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class FindingsApiTest {

    @Inject @Client("/") HttpClient http;
    @Inject TestAccounts accounts;
    @Inject FindingsFixtures fixtures;
    @Inject PricingTestData data;
    @Inject ClinicalDocumentRepository documents;
    BlockingHttpClient client;

    @BeforeEach
    void setUp() {
        client = http.toBlocking();
        data.load();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> findings(String token, String type, Long claimId) {
        Map<String, Object> page = client.retrieve(HttpRequest.GET("/api/v1/findings?type=" + type + "&claimId=" + claimId).bearerAuth(token), Map.class);
        return (List<Map<String, Object>>) page.get("items");
    }

    private static double num(Object o) {
        return ((Number) o).doubleValue();
    }

    @Test
    void underpaymentsOfAnNsaTfesiClaimRankedByDollarsWithBasisExplanationAndCitation() {
        Claim claim = fixtures.base().nsaTfesiClaim("LSFND0001");
        String specialist = accounts.token(client, Roles.SPECIALIST);
        Map<?, ?> result = client.retrieve(HttpRequest.POST("/api/v1/findings/scan",
                Map.of("claimIds", List.of(claim.id()), "benchmarkSet", "DEMO-SYNTHETIC-2026", "percentile", 80, "kind", "BILLED"))
                .bearerAuth(specialist), Map.class);
        assertEquals(1, ((Number) result.get("scanned")).intValue());

        String finance = accounts.token(client, Roles.FINANCE);
        List<Map<String, Object>> items = findings(finance, "UNDERPAYMENT", claim.id());
        assertEquals(2, items.size());
        // 64483-50 in geozip 752: 80th BILLED 1053.61 x 150% = 1580.415 -> 1580.42; allowed 336.00; gap 1244.42
        Map<String, Object> first = items.get(0);
        assertEquals(1580.42, num(first.get("expected")), 0.001);
        assertEquals(268.80, num(first.get("paid")), 0.001);
        assertEquals(1244.42, num(first.get("gap")), 0.001);
        assertEquals("DEMO-SYNTHETIC-2026, BILLED, 80th percentile", first.get("basis"));
        assertTrue(((String) first.get("explanation")).contains("bilateral indicator 1"));
        assertTrue(((String) first.get("citation")).contains("1467.083"));
        // 64484-50: 473.42 x 150% = 710.13; allowed 154.00; gap 556.13 (ranked second: fewer dollars)
        assertEquals(556.13, num(items.get(1).get("gap")), 0.001);
        for (String key : List.of("id", "type", "claimId", "lineId", "rule")) {
            assertNotNull(first.get(key), key);
        }

        // Rescan replaces, never duplicates.
        client.retrieve(HttpRequest.POST("/api/v1/findings/scan", Map.of("claimIds", List.of(claim.id()), "benchmarkSet", "DEMO-SYNTHETIC-2026"))
                .bearerAuth(specialist), Map.class);
        assertEquals(2, findings(finance, "UNDERPAYMENT", claim.id()).size());
    }

    @Test
    void allowedFallsBackToPaidPlusPatientResponsibility() {
        Payer acme = fixtures.base().payer("ACME HEALTH PLAN", "ACME1");
        // 62323 office, geozip 752, no allowed reported: paid 80% of 200 = 160 + PR 40 = allowed 200; expected 1101.22; gap 901.22
        Claim claim = fixtures.claim(acme, PlanType.SELF_FUNDED_ERISA, null, LocalDate.of(2026, 5, 4), "11", "752041000", null, null,
                "62323x1@1800:-:200");
        String token = accounts.token(client, Roles.ADMIN);
        client.retrieve(HttpRequest.POST("/api/v1/findings/scan", Map.of("claimIds", List.of(claim.id()), "benchmarkSet", "DEMO-SYNTHETIC-2026"))
                .bearerAuth(token), Map.class);
        Map<String, Object> f = findings(token, "UNDERPAYMENT", claim.id()).get(0);
        assertEquals(901.22, num(f.get("gap")), 0.001);
        assertTrue(((String) f.get("explanation")).contains("paid $160.00 + patient responsibility $40.00"));
    }

    @Test
    void deniedLineIsClassifiedWithItsAppealEvidence() {
        Payer acme = fixtures.base().payer("ACME HEALTH PLAN", "ACME1");
        Claim claim = fixtures.claim(acme, PlanType.SELF_FUNDED_ERISA, null, LocalDate.of(2026, 5, 4), "11", "770301234", "197", "N54",
                "64493x1@2100:0");
        String token = accounts.token(client, Roles.SPECIALIST);
        client.retrieve(HttpRequest.POST("/api/v1/findings/scan", Map.of("claimIds", List.of(claim.id()), "benchmarkSet", "DEMO-SYNTHETIC-2026"))
                .bearerAuth(token), Map.class);
        Map<String, Object> f = findings(token, "DENIAL", claim.id()).get(0);
        assertEquals("DENIAL-AUTHORIZATION", f.get("rule"));
        assertTrue(((String) f.get("explanation")).contains("Proof the authorization existed"));
        // expected if overturned: 64493 in 770 = 791.57
        assertEquals(791.57, num(f.get("expected")), 0.001);
        assertTrue(((String) f.get("citation")).contains("immedicare"));
    }

    @Test
    void missingBenchmarkIsReportedAsAFinding() {
        Payer acme = fixtures.base().payer("ACME HEALTH PLAN", "ACME1");
        Claim claim = fixtures.claim(acme, PlanType.SELF_FUNDED_ERISA, null, LocalDate.of(2026, 5, 4), "11", "606011234", null, null,
                "64483x1@2000:300");
        String token = accounts.token(client, Roles.SPECIALIST);
        client.retrieve(HttpRequest.POST("/api/v1/findings/scan", Map.of("claimIds", List.of(claim.id()), "benchmarkSet", "DEMO-SYNTHETIC-2026"))
                .bearerAuth(token), Map.class);
        Map<String, Object> f = findings(token, "MISSING_BENCHMARK", claim.id()).get(0);
        assertTrue(((String) f.get("explanation")).contains("geozip 606"));
    }

    @Test
    void historyRulesReadThePatientsOtherClaimsAndDocumentation() {
        Payer acme = fixtures.base().payer("ACME HEALTH PLAN", "ACME1");
        var patient = fixtures.patient("RFAHIST");
        Claim first = fixtures.claim(acme, PlanType.SELF_FUNDED_ERISA, patient, LocalDate.of(2026, 1, 12), "24", "770301234", null, null,
                "64635x1@3800:700");
        Claim repeat = fixtures.claim(acme, PlanType.SELF_FUNDED_ERISA, patient, LocalDate.of(2026, 4, 20), "24", "770301234", null, null,
                "64635x1@3800:700");
        documents.save(ClinicalDocument.of(patient.id(), null, "MBB_RELIEF", LocalDate.of(2025, 11, 3), "LUMBAR_SACRAL", 85, null));
        String token = accounts.token(client, Roles.SPECIALIST);
        client.retrieve(HttpRequest.POST("/api/v1/findings/scan", Map.of("claimIds", List.of(first.id(), repeat.id()),
                "benchmarkSet", "DEMO-SYNTHETIC-2026")).bearerAuth(token), Map.class);
        List<Map<String, Object>> coding = findings(token, "CODING", repeat.id());
        assertTrue(coding.stream().anyMatch(f -> "FAC-03".equals(f.get("rule")) && ((String) f.get("explanation")).contains("98 days")), coding.toString());
        assertTrue(coding.stream().anyMatch(f -> "FAC-02".equals(f.get("rule")) && ((String) f.get("explanation")).contains("1 of 2")), coding.toString());
    }

    @Test
    void rolesAreEnforced() {
        String finance = accounts.token(client, Roles.FINANCE);
        var e = assertThrows(HttpClientResponseException.class, () -> client.exchange(HttpRequest.POST("/api/v1/findings/scan", Map.of())
                .bearerAuth(finance), Map.class));
        assertEquals(HttpStatus.FORBIDDEN, e.getStatus());
        String attorney = accounts.token(client, Roles.ATTORNEY);
        var e2 = assertThrows(HttpClientResponseException.class, () -> client.exchange(HttpRequest.GET("/api/v1/findings").bearerAuth(attorney), Map.class));
        assertEquals(HttpStatus.FORBIDDEN, e2.getStatus());
    }
}
