package io.arbiter.tracks;

import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditEvent;
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

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14 item 4: GET/PUT /api/v1/claims/{id}/facts and the waiting-for-facts queue on the real database. Each
 * change re-selects the track, re-runs the gates, recomputes the claim's deadlines and is audited.
 */
@MicronautTest(transactional = false)
@SuppressWarnings("unchecked")
class ClaimFactsApiTest {

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

    /** Payer codes and claim numbers unique to this run: plans and claims persist between runs. */
    final String run = Long.toString(System.nanoTime() % 10_000_000L, 36).toUpperCase();

    @BeforeEach
    void setUp() {
        client = http.toBlocking();
    }

    private Map<String, Object> get(String path) {
        return client.retrieve(HttpRequest.GET(path).bearerAuth(accounts.token(client, Roles.SPECIALIST)),
                Argument.mapOf(String.class, Object.class));
    }

    private Map<String, Object> put(Long claimId, Map<String, Object> body, String role) {
        return client.retrieve(HttpRequest.PUT("/api/v1/claims/" + claimId + "/facts", body).bearerAuth(accounts.token(client, role)),
                Argument.mapOf(String.class, Object.class));
    }

    private static Map<String, Object> fact(Map<String, Object> view, String name) {
        return ((List<Map<String, Object>>) view.get("facts")).stream().filter(f -> name.equals(f.get("fact"))).findFirst().orElseThrow();
    }

    private static Map<String, Object> track(Map<String, Object> view) {
        return (Map<String, Object>) view.get("track");
    }

    private static Map<String, Object> deadline(Map<String, Object> view, String key) {
        return ((List<Map<String, Object>>) view.get("deadlines")).stream().filter(d -> key.equals(d.get("key"))).findFirst()
                .orElseThrow(() -> new AssertionError(key + " not in " + view.get("deadlines")));
    }

    /** A Texas claim at a hospital (POS 22) on a plan whose type the commercial filing indicator could not tell. */
    private Claim texasClaimOfUnknownPlan(String pcn, String payerCode, List<String> rarcs) {
        return fixtures.oneLineClaim(pcn + run, "FACTS PAYER " + payerCode, payerCode + run, PlanType.OTHER, null, "64483",
                "2400.00", "900.00", LocalDate.of(2026, 9, 14), LocalDate.of(2026, 10, 8), "22", "752041000", "M5416", rarcs);
    }

    @Test
    void texasFullyInsuredEmergencyClaimQualifiesForTexasArbitrationOnceTheFactsAreGiven() {
        Claim claim = texasClaimOfUnknownPlan("F14ER", "F14A", List.of());
        Map<String, Object> before = get("/api/v1/claims/" + claim.id() + "/facts");
        assertEquals("NEEDS_FACTS", track(before).get("status"));
        List<Map<String, Object>> missing = (List<Map<String, Object>>) track(before).get("missingFacts");
        assertEquals("PLAN_TYPE", missing.get(0).get("fact"));
        assertTrue(missing.get(0).get("question").toString().startsWith("plan type unknown: tell us whether the plan is self-funded"));
        assertEquals("UNKNOWN", fact(before, "PLAN_TYPE").get("source"));
        assertEquals("RULE_DEFAULT", fact(before, "EMERGENCY").get("source"), "POS 22 is not an emergency room, by rule");
        assertEquals("X12", fact(before, "SERVICE_STATE").get("source"));
        Map<String, Object> queue = get("/api/v1/claims/waiting-for-facts?size=500");
        assertTrue(((List<Map<String, Object>>) queue.get("items")).stream().anyMatch(i -> claim.id().toString().equals(i.get("claimId").toString())));

        Map<String, Object> body = new HashMap<>();
        body.put("planType", "FULLY_INSURED_STATE");
        body.put("planRegulatorState", "TX");
        body.put("emergency", true);
        Map<String, Object> after = put(claim.id(), body, Roles.SPECIALIST);
        assertEquals("TEXAS_ARBITRATION", track(after).get("track"), track(after).toString());
        assertEquals("DECIDED", track(after).get("status"));
        Map<String, Object> emergency = fact(after, "EMERGENCY");
        assertEquals("true", emergency.get("value"));
        assertEquals("USER", emergency.get("source"));
        assertEquals("CLAIM", emergency.get("scope"));
        assertTrue(emergency.get("setBy") != null && emergency.get("setAt") != null, emergency.toString());
        // Tex. Ins. Code §1467.084(a): 90 days after the initial payment of 2026-10-08 = 2027-01-06 (a Wednesday)
        assertEquals("2027-01-06", deadline(after, "ARBITRATION_REQUEST_DUE").get("dueDate"));
        assertTrue(((Map<String, Object>) after.get("eligibility")).get("gates") instanceof List);
        assertTrue(claims.findById(claim.id()).orElseThrow().emergency(), "mirrored onto the claim row for packets");
        List<AuditEvent> changes = audit.findByEntityTypeAndEntityIdOrderById("CLAIM", claim.id().toString()).stream()
                .filter(e -> e.action() == AuditAction.CHANGE).toList();
        assertEquals(1, changes.size());
        assertTrue(changes.get(0).detail().contains("emergency=true") && changes.get(0).detail().contains("-> TEXAS_ARBITRATION"),
                changes.get(0).detail());
        queue = get("/api/v1/claims/waiting-for-facts?size=500");
        assertFalse(((List<Map<String, Object>>) queue.get("items")).stream().anyMatch(i -> claim.id().toString().equals(i.get("claimId").toString())));
    }

