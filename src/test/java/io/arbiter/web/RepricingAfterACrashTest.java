package io.arbiter.web;

import io.arbiter.claims.RepricingDue;
import io.arbiter.common.Jdbc;
import io.arbiter.findings.RepriceChangedClaims;
import io.arbiter.pricing.PricingTestData;
import io.arbiter.security.Roles;
import io.arbiter.support.CaseApi;
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

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Findings are always current even across a crash (issue 21): an import marks the claims it changes in its own
 * transaction and their re-pricing clears the marks. When the process dies between the two, the mark stays: the claim
 * page and the underpaid-lines worklist show "being priced again" instead of a gap from superseded amounts, and the
 * sweep prices the claim on the next run. LS03000002 (acme-self-funded-835.edi, 63650 x2) is the claim.
 */
@MicronautTest(transactional = false)
class RepricingAfterACrashTest {

    @Inject @Client("/") HttpClient http;
    @Inject EmbeddedServer server;
    @Inject TestAccounts accounts;
    @Inject TestClock clock;
    @Inject PricingTestData data;
    @Inject RepricingDue due;
    @Inject RepriceChangedClaims reprice;
    @Inject Jdbc jdbc;

    @AfterEach
    void clearMarks() {
        jdbc.inTransaction(c -> {
            try (var st = c.createStatement()) {
                st.executeUpdate("DELETE FROM claim_repricing_due");
            }
            return null;
        });
    }

    @Test
    void aClaimLeftUnpricedByACrashShowsNoSupersededGapAndIsSweptLater() throws Exception {
        data.load();
        BlockingHttpClient client = http.toBlocking();
        String specialist = accounts.token(client, Roles.SPECIALIST);
        CaseApi api = new CaseApi(client, specialist, clock);
        api.importFixture("acme-self-funded-835.edi");
        api.importFixture("acme-self-funded-837p.edi"); // where the services were furnished (ZIP for the geozip)
        long claimId = api.claimId("LS03000002");
        assertEquals(Map.of(), due.since(List.of(claimId)), "the import's own re-pricing cleared its mark");
        // the practice prices against the synthetic 80th percentile of billed charges (what the sweep uses too)
        String admin = accounts.token(client, Roles.ADMIN);
        @SuppressWarnings({"unchecked", "rawtypes"})
        List<Map> practices = client.retrieve(HttpRequest.GET("/api/v1/practices").bearerAuth(admin),
                io.micronaut.core.type.Argument.listOf(Map.class));
        long practiceId = ((Number) practices.get(0).get("id")).longValue();
        client.exchange(HttpRequest.PUT("/api/v1/practices/" + practiceId, Map.of("name", "LONE STAR SPINE AND PAIN PLLC",
                "batesPrefix", "LSSP", "benchmarkSet", "DEMO-SYNTHETIC-2026", "benchmarkKind", "BILLED", "benchmarkPercentile", 80))
                .bearerAuth(admin), Map.class);
        client.retrieve(HttpRequest.POST("/api/v1/findings/scan", Map.of("claimIds", List.of(claimId))).bearerAuth(specialist), Map.class);

        WebForms web = new WebForms(server, accounts);
        String cookie = web.login("crash.specialist", Roles.SPECIALIST);
        String priced = web.get("/ui/claims/" + claimId, cookie).body();
        assertTrue(priced.contains("id=\"priced-on\"") && priced.contains("computed on"), "a priced claim says when it was priced");
        assertTrue(web.get("/ui/worklists/underpayments?code=63650", cookie).body().contains("LS03000002"), "listed while current");

        // The import committed, then the process died before re-pricing: its mark is all that is left.
        LocalDateTime crashed = LocalDateTime.now(clock).minusMinutes(10);
        jdbc.inTransaction(c -> {
            RepricingDue.mark(c, List.of(claimId), crashed, "import 999");
            return null;
        });
        String page = web.get("/ui/claims/" + claimId, cookie).body();
        assertTrue(page.contains("id=\"repricing\"") && page.contains("being priced again"), "the claim page says so");
        assertFalse(page.contains("class=\"num gap\""), "no gap from superseded amounts on the claim page");
        String worklist = web.get("/ui/worklists/underpayments?code=63650", cookie).body();
        assertFalse(worklist.contains("LS03000002"), "left out of the worklist until priced again");
        assertTrue(worklist.contains("id=\"repricing\""), "and the worklist says how many are left out");

        // the sweep takes over marks older than its grace period and prices the claim; the mark is gone
        assertTrue(reprice.sweep() >= 1);
        assertEquals(Map.of(), due.since(List.of(claimId)));
        assertTrue(web.get("/ui/claims/" + claimId, cookie).body().contains("id=\"priced-on\""));
        assertTrue(web.get("/ui/worklists/underpayments?code=63650", cookie).body().contains("LS03000002"), "back once priced");

        // a change that arrives while a scan runs stays marked: clearing only reaches marks set before the scan started
        LocalDateTime later = LocalDateTime.now(clock).plusMinutes(5).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        jdbc.inTransaction(c -> {
            RepricingDue.mark(c, List.of(claimId), later, "import 1000");
            RepricingDue.clear(c, List.of(claimId), later.minusSeconds(1));
            return null;
        });
        assertEquals(later, due.since(List.of(claimId)).get(claimId));
    }
}
