package io.arbiter.tracks;

import io.arbiter.audit.AuditEventRepository;
import io.arbiter.claims.Claim;
import io.arbiter.claims.ClaimRepository;
import io.arbiter.practice.PlanType;
import io.arbiter.security.Roles;
import io.arbiter.support.ClaimFixtures;
import io.arbiter.support.TestAccounts;
import io.micronaut.core.type.Argument;
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

/** GET /api/v1/claims/{id}/track and /eligibility on claims stored in the real database. */
@MicronautTest(transactional = false)
class TrackApiTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    TestAccounts accounts;

    @Inject
    ClaimFixtures fixtures;

    @Inject
    ClaimRepository claims;

    @Inject
    AuditEventRepository audit;

    BlockingHttpClient client;

    @BeforeEach
    void setUp() {
        client = http.toBlocking();
    }

    private Map<String, Object> get(String path, String role) {
        return client.retrieve(HttpRequest.GET(path).bearerAuth(accounts.token(client, role)), Argument.mapOf(String.class, Object.class));
    }

    @Test
    @SuppressWarnings("unchecked")
    void selfFundedPlanAtInNetworkAscIsFederalIdr() {
        // Fixture: self-funded ERISA plan (OON), POS 24 at an in-network ASC in TX, RARCs N865/N877/N830.
        Claim claim = fixtures.nsaTfesiClaim("TRKAPI001");
        Map<String, Object> body = get("/api/v1/claims/" + claim.id() + "/track", Roles.SPECIALIST);
        assertEquals("FEDERAL_IDR", body.get("track"));
        List<Map<String, Object>> reasons = (List<Map<String, Object>>) body.get("reasons");
        assertTrue(reasons.size() >= 2);
        assertTrue(((Map<String, Object>) reasons.get(0).get("citation")).get("url").toString().startsWith("https://"));
        assertTrue(((List<String>) body.get("citations")).size() >= 1);
        assertTrue(body.get("warnings") instanceof List);
        assertEquals(1, audit.findByEntityTypeAndEntityIdOrderById("CLAIM", claim.id().toString()).size());

        assertEquals("FEDERAL_IDR", get("/api/v1/claims/" + claim.id() + "/track", Roles.FINANCE).get("track"), "finance reads");
        HttpClientResponseException attorney = assertThrows(HttpClientResponseException.class,
                () -> get("/api/v1/claims/" + claim.id() + "/track", Roles.ATTORNEY));
        assertEquals(HttpStatus.FORBIDDEN, attorney.getStatus());
        HttpClientResponseException missing = assertThrows(HttpClientResponseException.class,
                () -> get("/api/v1/claims/99999999/track", Roles.ADMIN));
        assertEquals(HttpStatus.NOT_FOUND, missing.getStatus());
    }

    @Test
    @SuppressWarnings("unchecked")
    void tdiPlanWithFederalCodesWarns() {
        Claim base = fixtures.nsaTfesiClaim("TRKAPI002");
        var payer = fixtures.payer("LONE STAR INSURED", "LSI01");
        var plan = fixtures.plan(payer, PlanType.FULLY_INSURED_STATE, "TX");
        Claim moved = claims.update(new Claim(base.id(), base.practiceId(), base.patientId(), payer.id(), plan.id(),
                base.patientControlNumber(), base.payerClaimControlNumber(), base.claimStatusCode(), base.frequencyCode(),
                base.serviceDateFrom(), base.serviceDateTo(), base.placeOfService(), base.facilityNetworkStatus(),
                base.facilityName(), base.facilityNpi(), base.serviceZip(), base.serviceState(), base.renderingNpi(),
                base.billingNpi(), base.diagnosisCodes(), base.emergency(), base.noticeConsentOnFile(), base.totalCharge(),
                base.totalPaid(), base.patientResponsibility(), base.qpa(), base.paymentDate(), base.paymentTrace(),
                base.claimImportId(), base.version(), base.createdAt(), base.updatedAt()));
        Map<String, Object> body = get("/api/v1/claims/" + moved.id() + "/track", Roles.ADMIN);
        assertEquals("TEXAS_ARBITRATION", body.get("track"));
        List<String> warnings = (List<String>) body.get("warnings");
        assertTrue(warnings.stream().anyMatch(w -> w.contains("TX-regulated") && w.contains("N865")), warnings.toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void eligibilityScreenReportsEveryGate() {
        // payment received 2026-10-08 (fixture); ONP started 2026-10-20 → ONP ends 2026-12-02 (Veterans Day and
        // Thanksgiving skipped), window 2026-12-03..2026-12-08; initiated 2026-12-07 is inside.
        Claim claim = fixtures.nsaTfesiClaim("TRKAPI003");
        Map<String, Object> body = get("/api/v1/claims/" + claim.id() + "/eligibility?openNegotiationStarted=2026-10-20&initiationDate=2026-12-07",
                Roles.SPECIALIST);
        Map<String, Object> elig = (Map<String, Object>) body.get("eligibility");
        List<Map<String, Object>> gates = (List<Map<String, Object>>) elig.get("gates");
        assertEquals(8, gates.size());
        Map<String, Object> window = gates.stream().filter(g -> g.get("gate").equals("INITIATION_IN_WINDOW")).findFirst().orElseThrow();
        assertEquals("PASS", window.get("status"), window.toString());
        assertTrue(window.get("reason").toString().contains("2026-12-03 to 2026-12-08"), window.toString());
        assertEquals("PASS", gates.stream().filter(g -> g.get("gate").equals("OPEN_NEGOTIATION_TIMELY")).findFirst().orElseThrow().get("status"));
        HttpClientResponseException bad = assertThrows(HttpClientResponseException.class, () -> get("/api/v1/claims/" + claim.id()
                + "/eligibility?initiationDate=12/07/2026", Roles.SPECIALIST));
        assertEquals(HttpStatus.BAD_REQUEST, bad.getStatus());
    }
}
