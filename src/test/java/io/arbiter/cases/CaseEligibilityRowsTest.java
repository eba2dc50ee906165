package io.arbiter.cases;

import io.arbiter.claims.Claim;
import io.arbiter.security.Roles;
import io.arbiter.support.CaseApi;
import io.arbiter.support.ClaimFixtures;
import io.arbiter.support.TestAccounts;
import io.arbiter.support.TestClock;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A case's eligibility screen is stored as rows (issue 16) and is what the case JSON shows, gate for gate. */
@MicronautTest(transactional = false)
class CaseEligibilityRowsTest {

    @Inject @Client("/") HttpClient http;
    @Inject TestAccounts accounts;
    @Inject ClaimFixtures fixtures;
    @Inject TestClock clock;
    @Inject CaseEligibilityGateRepository gates;

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theScreenIsStoredGateByGateWithStatusAndCitation() {
        BlockingHttpClient client = http.toBlocking();
        String specialist = accounts.token(client, Roles.SPECIALIST);
        Claim claim = fixtures.nsaTfesiClaim("LSGATES01");
        clock.today(LocalDate.of(2026, 10, 9));
        Map<String, Object> c = new CaseApi(client, specialist, clock).open(claim.id(), "2026-10-09");
        long caseId = ((Number) c.get("id")).longValue();

        List<CaseEligibilityGate> rows = gates.findByCaseIdOrderByOrdinal(caseId);
        List<Map<String, Object>> shown = (List<Map<String, Object>>) c.get("eligibility");
        assertFalse(rows.isEmpty(), "a federal case is screened");
        assertEquals(rows.size(), shown.size());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(i, rows.get(i).ordinal());
            assertEquals(rows.get(i).name(), shown.get(i).get("name"));
            assertEquals(rows.get(i).status().name(), shown.get(i).get("status"));
            assertEquals(rows.get(i).reason(), shown.get(i).get("reason"));
        }
        assertTrue(rows.stream().allMatch(g -> g.status() != null && !g.reason().contains("|")), rows.toString());
        assertTrue(rows.stream().anyMatch(g -> g.citation() != null && g.citation().contains("300gg-111")), rows.toString());
    }

    /** Fee kinds are an enum end to end: any case is accepted, anything else is a 422 naming feeKind with the choices. */
    @Test
    @SuppressWarnings("unchecked")
    void feeKindsAreAClosedSet() {
        BlockingHttpClient client = http.toBlocking();
        String specialist = accounts.token(client, Roles.SPECIALIST);
        Claim claim = fixtures.nsaTfesiClaim("LSFEES01");
        clock.today(LocalDate.of(2026, 10, 9));
        CaseApi api = new CaseApi(client, specialist, clock);
        long caseId = api.openId(claim.id(), "2026-10-09");
        Map<String, Object> c = api.event(caseId, "FEE_PAID", "2026-10-12", "115.00", "feeKind", "admin");
        List<Map<String, Object>> events = (List<Map<String, Object>>) c.get("events");
        assertEquals("ADMIN", events.get(events.size() - 1).get("feeKind"));

        var e = org.junit.jupiter.api.Assertions.assertThrows(io.micronaut.http.client.exceptions.HttpClientResponseException.class,
                () -> api.event(caseId, "FEE_PAID", "2026-10-12", "20.00", "feeKind", "lunch"));
        String problem = e.getResponse().getBody(String.class).orElse("");
        assertEquals(422, e.getStatus().getCode(), problem);
        assertTrue(problem.contains("feeKind") && problem.contains("[ADMIN, IDRE, ARBITRATOR, FILING, OTHER]"), problem);

        // the event type and outcome are enums too: a typo is a 422 on that field, nothing is recorded
        var badType = org.junit.jupiter.api.Assertions.assertThrows(io.micronaut.http.client.exceptions.HttpClientResponseException.class,
                () -> api.event(caseId, "FEE_PAYED", "2026-10-12", "20.00", "feeKind", "IDRE"));
        String typeProblem = badType.getResponse().getBody(String.class).orElse("");
        assertEquals(422, badType.getStatus().getCode(), typeProblem);
        assertTrue(typeProblem.contains("\"location\":\"type\"") && typeProblem.contains("'FEE_PAYED' is not one of [INITIAL_PAYMENT_RECEIVED"),
                typeProblem);
        var badOutcome = org.junit.jupiter.api.Assertions.assertThrows(io.micronaut.http.client.exceptions.HttpClientResponseException.class,
                () -> api.event(caseId, "CLOSED", "2026-10-12", null, "outcome", "victory"));
        String outcomeProblem = badOutcome.getResponse().getBody(String.class).orElse("");
        assertEquals(422, badOutcome.getStatus().getCode(), outcomeProblem);
        assertTrue(outcomeProblem.contains("'victory' is not one of [WON, LOST, SETTLED, WITHDRAWN, INELIGIBLE]"), outcomeProblem);
        List<Map<String, Object>> after = (List<Map<String, Object>>) api.get(caseId).get("events");
        assertEquals(events.size(), after.size(), "nothing recorded by the rejected requests");
    }

    /** A deadline's other readings are stored as rows and shown as the calculator shows them (issue 16). */
    @Test
    @SuppressWarnings("unchecked")
    void deadlineAlternativesAreRecordsInTheCaseView() {
        BlockingHttpClient client = http.toBlocking();
        String specialist = accounts.token(client, Roles.SPECIALIST);
        // Paid 2026-08-28: + 90 days = Thanksgiving 2026-11-26 -> due Fri 11-27; with the day after Thanksgiving as a state
        // holiday, Mon 11-30 (TexasNationalHolidaysTest, at the engine).
        Claim texas = fixtures.oneLineClaim("LSALT001", "BLUEBONNET ASSURANCE", "BLUE1", io.arbiter.practice.PlanType.FULLY_INSURED_STATE,
                "TX", "64483", "2400.00", "336.00", LocalDate.of(2026, 8, 10), LocalDate.of(2026, 8, 28), "24", "770301234", "M5416",
                List.of("N883"));
        clock.today(LocalDate.of(2026, 9, 1));
        Map<String, Object> c = new CaseApi(client, specialist, clock).open(texas.id(), "2026-09-01");
        assertEquals("TEXAS_ARBITRATION", c.get("track"));
        Map<String, Object> request = ((List<Map<String, Object>>) c.get("deadlines")).stream()
                .filter(d -> "ARBITRATION_REQUEST_DUE".equals(d.get("key"))).findFirst().orElseThrow();
        assertEquals("2026-11-27", request.get("dueDate"));
        assertEquals("CALENDAR", request.get("dayType"));
        List<Map<String, Object>> alternatives = (List<Map<String, Object>>) request.get("alternatives");
        assertEquals(1, alternatives.size(), alternatives.toString());
        assertEquals("2026-11-30", alternatives.get(0).get("dueDate"));
        assertTrue(String.valueOf(alternatives.get(0).get("reading")).contains("662.003(b)"), alternatives.toString());
    }
}
