package io.arbiter.priorauth;

import io.arbiter.claims.Claim;
import io.arbiter.practice.Patient;
import io.arbiter.practice.Payer;
import io.arbiter.practice.PlanType;
import io.arbiter.security.Roles;
import io.arbiter.support.DenialFixtures;
import io.arbiter.support.DenialFixtures.L;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Prior-auth validity and scope (pain-coding-and-denials.md §4.1 Medicare OPD PA: POS 19/22, UTN valid 120 days;
 * §4 auth-scope pitfalls: CPT, levels, laterality, date window) and SCS trial -> permanent gating (NCD 160.7).
 */
@MicronautTest(transactional = false)
class PriorAuthTest {

    static final List<String> NONE = List.of();

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    TestAccounts accounts;
    @Inject
    DenialFixtures fx;

    BlockingHttpClient client;
    String specialist;
    Payer medicare;
    Payer erisa;

    @BeforeEach
    void setUp() {
        client = http.toBlocking();
        specialist = accounts.token(client, Roles.SPECIALIST);
        medicare = fx.payer("NOVITAS MEDICARE", "MCR1", null);
        erisa = fx.payer("BLUE PLAINS HEALTH", "BPL1", null);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> auth(Patient p, Payer payer, String planType, String family, String status, String requested, String decided,
                                     List<String> codes, Integer levels, String side, Integer units, String validFrom, String validTo) {
        Map<String, Object> body = new HashMap<>();
        body.put("patientId", p.id());
        body.put("payerId", payer.id());
        body.put("planType", planType);
        body.put("family", family);
        body.put("status", status);
        body.put("authNumber", "UTN-" + p.memberId());
        body.put("requestedDate", requested);
        if (decided != null) body.put("decisionDate", decided);
        if (!codes.isEmpty()) body.put("approvedCodes", codes);
        if (levels != null) body.put("approvedLevels", levels);
        if (side != null) body.put("laterality", side);
        if (units != null) body.put("approvedUnits", units);
        if (validFrom != null) body.put("validFrom", validFrom);
        if (validTo != null) body.put("validTo", validTo);
        return client.retrieve(HttpRequest.POST("/api/v1/prior-auths", body).bearerAuth(specialist), Map.class);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> check(Claim c) {
        Map<String, Object> r = client.retrieve(HttpRequest.GET("/api/v1/claims/" + c.id() + "/auth-check").bearerAuth(specialist), Map.class);
        return (List<Map<String, Object>>) r.get("lines");
    }

    @SuppressWarnings("unchecked")
    private static List<String> flags(Map<String, Object> line) {
        return ((List<Map<String, Object>>) line.get("flags")).stream().map(f -> (String) f.get("code")).toList();
    }

    private static L line(String code, String mods, int units) {
        return new L(code, mods, units, "900.00", "0.00", NONE, NONE);
    }

    @Test
    void medicareOpdFacetAuthIsValid120DaysFromTheDecision() {
        Patient p = fx.patient("PA-WIN-1");
        Map<String, Object> a = auth(p, medicare, "MEDICARE", "FACET_MBB", "APPROVED", "2026-02-20", "2026-03-02",
                List.of("64493", "64494"), 2, "BILATERAL", null, null, null);
        // Turnaround: requested 02-20, decided 03-02 = 10 days; the Medicare clock is 7 calendar days -> due 02-27, late.
        Map<?, ?> clock = (Map<?, ?>) a.get("clock");
        assertEquals(10, ((Number) clock.get("days")).intValue());
        assertEquals("2026-02-27", clock.get("decisionDue"));
        assertEquals(true, clock.get("late"));
        assertEquals(2, ((List<?>) a.get("timeline")).size());

        Claim inside = fx.claim("PAWIN0001", medicare, PlanType.MEDICARE, "22", LocalDate.of(2026, 5, 20), LocalDate.of(2026, 6, 10), p.id(),
                List.of(line("64493", "50", 1), line("64494", "50", 1)));
        List<Map<String, Object>> ok = check(inside);
        assertEquals("OK", ok.get(0).get("status"), ok.toString());
        assertEquals("OK", ok.get(1).get("status"));
        // 2026-03-02 + 120 days (Mar 29 + Apr 30 + May 31 + Jun 30) = 2026-06-30
        assertEquals("2026-06-30", ok.get(0).get("validThrough"));
        assertTrue(ok.get(0).get("requirement").toString().startsWith("MEDICARE_OPD_FACET"));

        Claim after = fx.claim("PAWIN0002", medicare, PlanType.MEDICARE, "22", LocalDate.of(2026, 7, 6), LocalDate.of(2026, 7, 20), p.id(),
                List.of(line("64493", "50", 1)));
        assertEquals(List.of("OUTSIDE_VALIDITY"), flags(check(after).get(0)));

        Claim office = fx.claim("PAWIN0003", medicare, PlanType.MEDICARE, "11", LocalDate.of(2026, 7, 6), LocalDate.of(2026, 7, 20), p.id(),
                List.of(line("64493", "", 1)));
        assertEquals("NOT_REQUIRED", check(office).get(0).get("status"), "the OPD PA program covers POS 19/22 only");

        Patient none = fx.patient("PA-WIN-2");
        Claim noAuth = fx.claim("PAWIN0004", medicare, PlanType.MEDICARE, "22", LocalDate.of(2026, 5, 20), LocalDate.of(2026, 6, 10), none.id(),
                List.of(line("64635", "RT", 1), line("99213", "", 1)));
        List<Map<String, Object>> n = check(noAuth);
        assertEquals(List.of("NO_AUTH"), flags(n.get(0)));
        assertEquals("NOT_REQUIRED", n.get(1).get("status"));
    }

    @Test
    void scopeChecksLevelsLateralityCodesAndUnits() {
        Patient p = fx.patient("PA-SCOPE-1");
        auth(p, medicare, "MEDICARE", "FACET_MBB", "APPROVED", "2026-03-01", "2026-03-05", List.of("64493", "64494"), 1, "RIGHT",
                null, null, null);
        // 64493 + 64494 on the left: 2 levels against 1 approved, left against right.
        Claim c = fx.claim("PASCP0001", medicare, PlanType.MEDICARE, "22", LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 20), p.id(),
                List.of(line("64493", "LT", 1), line("64494", "LT", 1)));
        List<Map<String, Object>> r = check(c);
        assertTrue(flags(r.get(0)).containsAll(List.of("LEVELS_EXCEEDED", "LATERALITY_MISMATCH")), r.toString());

        // A bilateral pair at one level (RT + LT lines of 64493) is one level; still the wrong side for a RIGHT auth.
        Claim pair = fx.claim("PASCP0002", medicare, PlanType.MEDICARE, "22", LocalDate.of(2026, 4, 2), LocalDate.of(2026, 4, 20), p.id(),
                List.of(line("64493", "RT", 1), line("64493", "LT", 1)));
        assertEquals(List.of("LATERALITY_MISMATCH"), flags(check(pair).get(0)));

        Claim rfa = fx.claim("PASCP0003", medicare, PlanType.MEDICARE, "22", LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 20), p.id(),
                List.of(line("64493", "RT", 1)));
        assertEquals("OK", check(rfa).get(0).get("status"));

        // Commercial ESI: auth letter 04-01..06-30 for 64483 x1; 64483 + 64484 on 05-04 exceeds units and codes.
        Patient q = fx.patient("PA-SCOPE-2");
        auth(q, erisa, "SELF_FUNDED_ERISA", "ESI", "APPROVED", "2026-03-20", "2026-03-25", List.of("64483"), null, null, 1,
                "2026-04-01", "2026-06-30");
        Claim esi = fx.claim("PASCP0004", erisa, PlanType.SELF_FUNDED_ERISA, "22", LocalDate.of(2026, 5, 4), LocalDate.of(2026, 5, 30), q.id(),
                List.of(line("64483", "RT", 1), line("64484", "RT", 1)));
        List<Map<String, Object>> e = check(esi);
        assertEquals(List.of("UNITS_EXCEEDED"), flags(e.get(0)));
        assertTrue(flags(e.get(1)).contains("CODE_NOT_APPROVED"));
        assertTrue(e.get(0).get("requirement").toString().startsWith("COMMERCIAL_ESI"));
        Claim early = fx.claim("PASCP0005", erisa, PlanType.SELF_FUNDED_ERISA, "22", LocalDate.of(2026, 3, 30), LocalDate.of(2026, 4, 30), q.id(),
                List.of(line("64483", "RT", 1)));
        assertEquals(List.of("OUTSIDE_VALIDITY"), flags(check(early).get(0)), "before the letter's start date");
    }

