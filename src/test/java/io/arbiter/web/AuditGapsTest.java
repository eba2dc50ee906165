package io.arbiter.web;

import io.arbiter.audit.AuditEvent;
import io.arbiter.audit.AuditEventRepository;
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
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reads issue 23 item 5 found unrecorded now leave an audit entry: a case's packet list, its offer suggestion, a
 * batch proposal over claims, and the browser work queue.
 */
@MicronautTest(transactional = false)
class AuditGapsTest {

    @Inject @Client("/") HttpClient http;
    @Inject EmbeddedServer server;
    @Inject TestAccounts accounts;
    @Inject ClaimFixtures fixtures;
    @Inject TestClock clock;
    @Inject AuditEventRepository events;

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    @Test
    void packetListOfferSuggestionBatchProposalsAndTheQueueAreRecorded() throws Exception {
        BlockingHttpClient client = http.toBlocking();
        clock.today(LocalDate.of(2026, 10, 9));
        String specialist = accounts.token(client, Roles.SPECIALIST);
        Claim claim = fixtures.oneLineClaim("LSGAP001", "ACME HEALTH PLAN", "ACME1", PlanType.SELF_FUNDED_ERISA, null, "64483",
                "2400.00", "336.00", LocalDate.of(2026, 9, 14), LocalDate.of(2026, 10, 8), "24", "752041000", "M5416", List.of("N865"));
        long caseId = new CaseApi(client, specialist, clock).openId(claim.id(), "2026-10-09");
        int before = events.findByUsernameOrderById("specialist-t").size();

        client.retrieve(HttpRequest.GET("/api/v1/cases/" + caseId + "/packets").bearerAuth(specialist), String.class);
        client.retrieve(HttpRequest.GET("/api/v1/cases/" + caseId + "/offer-suggestion").bearerAuth(specialist), Map.class);
        client.retrieve(HttpRequest.POST("/api/v1/batches/proposals", Map.of("claimIds", List.of(claim.id()))).bearerAuth(specialist), Map.class);

        List<AuditEvent> api = events.findByUsernameOrderById("specialist-t");
        List<AuditEvent> added = api.subList(before, api.size());
        assertTrue(added.stream().anyMatch(e -> e.entityType().equals("CASE") && String.valueOf(caseId).equals(e.entityId())
                && "packet list".equals(e.detail())), added.toString());
        assertTrue(added.stream().anyMatch(e -> e.entityType().equals("CASE") && "offer suggestion".equals(e.detail())), added.toString());
        assertTrue(added.stream().anyMatch(e -> e.entityType().equals("CLAIM") && "batch proposals for 1 claims".equals(e.detail())),
                added.toString());

        WebForms web = new WebForms(server, accounts);
        String cookie = web.login("gaps.spec", Roles.SPECIALIST);
        assertEquals(200, web.get("/ui/queue", cookie).statusCode());
        assertTrue(events.findByUsernameOrderById("gaps.spec").stream()
                .anyMatch(e -> e.entityType().equals("CASE") && e.detail() != null && e.detail().contains("work queue, browser")));
    }
}
