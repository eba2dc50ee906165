package io.arbiter.cases;

import io.arbiter.claims.Claim;
import io.arbiter.practice.PlanType;
import io.arbiter.security.Roles;
import io.arbiter.support.CaseApi;
import io.arbiter.support.ClaimFixtures;
import io.arbiter.support.TestAccounts;
import io.arbiter.support.TestClock;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A Texas arbitration case (Tex. Ins. Code ch. 1467) and a Texas workers' comp reconsideration → MFDR case
 * (28 TAC §§133.250, 133.307), each from an underpaid claim to payment.
 */
@MicronautTest(transactional = false)
class StateTrackCasesTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    TestAccounts accounts;

    @Inject
    ClaimFixtures fixtures;

    @Inject
    TestClock clock;

    BlockingHttpClient client;
    String token;

    @BeforeEach
    void setUp() {
        client = http.toBlocking();
        token = accounts.token(client, Roles.SPECIALIST);
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    private Map<String, Object> event(long id, String type, String date, String amount, String... extra) {
        return new CaseApi(client, token, clock).event(id, type, date, amount, extra);
    }

    private static String due(Map<String, Object> c, String key) {
        return CaseApi.due(c, key);
    }

    private static double money(Map<String, Object> c, String key) {
        return CaseApi.money(c, key);
    }

    private Map<String, Object> open(Claim claim, String today) {
        return new CaseApi(client, token, clock).open(claim.id(), today);
    }

    @Test
    void texasArbitrationFromRequestToPaidAward() {
        // 62323 at an in-network ASC (SB 1264 facility-based claim), billed 1,800.00; allowed 396.00 → paid 316.80, patient share 79.20
        Claim claim = fixtures.oneLineClaim("LSTX0001", "BLUEBONNET ASSURANCE", "BLUE1", PlanType.FULLY_INSURED_STATE, "TX",
                "62323", "1800.00", "396.00", LocalDate.of(2026, 9, 14), LocalDate.of(2026, 10, 8), "24", "770301234",
                "M5416", List.of("N883", "N830"));
        Map<String, Object> c = open(claim, "2026-10-09");
        long id = ((Number) c.get("id")).longValue();
        assertEquals("TEXAS_ARBITRATION", c.get("track"));
        // 90 days after receipt on 10-08 (first day excluded, Tex. Gov't Code §311.014) → Wed 2027-01-06
        assertEquals("2027-01-06", due(c, "ARBITRATION_REQUEST_DUE"));

        c = event(id, "ARBITRATION_REQUESTED", "2026-11-02", null);
        assertEquals("ARBITRATION_REQUESTED", c.get("stage"));
        // arbitrator by day 30 after the request → 2026-12-02; decision by day 51 → 2026-12-23
        assertEquals("2026-12-02", due(c, "ARBITRATOR_SELECTION_DUE"));
        assertEquals("2026-12-23", due(c, "DECISION_DUE"));
        c = event(id, "ARBITRATOR_SELECTED", "2026-11-20", null);
        c = event(id, "FEE_PAID", "2026-11-20", "600.00", "feeKind", "ARBITRATOR");
        c = event(id, "DECISION_ISSUED", "2026-12-18", "1500.00");
        assertEquals("DECIDED", c.get("stage"));
        assertEquals("WON", c.get("outcome"));
        // owed = 1,500.00 − 79.20 − 316.80 = 1,104.00
        assertEquals(1104.00, money(c, "owed"), 0.001);
        // fee due 30 days after the decision: Sun 2027-01-17 rolls forward past Mon 2027-01-18 (Martin Luther King, Jr.,
        // Day, a national holiday of Tex. Gov't Code §662.003(a)) to Tue 2027-01-19
        assertEquals("2027-01-19", due(c, "ARBITRATOR_FEE_DUE"));
        c = event(id, "PAYMENT_RECEIVED", "2027-01-05", "1104.00");
        assertEquals("PAID", c.get("stage"));
        // net = 1,104.00 − 600.00 = 504.00
        assertEquals(504.00, money(c, "net"), 0.001);
    }

    @Test
    void workersCompReconsiderationThenMfdr() {
        // 64493 billed 2,100.00; carrier paid 410.00; no patient share in workers' comp
        Claim claim = fixtures.oneLineClaim("LSWC0001", "PANHANDLE WORKERS COMP", "PANWC", PlanType.WORKERS_COMP, "TX",
                "64493", "2100.00", "410.00", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 1), "11", "770301234",
                "M4726", List.of());
        Map<String, Object> c = open(claim, "2026-10-02");
        long id = ((Number) c.get("id")).longValue();
        assertEquals("WORKERS_COMP", c.get("track"));
        // MFDR no later than 1 year after the date of service (28 TAC §133.307(c)(1)) → 2027-09-01
        assertEquals("2027-09-01", due(c, "MFDR_DUE"));
        c = event(id, "BILL_RECEIVED_BY_CARRIER", "2026-10-02", null);
        assertEquals("BILLED_TO_CARRIER", c.get("stage"));
        c = event(id, "CARRIER_ACTION_RECEIVED", "2026-10-05", null);
        c = event(id, "RECONSIDERATION_REQUESTED", "2026-10-20", null);
        c = event(id, "RECONSIDERATION_DECIDED", "2026-11-10", "410.00", "outcome", "LOST");
        assertEquals("RECONSIDERATION_DECIDED", c.get("stage"));
        c = event(id, "MFDR_FILED", "2026-11-16", null);
        assertEquals("MFDR_FILED", c.get("stage"));
        c = event(id, "MFDR_DECIDED", "2026-11-25", "690.35");
        assertEquals("MFDR_DECIDED", c.get("stage"));
        assertEquals("WON", c.get("outcome"));
        // MAR 690.35 − 410.00 already paid = 280.35 owed
        assertEquals(280.35, money(c, "owed"), 0.001);
        c = event(id, "PAYMENT_RECEIVED", "2026-11-26", "280.35");
        assertEquals("PAID", c.get("stage"));
    }
}