    /** Plan type, family, status and laterality are enums: any case is read, a typo is a 422 naming the field. */
    @Test
    void constantsAreReadInAnyCaseAndATypoIsNamed() {
        Patient p = fx.patient("PA-ENUM-1");
        Map<String, Object> ok = auth(p, erisa, "self_funded_erisa", "esi", "approved", "2026-03-20", "2026-03-25", List.of("64483"),
                null, "right", 1, "2026-04-01", "2026-06-30");
        assertEquals("ESI", ok.get("family"));
        var typo = assertThrows(HttpClientResponseException.class, () -> auth(p, erisa, "SELF_FUNDED_ERISA", "ESI", "APPROVED",
                "2026-03-20", "2026-03-25", List.of("64483"), null, "LEFTISH", 1, "2026-04-01", "2026-06-30"));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, typo.getStatus());
        String body = typo.getResponse().getBody(String.class).orElse("");
        assertTrue(body.contains("\"location\":\"laterality\"") && body.contains("'LEFTISH' is not one of"), body);
    }

    @Test
    @SuppressWarnings("unchecked")
    void permanentScsNeedsADocumentedSuccessfulTrialAndPsychEvaluation() {
        Patient p = fx.patient("PA-SCS-1");
        var noTrial = assertThrows(HttpClientResponseException.class, () -> auth(p, erisa, "SELF_FUNDED_ERISA", "SCS_PERMANENT", "REQUESTED",
                "2026-06-01", null, NONE, null, null, null, null, null));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, noTrial.getStatus());

        Map<String, Object> failed = client.retrieve(HttpRequest.POST("/api/v1/prior-auths/scs-trials", Map.of("patientId", p.id(),
                "trialStart", "2026-05-01", "trialEnd", "2026-05-07", "reliefPercent", 40, "psychEvalDate", "2026-04-15")).bearerAuth(specialist), Map.class);
        assertEquals(false, failed.get("passed"));
        var weak = assertThrows(HttpClientResponseException.class, () -> auth(p, erisa, "SELF_FUNDED_ERISA", "SCS_PERMANENT", "REQUESTED",
                "2026-06-01", null, NONE, null, null, null, null, null));
        assertTrue(weak.getResponse().getBody(Map.class).orElseThrow().toString().contains("40% relief, below the 50% threshold"));

        // Claim check before a successful trial: 63650 with the generator 63685 is the permanent implant.
        Claim implant = fx.claim("PASCS0001", erisa, PlanType.SELF_FUNDED_ERISA, "22", LocalDate.of(2026, 6, 20), LocalDate.of(2026, 7, 10), p.id(),
                List.of(line("63650", "", 1), line("63685", "", 1)));
        List<Map<String, Object>> before = check(implant);
        assertEquals("SCS_PERMANENT", before.get(0).get("family"));
        assertTrue(flags(before.get(1)).contains("SCS_TRIAL_NOT_DOCUMENTED"));

        Map<String, Object> passed = client.retrieve(HttpRequest.POST("/api/v1/prior-auths/scs-trials", Map.of("patientId", p.id(),
                "trialStart", "2026-05-20", "trialEnd", "2026-05-26", "reliefPercent", 65)).bearerAuth(specialist), Map.class);
        assertEquals(true, passed.get("passed"), passed.toString());
        Map<String, Object> a = auth(p, erisa, "SELF_FUNDED_ERISA", "SCS_PERMANENT", "APPROVED", "2026-06-01", "2026-06-05",
                List.of("63650", "63685"), null, null, null, "2026-06-05", "2026-09-05");
        assertEquals("APPROVED", a.get("status"));
        List<Map<String, Object>> after = check(implant);
        assertEquals("OK", after.get(1).get("status"), after.toString());

        Patient psychless = fx.patient("PA-SCS-2");
        client.retrieve(HttpRequest.POST("/api/v1/prior-auths/scs-trials", Map.of("patientId", psychless.id(),
                "trialEnd", "2026-05-26", "reliefPercent", 70)).bearerAuth(specialist), Map.class);
        var noPsych = assertThrows(HttpClientResponseException.class, () -> auth(psychless, erisa, "SELF_FUNDED_ERISA", "SCS_PERMANENT",
                "REQUESTED", "2026-06-01", null, NONE, null, null, null, null, null));
        assertTrue(noPsych.getResponse().getBody(Map.class).orElseThrow().toString().contains("psychological evaluation"));

        Map<String, Object> list = client.retrieve(HttpRequest.GET("/api/v1/prior-auths?patientId=" + p.id()).bearerAuth(
                accounts.token(client, Roles.FINANCE)), Map.class);
        assertEquals(1, ((List<?>) list.get("items")).size());
    }
}
