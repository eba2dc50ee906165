package io.arbiter.findings;

import io.arbiter.claims.Claim;
import io.arbiter.claims.Remittance;
import io.arbiter.claims.RemittanceRepository;
import io.arbiter.common.Jdbc;
import io.arbiter.practice.Payer;
import io.arbiter.practice.PlanType;
import io.arbiter.pricing.PricingTestData;
import io.arbiter.pricing.QpaPricingPolicy;
import io.arbiter.security.Roles;
import io.arbiter.support.TestAccounts;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The full-scan path (claims grouped by patient) against the explicit-id path, and QPA as a scan basis. */
@MicronautTest(transactional = false)
class ScanPathsTest {

    @Inject FindingsScanner scanner;
    @Inject FindingRepository repository;
    @Inject FindingsFixtures fixtures;
    @Inject PricingTestData data;
    @Inject Jdbc jdbc;
    @Inject @Client("/") HttpClient http;
    @Inject TestAccounts accounts;
    @Inject RemittanceRepository remittances;
    BlockingHttpClient client;

    @BeforeEach
    void setUp() {
        client = http.toBlocking();
        data.load();
    }

    private List<String> stored(List<Claim> claims) {
        return claims.stream().flatMap(c -> repository.findByClaimIdOrderById(c.id()).stream())
                .map(f -> String.join("|", f.type().name(), String.valueOf(f.claimId()), String.valueOf(f.lineId()), f.rule(), f.severity(),
                        String.valueOf(f.expected()), String.valueOf(f.allowed()), String.valueOf(f.paid()), String.valueOf(f.gap()),
                        String.valueOf(f.basis()), f.explanation(), String.valueOf(f.citation())))
                .sorted(Comparator.naturalOrder()).toList();
    }

    @Test
    void aCancelledRemittancesDenialIsNotReadOnEitherPath() {
        Payer acme = fixtures.base().payer("ACME HEALTH PLAN", "ACME1");
        // a zero-paid line whose current remittance says CO-45 only (not a denial reason) ...
        Claim claim = fixtures.claim(acme, PlanType.SELF_FUNDED_ERISA, fixtures.patient("CANCELLED"), LocalDate.of(2026, 5, 4), "11",
                "770301234", null, null, "62323x1@1800:0");
        long lineId = fixtures.base().firstLine(claim).id();
        // ... and an earlier payment, reversed (cancelled), that had denied it CO-197 with N54
        Remittance reversed = remittances.save(new Remittance(null, claim.id(), null, claim.patientControlNumber(), claim.payerClaimControlNumber(),
                acme.id(), "4", new BigDecimal("1800.00"), BigDecimal.ZERO.setScale(2), null, null, claim.paymentDate(), "EFT0", false, true,
                lineId + ",CO,197,1800.00,", lineId + ",N54,LQ", null));
        assertTrue(reversed.cancelled());

        scanner.scan(new FindingsScanner.ScanRequest(List.of(claim.id()), "DEMO-SYNTHETIC-2026", 80, "BILLED"));
        List<String> byId = stored(List.of(claim));
        scanner.scan(new FindingsScanner.ScanRequest(null, "DEMO-SYNTHETIC-2026", 80, "BILLED"));
        List<String> byPatient = stored(List.of(claim));

        assertEquals(byId, byPatient);
        assertTrue(byId.stream().noneMatch(f -> f.startsWith("DENIAL")), byId.toString());
        assertTrue(byId.stream().anyMatch(f -> f.startsWith("UNDERPAYMENT")), byId.toString());
    }

