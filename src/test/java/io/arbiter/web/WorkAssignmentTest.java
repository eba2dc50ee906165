package io.arbiter.web;

import io.arbiter.claims.Claim;
import io.arbiter.claims.ClaimOwners;
import io.arbiter.findings.FindingsFixtures;
import io.arbiter.pricing.PricingTestData;
import io.arbiter.security.Roles;
import io.arbiter.support.TestAccounts;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Assign selected to …" on the underpaid-lines worklist (issue 21): the claim gets an owner shown in its row and the
 * CSV, "Assigned to me" lists it, and a specialist of another practice cannot be given it. The waiting-for-facts list
 * carries the same control and a CSV.
 */
@MicronautTest(transactional = false)
class WorkAssignmentTest {

    @Inject @Client("/") HttpClient http;
    @Inject EmbeddedServer server;
    @Inject TestAccounts accounts;
    @Inject FindingsFixtures fixtures;
    @Inject PricingTestData data;
    @Inject ClaimOwners owners;

    @Test
    void underpaidClaimsAreAssignedWithinTheirPracticeAndListedByOwner() throws Exception {
        data.load();
        Claim claim = fixtures.base().nsaTfesiClaim("LSAS0001");
        String specialist = accounts.token(http.toBlocking(), Roles.SPECIALIST);
        http.toBlocking().retrieve(HttpRequest.POST("/api/v1/findings/scan", Map.of("claimIds", List.of(claim.id()),
                "benchmarkSet", "DEMO-SYNTHETIC-2026", "percentile", 80, "kind", "BILLED")).bearerAuth(specialist), Map.class);
        Long other = fixtures.base().otherPractice().id();
        accounts.tokenInPractices(http.toBlocking(), "as.elsewhere", Roles.SPECIALIST, other);

        WebForms web = new WebForms(server, accounts);
        String cookie = web.login("as.lead", Roles.SPECIALIST);
        web.login("as.colleague", Roles.SPECIALIST);
        String page = web.get("/ui/worklists/underpayments?code=64483", cookie).body();
        assertTrue(page.contains("id=\"assign-selected\"") && page.contains("<option value=\"as.colleague\">"), "the assign control");

        HttpResponse<String> assigned = web.post("/ui/assign/claims", cookie, "_csrf=" + WebForms.csrf(page)
                + "&from=underpayments&owner=as.colleague&claimId=" + claim.id());
        assertEquals(303, assigned.statusCode());
        String back = URLDecoder.decode(assigned.headers().firstValue("Location").orElseThrow(), StandardCharsets.UTF_8);
        assertTrue(back.startsWith("/ui/worklists/underpayments?") && back.contains("1 assigned to as.colleague."), back);
        assertEquals(Map.of(claim.id(), "as.colleague"), owners.ownersOf(List.of(claim.id())));
        String listed = web.get("/ui/worklists/underpayments?code=64483", cookie).body();
        assertTrue(listed.contains("<td>as.colleague</td>"), "the owner in the row");
        String colleague = web.login("as.colleague", Roles.SPECIALIST);
        assertTrue(web.get("/ui/worklists/underpayments?mine=on", colleague).body().contains("LSAS0001"), "assigned to me");
        assertFalse(web.get("/ui/worklists/underpayments?mine=on", cookie).body().contains("LSAS0001"), "not the assigner's");
        assertTrue(web.get("/ui/worklists/underpayments.csv?code=64483", cookie).body().contains(",as.colleague"), "owner in the CSV");

        // someone who works for another practice cannot be given this practice's claim
        HttpResponse<String> refused = web.post("/ui/assign/claims", cookie, "_csrf=" + WebForms.csrf(page)
                + "&from=underpayments&owner=as.elsewhere&claimId=" + claim.id());
        String why = URLDecoder.decode(refused.headers().firstValue("Location").orElseThrow(), StandardCharsets.UTF_8);
        assertTrue(why.contains("1 not assigned — as.elsewhere does not work for this claim's practice"), why);
        assertEquals(Map.of(claim.id(), "as.colleague"), owners.ownersOf(List.of(claim.id())), "unchanged");
        // a claim of a practice the assigner cannot reach does not exist for them
        assertTrue(owners.assign(List.of(claim.id()), "as.lead", "as.elsewhere",
                new io.arbiter.security.PracticeAccess(false, java.util.Set.of(other)),
                io.arbiter.security.PracticeAccess.EVERY).refused().containsValue("no such claim"));

        String waiting = web.get("/ui/waiting-for-facts", cookie).body();
        assertTrue(waiting.contains("id=\"waiting-csv\""), waiting);
        HttpResponse<String> csv = web.get("/ui/waiting-for-facts.csv", cookie);
        assertEquals(200, csv.statusCode());
        assertTrue(csv.body().startsWith("claim,payer,service_date,provisional_track,facts_needed,owner"), csv.body());
    }
}
