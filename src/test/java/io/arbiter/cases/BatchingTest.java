package io.arbiter.cases;

import io.arbiter.claims.Claim;
import io.arbiter.practice.PlanType;
import io.arbiter.security.Roles;
import io.arbiter.support.ClaimFixtures;
import io.arbiter.support.TestAccounts;
import io.arbiter.support.TestClock;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Batched federal IDR disputes (42 U.S.C. 300gg-111(c)(3); federal-idr.md §4): proposals group same provider,
 * same payer, same service code within one 30-business-day period under the line cap, and every left-out line
 * says why; opening a batch re-checks every criterion.
 */
@MicronautTest(transactional = false)
class BatchingTest {

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
        clock.today(LocalDate.of(2026, 11, 2));
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    private Claim nsa(String pcn, String payer, String code, LocalDate dos, String dx) {
        return fixtures.oneLineClaim(pcn, payer, payer.replace(" ", "").substring(0, 6), PlanType.SELF_FUNDED_ERISA, null, code,
                "2400.00", "336.00", dos, dos.plusDays(20), "24", "752041000", dx, List.of("N865", "N877", "N830"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void proposalsGroupEligibleLinesAndExplainEveryExclusion() {
        Claim a = nsa("LSBAT001", "ACME HEALTH PLAN", "64483", LocalDate.of(2026, 9, 1), "M5416");
        Claim b = nsa("LSBAT002", "ACME HEALTH PLAN", "64483", LocalDate.of(2026, 9, 10), "M5417");
        Claim lonePayer = nsa("LSBAT003", "GULF COAST BENEFITS TPA", "64483", LocalDate.of(2026, 9, 2), "M5416");
        Claim late = nsa("LSBAT004", "ACME HEALTH PLAN", "64483", LocalDate.of(2026, 11, 2), "M5416");
        Claim texas = fixtures.oneLineClaim("LSBAT005", "BLUEBONNET ASSURANCE", "BLUE1", PlanType.FULLY_INSURED_STATE, "TX", "64483",
                "2400.00", "336.00", LocalDate.of(2026, 9, 3), LocalDate.of(2026, 9, 23), "24", "770301234", "M5416", List.of("N883"));
        Claim inCase = nsa("LSBAT006", "ACME HEALTH PLAN", "64483", LocalDate.of(2026, 9, 4), "M5416");
        client.exchange(HttpRequest.POST("/api/v1/cases", Map.of("claimIds", List.of(inCase.id()))).bearerAuth(token), Map.class);

        List<Long> ids = List.of(a.id(), b.id(), lonePayer.id(), late.id(), texas.id(), inCase.id());
        Map<String, Object> r = client.retrieve(HttpRequest.POST("/api/v1/batches/proposals", Map.of("claimIds", ids)).bearerAuth(token), Map.class);
        List<Map<String, Object>> proposals = (List<Map<String, Object>>) r.get("proposals");
        assertEquals(1, proposals.size(), "one batch: the two ACME 64483 lines within 30 business days");
        List<Number> lineIds = (List<Number>) proposals.get(0).get("lineIds");
        assertEquals(List.of(fixtures.firstLine(a).id(), fixtures.firstLine(b).id()), lineIds.stream().map(Number::longValue).toList());

        Map<Long, String> why = new java.util.HashMap<>();
        for (Map<String, Object> e : (List<Map<String, Object>>) r.get("excluded")) {
            why.put(((Number) e.get("claimId")).longValue(), (String) e.get("reason"));
        }
        assertTrue(why.get(lonePayer.id()).contains("no other claim"), why.get(lonePayer.id()));
        assertTrue(why.get(late.id()).contains("30-business-day"), "outside the first window and alone in its own");
        assertTrue(why.get(texas.id()).contains("Texas arbitration track"), why.get(texas.id()));
        assertTrue(why.get(inCase.id()).contains("already disputed"), why.get(inCase.id()));

        // accept the proposal as one batched dispute
        var created = client.exchange(HttpRequest.POST("/api/v1/cases", Map.of("lineIds", lineIds)).bearerAuth(token), Map.class);
        assertEquals(HttpStatus.CREATED, created.getStatus());
        assertEquals(true, created.body().get("batched"));
        assertEquals(2, ((List<?>) created.body().get("lines")).size());
    }

    private HttpClientResponseException refused(List<Long> lineIds) {
        return org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
                () -> client.exchange(HttpRequest.POST("/api/v1/cases", Map.of("lineIds", lineIds)).bearerAuth(token), Map.class));
    }

    private static String errors(HttpClientResponseException e) {
        return e.getResponse().getBody(Map.class).orElseThrow().toString();
    }

    @Test
    void openingABatchRefusesEachBrokenCriterion() {
        Claim acme1 = nsa("LSBAT101", "ACME HEALTH PLAN", "64483", LocalDate.of(2026, 9, 1), "M5416");
        Claim gulf = nsa("LSBAT102", "GULF COAST BENEFITS TPA", "64483", LocalDate.of(2026, 9, 2), "M5416");
        var payers = refused(List.of(fixtures.firstLine(acme1).id(), fixtures.firstLine(gulf).id()));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, payers.getStatus());
        assertTrue(errors(payers).contains("payer"), errors(payers));

        Claim otherService = nsa("LSBAT103", "ACME HEALTH PLAN", "64635", LocalDate.of(2026, 9, 3), "G8929");
        var service = refused(List.of(fixtures.firstLine(acme1).id(), fixtures.firstLine(otherService).id()));
        assertTrue(errors(service).contains("neither a service code nor a diagnosis category"), errors(service));

        Claim farApart = nsa("LSBAT104", "ACME HEALTH PLAN", "64483", LocalDate.of(2026, 10, 30), "M5416");
        var window = refused(List.of(fixtures.firstLine(acme1).id(), fixtures.firstLine(farApart).id()));
        assertTrue(errors(window).contains("30-business-day"), errors(window));

        Claim texas = fixtures.oneLineClaim("LSBAT105", "BLUEBONNET ASSURANCE", "BLUE1", PlanType.FULLY_INSURED_STATE, "TX", "64483",
                "2400.00", "336.00", LocalDate.of(2026, 9, 3), LocalDate.of(2026, 9, 23), "24", "770301234", "M5416", List.of("N883"));
        var tracks = refused(List.of(fixtures.firstLine(acme1).id(), fixtures.firstLine(texas).id()));
        assertTrue(errors(tracks).contains("payer") || errors(tracks).contains("track"), errors(tracks));
    }

    @Test
    void theFiftyLineCapOfThe2026RuleIsEnforced() {
        // 2026 IDR Operations rule: at most 50 line items per batched dispute (UNVERIFIED applicability from 2026-11-01)
        List<Long> lines = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            Claim c = nsa(String.format("LSCAP%03d", i), "ACME HEALTH PLAN", "64483", LocalDate.of(2026, 10, 5).plusDays(i % 20), "M5416");
            lines.add(fixtures.firstLine(c).id());
        }
        var tooMany = refused(lines);
        assertTrue(errors(tooMany).contains("cap of 50"), errors(tooMany));
        var ok = client.exchange(HttpRequest.POST("/api/v1/cases", Map.of("lineIds", lines.subList(0, 50))).bearerAuth(token), Map.class);
        assertEquals(HttpStatus.CREATED, ok.getStatus());
    }
}