    @Test
    void fullScanByPatientFindsWhatTheExplicitClaimScanFinds() {
        Payer acme = fixtures.base().payer("ACME HEALTH PLAN", "ACME1");
        var patient = fixtures.patient("PATHS");
        Claim first = fixtures.claim(acme, PlanType.SELF_FUNDED_ERISA, patient, LocalDate.of(2026, 1, 12), "24", "770301234", null, null,
                "64635x1@3800:700", "64636x1@1200:300");
        Claim repeat = fixtures.claim(acme, PlanType.SELF_FUNDED_ERISA, patient, LocalDate.of(2026, 4, 20), "24", "770301234", null, null,
                "64635x1@3800:700");
        Claim bilateral = fixtures.claim(acme, PlanType.SELF_FUNDED_ERISA, fixtures.patient("PATHS2"), LocalDate.of(2026, 5, 4), "11", "752041000",
                null, null, "64483-50x1@2000:300", "64484-50x1@1000:154", "77003x1@300:20");
        Claim orphan = fixtures.claim(acme, PlanType.SELF_FUNDED_ERISA, null, LocalDate.of(2026, 5, 4), "11", "606011234", null, null,
                "62323x1@1800:400");
        List<Claim> claims = List.of(first, repeat, bilateral, orphan);

        FindingsScanner.ScanResult all = scanner.scan(new FindingsScanner.ScanRequest(null, "DEMO-SYNTHETIC-2026", 80, "BILLED"));
        List<String> byPatient = stored(claims);
        // the repeat RFA (98 days after the first) is found from the patient's other claim in the same chunk
        assertTrue(byPatient.stream().anyMatch(s -> s.contains("FAC-03") && s.contains("98 days")), byPatient.toString());
        assertTrue(all.scanned() >= 4);

        scanner.scan(new FindingsScanner.ScanRequest(claims.stream().map(Claim::id).toList(), "DEMO-SYNTHETIC-2026", 80, "BILLED"));
        assertEquals(byPatient, stored(claims));
        // rescanning replaced, not duplicated
        scanner.scan(new FindingsScanner.ScanRequest(null, "DEMO-SYNTHETIC-2026", 80, "BILLED"));
        assertEquals(byPatient, stored(claims));
    }

    @Test
    @SuppressWarnings("unchecked")
    void qpaBasisAllocatesTheClaimLevelQpaByCharge() {
        Payer acme = fixtures.base().payer("ACME HEALTH PLAN", "ACME1");
        Claim claim = fixtures.claim(acme, PlanType.SELF_FUNDED_ERISA, fixtures.patient("QPA1"), LocalDate.of(2026, 5, 4), "11", "752041000",
                null, null, "62323x1@2000:300", "64484x1@1000:200");
        Claim noQpa = fixtures.claim(acme, PlanType.SELF_FUNDED_ERISA, fixtures.patient("QPA2"), LocalDate.of(2026, 5, 4), "11", "752041000",
                null, null, "62323x1@2000:300");
        jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE claim SET qpa = ? WHERE id = ?")) {
                ps.setBigDecimal(1, new BigDecimal("1200.00"));
                ps.setLong(2, claim.id());
                return ps.executeUpdate();
            }
        });
        String token = accounts.token(client, Roles.SPECIALIST);
        for (Map<String, Object> body : List.of(Map.<String, Object>of("claimIds", List.of(claim.id(), noQpa.id()), "basis", "QPA"),
                Map.<String, Object>of("claimIds", List.of(claim.id(), noQpa.id()), "kind", "QPA"))) {
            client.retrieve(HttpRequest.POST("/api/v1/findings/scan", body).bearerAuth(token), Map.class);
            Map<String, Object> page = client.retrieve(HttpRequest.GET("/api/v1/findings?type=UNDERPAYMENT&claimId=" + claim.id()).bearerAuth(token), Map.class);
            List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
            assertEquals(2, items.size());
            // QPA $1,200.00 over charges $2,000 + $1,000 = $3,000: line 1 = 1200 x 2000 / 3000 = $800.00; gap 800 - 300 = $500.00
            assertEquals(800.00, ((Number) items.get(0).get("expected")).doubleValue(), 0.001);
            assertEquals(500.00, ((Number) items.get(0).get("gap")).doubleValue(), 0.001);
            // line 2 takes the remainder 1200 - 800 = $400.00; gap 400 - 200 = $200.00
            assertEquals(400.00, ((Number) items.get(1).get("expected")).doubleValue(), 0.001);
            assertEquals(200.00, ((Number) items.get(1).get("gap")).doubleValue(), 0.001);
            assertEquals(QpaPricingPolicy.BASIS, items.get(0).get("basis"));
            assertTrue(((String) items.get(0).get("explanation")).contains("QPA $1200.00 for the claim allocated by charge"), items.get(0).toString());
            assertTrue(((String) items.get(0).get("citation")).contains("300gg-111(a)(3)(E)"));
            Map<String, Object> missing = client.retrieve(HttpRequest.GET("/api/v1/findings?type=MISSING_BENCHMARK&claimId=" + noQpa.id()).bearerAuth(token), Map.class);
            assertTrue(missing.get("items").toString().contains("no QPA on the claim"), missing.toString());
        }
    }
}