    @Inject
    WaitingForFacts waitingList;

    /**
     * The worklist reads the stored decisions (issue 21): filtered by payer in SQL, a page of one at a time with the
     * keyset (service date, claim id) reaching every claim once, and a claim leaves it as soon as its fact is given.
     */
    @Test
    void theWaitingListPagesByKeysetFiltersByPayerAndFollowsTheFacts() {
        Claim first = texasClaimOfUnknownPlan("F14K1", "F14K", List.of());
        Claim second = texasClaimOfUnknownPlan("F14K2", "F14K", List.of());
        WaitingForFacts.Filter byPayer = new WaitingForFacts.Filter("FACTS PAYER F14K", null, null);
        WaitingForFacts.Page one = waitingList.page(byPayer, io.arbiter.security.PracticeAccess.EVERY, null, 1);
        assertEquals(2, one.total(), "only this payer's two claims");
        assertEquals(first.id(), one.rows().get(0).claimId(), "same service date: the older claim id first");
        WaitingForFacts.Page two = waitingList.page(byPayer, io.arbiter.security.PracticeAccess.EVERY, one.next(), 1);
        assertEquals(second.id(), two.rows().get(0).claimId());
        assertEquals(null, two.next(), "no third page");
        assertEquals(io.arbiter.rules.Track.FEDERAL_IDR, one.rows().get(0).provisionalTrack(),
                "stored provisional track: the earliest clock while the plan type is unknown");

        Map<String, Object> body = new HashMap<>();
        body.put("planType", "SELF_FUNDED_ERISA");
        put(first.id(), body, Roles.SPECIALIST);
        WaitingForFacts.Page after = waitingList.page(byPayer, io.arbiter.security.PracticeAccess.EVERY, null, 10);
        assertEquals(List.of(second.id()), after.rows().stream().map(WaitingForFacts.Row::claimId).toList(), "the answered claim left");
        assertTrue(waitingList.page(new WaitingForFacts.Filter("FACTS PAYER F14K", null, "nobody"), io.arbiter.security.PracticeAccess.EVERY,
                null, 10).rows().isEmpty(), "owner filter");
    }

