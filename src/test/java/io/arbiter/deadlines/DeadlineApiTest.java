package io.arbiter.deadlines;

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

/** POST /api/v1/deadlines/calculate and GET /api/v1/fees/estimate over HTTP (contract shapes, problem+json). */
@MicronautTest(transactional = false)
class DeadlineApiTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    TestAccounts accounts;

    @Inject
    ClaimFixtures fixtures;

    BlockingHttpClient client;

    @BeforeEach
    void setUp() {
        client = http.toBlocking();
    }

    private Map<String, Object> post(String role, Object body) {
        return client.retrieve(HttpRequest.POST("/api/v1/deadlines/calculate", body).bearerAuth(accounts.token(client, role)),
                Argument.mapOf(String.class, Object.class));
    }

    @Test
    @SuppressWarnings("unchecked")
    void cmsVectorOverHttpForEveryRole() {
        for (String role : List.of(Roles.SPECIALIST, Roles.ATTORNEY, Roles.FINANCE, Roles.ADMIN)) {
            Map<String, Object> body = post(role, Map.of("track", "FEDERAL_IDR", "events", Map.of("OPEN_NEGOTIATION_STARTED", "2024-05-31")));
            List<Map<String, Object>> deadlines = (List<Map<String, Object>>) body.get("deadlines");
            Map<String, Object> due = deadlines.stream().filter(d -> d.get("key").equals("IDR_INITIATION_DUE")).findFirst().orElseThrow();
            assertEquals("2024-07-19", due.get("dueDate"));
            assertEquals("BUSINESS", due.get("dayType"));
            assertEquals(4, ((Number) due.get("count")).intValue());
            assertEquals("OPEN_NEGOTIATION_ENDS", due.get("from"));
            assertEquals("2024-07-15", due.get("fromDate"));
            assertTrue(((String) due.get("citation")).startsWith("https://"));
            assertTrue(due.containsKey("ruleVersion"));
            assertTrue(due.get("alternatives") instanceof List);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void commercialAppealUsesThePayersWindowByPayerId() {
        var payer = fixtures.payer("SHORT WINDOW HEALTH", "SWH01");
        io.arbiter.practice.Payer withWindow = payer.withPolicies(payer.bilateralFormat(), 90);
        payerRepository.update(withWindow);
        Map<String, Object> body = post(Roles.SPECIALIST, Map.of("track", "COMMERCIAL_APPEAL",
                "events", Map.of("DENIAL_RECEIVED", "2026-03-02"), "options", Map.of("payerId", payer.id())));
        Map<String, Object> appeal = ((List<Map<String, Object>>) body.get("deadlines")).get(0);
        assertEquals("2026-05-31", appeal.get("dueDate"), "2026-03-02 + 90 CD");
        assertEquals(90, ((Number) appeal.get("count")).intValue());
    }

    @Inject
    io.arbiter.practice.PayerRepository payerRepository;

    private Map<String, Object> problem(Object body, HttpStatus expected) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> post(Roles.SPECIALIST, body));
        assertEquals(expected, e.getStatus());
        assertTrue(e.getResponse().getContentType().orElseThrow().toString().startsWith("application/problem+json"));
        return e.getResponse().getBody(Argument.mapOf(String.class, Object.class)).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static String firstLocation(Map<String, Object> problem) {
        return (String) ((List<Map<String, Object>>) problem.get("errors")).get(0).get("location");
    }

    @Test
    void unknownTrackUnknownEventAndImpossibleOrderAreProblems() {
        Map<String, Object> p1 = problem(Map.of("track", "STATE_IDR", "events", Map.of("X", "2024-01-01")), HttpStatus.BAD_REQUEST);
        assertEquals("track", firstLocation(p1));
        assertEquals(400, ((Number) p1.get("status")).intValue());

        Map<String, Object> p2 = problem(Map.of("track", "FEDERAL_IDR", "events", Map.of("ARBITRATION_REQUESTED", "2024-01-01")),
                HttpStatus.BAD_REQUEST);
        assertEquals("events.ARBITRATION_REQUESTED", firstLocation(p2));

        Map<String, Object> p3 = problem(Map.of("track", "FEDERAL_IDR", "events",
                Map.of("OPEN_NEGOTIATION_STARTED", "2024-05-31", "IDR_INITIATED", "2024-05-01")), HttpStatus.UNPROCESSABLE_ENTITY);
        assertEquals("events.IDR_INITIATED", firstLocation(p3));

        Map<String, Object> p4 = problem(Map.of("track", "TEXAS_PIP", "events", Map.of("DATE_OF_SERVICE", "2026-02-30")),
                HttpStatus.BAD_REQUEST);
        assertEquals("events.DATE_OF_SERVICE", firstLocation(p4));
    }

    @Test
    @SuppressWarnings("unchecked")
    void feeEstimateByInitiationDate() {
        String token = accounts.token(client, Roles.FINANCE);
        Map<String, Object> fee = client.retrieve(HttpRequest.GET("/api/v1/fees/estimate?initiationDate=2026-06-11&disputeType=SINGLE")
                .bearerAuth(token), Argument.mapOf(String.class, Object.class));
        assertEquals(15.00, ((Number) fee.get("administrativeFee")).doubleValue(), 0.001);
        Map<String, Object> old = client.retrieve(HttpRequest.POST("/api/v1/fees/estimate",
                        Map.of("initiationDate", "2026-06-10", "disputeType", "BATCHED", "lineCount", 30)).bearerAuth(token),
                Argument.mapOf(String.class, Object.class));
        assertEquals(115.00, ((Number) old.get("administrativeFee")).doubleValue(), 0.001);
        assertEquals(1423.00, ((Number) old.get("idreFeeMax")).doubleValue(), 0.001, "1173 + one 25-line block at 250");
        HttpClientResponseException bad = assertThrows(HttpClientResponseException.class, () -> client.retrieve(
                HttpRequest.GET("/api/v1/fees/estimate?initiationDate=tomorrow").bearerAuth(token)));
        assertEquals(HttpStatus.BAD_REQUEST, bad.getStatus());
    }

    @Test
    @SuppressWarnings("unchecked")
    void ruleDataIsReadableWithCitations() {
        List<Map<String, Object>> fees = client.retrieve(HttpRequest.GET("/api/v1/rules?prefix=FEDERAL_IDR.ADMIN_FEE")
                .bearerAuth(accounts.token(client, Roles.ATTORNEY)), Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertEquals(5, fees.size(), "five admin fee versions: 2022, 2023, post-TMA IV, CMS-9890-F, CMS-9897-F");
        Map<String, Object> latest = fees.get(4);
        assertEquals("2026-06-11", latest.get("effectiveFrom"));
        assertEquals("15.00", ((Map<String, Object>) latest.get("params")).get("amount"));
        assertTrue(latest.get("citation").toString().startsWith("https://"));
    }
}
