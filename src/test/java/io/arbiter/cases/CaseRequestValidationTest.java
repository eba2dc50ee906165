package io.arbiter.cases;

import io.arbiter.claims.Claim;
import io.arbiter.security.Roles;
import io.arbiter.support.CaseApi;
import io.arbiter.support.ClaimFixtures;
import io.arbiter.support.TestAccounts;
import io.arbiter.support.TestClock;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16: the cases API's request records declare their constraints and micronaut-validation enforces them before
 * the controller runs — each refusal names the field, and nothing is recorded.
 */
@MicronautTest(transactional = false)
class CaseRequestValidationTest {

    @Inject @Client("/") HttpClient http;
    @Inject TestAccounts accounts;
    @Inject ClaimFixtures fixtures;
    @Inject TestClock clock;

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    @Test
    @SuppressWarnings("unchecked")
    void eventsAndCasesAreRefusedByTheirDeclaredConstraintsNamingTheField() {
        BlockingHttpClient client = http.toBlocking();
        String specialist = accounts.token(client, Roles.SPECIALIST);
        Claim claim = fixtures.nsaTfesiClaim("LSVALID01");
        clock.today(LocalDate.of(2026, 10, 9));
        long caseId = new CaseApi(client, specialist, clock).openId(claim.id(), "2026-10-09");
        int events = ((List<?>) client.retrieve(HttpRequest.GET("/api/v1/cases/" + caseId).bearerAuth(specialist), Map.class)
                .get("events")).size();

        Map<String, Map<String, Object>> bad = new HashMap<>();
        bad.put("type", Map.of("date", "2026-10-12"));
        bad.put("date", Map.of("type", "OFFER_SUBMITTED", "amount", "2950.00"));
        bad.put("amount", Map.of("type", "OFFER_SUBMITTED", "date", "2026-10-12", "amount", "2950.001"));
        bad.put("note", Map.of("type", "OFFER_SUBMITTED", "date", "2026-10-12", "amount", "2950.00", "note", "x".repeat(2001)));
        for (var b : bad.entrySet()) {
            var e = assertThrows(HttpClientResponseException.class, () -> client.exchange(HttpRequest.POST(
                    "/api/v1/cases/" + caseId + "/events", b.getValue()).bearerAuth(specialist), Map.class), b.getKey());
            assertEquals(400, e.getStatus().getCode(), b.getKey());
            String problem = e.getResponse().getBody(String.class).orElse("");
            assertTrue(problem.contains(b.getKey()), b.getKey() + ": " + problem);
        }
        var tooMany = assertThrows(HttpClientResponseException.class, () -> client.exchange(HttpRequest.POST("/api/v1/cases",
                Map.of("claimIds", java.util.stream.LongStream.rangeClosed(1, 501).boxed().toList())).bearerAuth(specialist), Map.class));
        assertEquals(400, tooMany.getStatus().getCode());
        assertTrue(tooMany.getResponse().getBody(String.class).orElse("").contains("claimIds"));

        assertEquals(events, ((List<?>) client.retrieve(HttpRequest.GET("/api/v1/cases/" + caseId).bearerAuth(specialist), Map.class)
                .get("events")).size(), "nothing was recorded");
    }
}