    @Test
    void n882IsReadFromTheRemittanceAndASpecialistCanOverrideIt() {
        Claim claim = fixtures.oneLineClaim("F14NC" + run, "FACTS PAYER C", "F14C" + run, PlanType.SELF_FUNDED_ERISA, null, "64483",
                "2400.00", "900.00", LocalDate.of(2026, 9, 14), LocalDate.of(2026, 10, 8), "24", "752041000", "M5416",
                List.of("N882"));
        Map<String, Object> before = get("/api/v1/claims/" + claim.id() + "/facts");
        Map<String, Object> consent = fact(before, "NOTICE_CONSENT_ON_FILE");
        assertEquals("true", consent.get("value"));
        assertEquals("X12", consent.get("source"));
        assertTrue(consent.get("detail").toString().contains("N882"));
        assertEquals("COMMERCIAL_APPEAL", track(before).get("track"), "a consented non-ancillary service is not an IDR item");
        // 180-day ERISA appeal window from the denial/payment notice of 2026-10-08 = 2027-04-06
        assertEquals("2027-04-06", deadline(before, "APPEAL_DUE").get("dueDate"));

        Map<String, Object> body = new HashMap<>();
        body.put("noticeConsentOnFile", false);
        Map<String, Object> after = put(claim.id(), body, Roles.SPECIALIST);
        assertEquals("FEDERAL_IDR", track(after).get("track"));
        assertEquals("USER", fact(after, "NOTICE_CONSENT_ON_FILE").get("source"));
        // open negotiation: 30 business days counting 2026-10-08 as day 1, Columbus Day 10-12 and Veterans Day 11-11 skipped:
        // Oct 8-9 (2), Oct 13-30 (14), Nov 2-10 (7), Nov 12-13 (2), Nov 16-20 (5) = day 30 on 2026-11-20
        assertEquals("2026-11-20", deadline(after, "OPEN_NEGOTIATION_NOTICE_DUE").get("dueDate"));
    }

    @Test
    void aPlanFactAppliesToEveryClaimOfThePlanAndAClaimFactWinsOverIt() {
        Claim first = texasClaimOfUnknownPlan("F14P1", "F14P", List.of());
        Claim second = texasClaimOfUnknownPlan("F14P2", "F14P", List.of());
        Map<String, Object> body = new HashMap<>();
        body.put("planType", "SELF_FUNDED_ERISA");
        body.put("scope", "PLAN");
        put(first.id(), body, Roles.ADMIN);
        Map<String, Object> other = get("/api/v1/claims/" + second.id() + "/facts");
        assertEquals("SELF_FUNDED_ERISA", fact(other, "PLAN_TYPE").get("value"));
        assertEquals("PLAN", fact(other, "PLAN_TYPE").get("scope"));
        assertEquals("FEDERAL_IDR", track(other).get("track"));
        assertEquals("DECIDED", track(other).get("status"));
        Map<String, Object> own = new HashMap<>();
        own.put("planType", "FULLY_INSURED_STATE");
        own.put("planRegulatorState", "TX");
        own.put("facilityNetworkStatus", "IN_NETWORK");
        Map<String, Object> mine = put(second.id(), own, Roles.SPECIALIST);
        assertEquals("CLAIM", fact(mine, "PLAN_TYPE").get("scope"));
        assertEquals("TEXAS_ARBITRATION", track(mine).get("track"));
        assertEquals("SELF_FUNDED_ERISA", fact(get("/api/v1/claims/" + first.id() + "/facts"), "PLAN_TYPE").get("value"));
    }

    @Test
    void badValuesUnknownFieldsAndReadOnlyRolesAreRefused() {
        Claim claim = texasClaimOfUnknownPlan("F14BAD", "F14B", List.of());
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("planType", "ERISAISH"), Map.of("emergency", "maybe"),
                Map.of("serviceState", "Texas"), Map.of("colour", "red"), Map.of("scope", "PAYER", "emergency", true))) {
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> put(claim.id(), bad, Roles.SPECIALIST));
            assertEquals(HttpStatus.BAD_REQUEST, e.getStatus(), bad.toString());
        }
        HttpClientResponseException finance = assertThrows(HttpClientResponseException.class,
                () -> put(claim.id(), Map.of("emergency", true), Roles.FINANCE));
        assertEquals(HttpStatus.FORBIDDEN, finance.getStatus());
        assertEquals("UNKNOWN", fact(get("/api/v1/claims/" + claim.id() + "/facts"), "PLAN_TYPE").get("source"), "nothing written");
    }
}
