package io.arbiter.web;

import io.arbiter.claims.Claim;
import io.arbiter.findings.FindingsFixtures;
import io.arbiter.findings.UnderpaymentWorklist;
import io.arbiter.practice.Payer;
import io.arbiter.practice.PlanType;
import io.arbiter.pricing.PricingTestData;
import io.arbiter.security.PracticeAccess;
import io.arbiter.security.Roles;
import io.arbiter.support.TestAccounts;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The underpaid-lines worklist (issue 21) on three scanned lines whose gaps are hand-computed in FindingsApiTest:
 * 64483-50 $1,244.42 and 64484-50 $556.13 (LSWL0001), 62323 $901.22 (the office claim) — largest gap first, keyset
 * pages, filters, the CSV, and another practice's specialist sees none of them.
 */
@MicronautTest(transactional = false)
class WorklistsPageTest {

    @Inject @Client("/") HttpClient http;
    @Inject EmbeddedServer server;
    @Inject TestAccounts accounts;
    @Inject FindingsFixtures fixtures;
    @Inject PricingTestData data;
    @Inject UnderpaymentWorklist worklist;

    @Test
    void underpaidLinesLargestGapFirstFilteredPagedAndExported() throws Exception {
        data.load();
        BlockingHttpClient client = http.toBlocking();
        Claim tfesi = fixtures.base().nsaTfesiClaim("LSWL0001");
        Payer acme = fixtures.base().payer("ACME HEALTH PLAN", "ACME1");
        Claim office = fixtures.claim(acme, PlanType.SELF_FUNDED_ERISA, null, LocalDate.of(2026, 5, 4), "11", "752041000", null, null,
                "62323x1@1800:-:200");
        String specialist = accounts.token(client, Roles.SPECIALIST);
        client.retrieve(HttpRequest.POST("/api/v1/findings/scan", Map.of("claimIds", List.of(tfesi.id(), office.id()),
                "benchmarkSet", "DEMO-SYNTHETIC-2026", "percentile", 80, "kind", "BILLED")).bearerAuth(specialist), Map.class);

        // keyset pages of two: 1,244.42 and 901.22, then 556.13 and no further page
        UnderpaymentWorklist.Filter all = new UnderpaymentWorklist.Filter(null, null, null, UnderpaymentWorklist.Order.LARGEST_GAP);
        UnderpaymentWorklist.Page first = worklist.page(all, PracticeAccess.EVERY, null, 2);
        assertEquals(List.of(new BigDecimal("1244.42"), new BigDecimal("901.22")), first.rows().stream().map(UnderpaymentWorklist.Row::gap).toList());
        UnderpaymentWorklist.Page second = worklist.page(all, PracticeAccess.EVERY, first.next(), 2);
        assertEquals(List.of(new BigDecimal("556.13")), second.rows().stream().map(UnderpaymentWorklist.Row::gap).toList());
        assertNull(second.next());
        assertEquals("64484", second.rows().get(0).code());
        // oldest service first: the office claim (05/04) before the TFESI lines (09/14)
        UnderpaymentWorklist.Page oldest = worklist.page(new UnderpaymentWorklist.Filter(null, null, null,
                UnderpaymentWorklist.Order.OLDEST_SERVICE), PracticeAccess.EVERY, null, 10);
        assertEquals("62323", oldest.rows().get(0).code());
        Long other = fixtures.base().otherPractice().id();
        assertTrue(worklist.page(all, new PracticeAccess(false, Set.of(other)), null, 10).rows().isEmpty(), "another practice's lines");

        WebForms web = new WebForms(server, accounts);
        String cookie = web.login("wl.specialist", Roles.SPECIALIST);
        String page = web.get("/ui/worklists/underpayments", cookie).body();
        int a = page.indexOf("$1,244.42");
        int b = page.indexOf("$901.22");
        int c = page.indexOf("$556.13");
        assertTrue(a > 0 && a < b && b < c, "largest gap first");
        assertTrue(page.contains("$2,701.77"), "the page's gaps add up: 1,244.42 + 901.22 + 556.13");
        assertTrue(page.contains("href=\"/ui/claims/" + tfesi.id() + "\">LSWL0001</a>"), "each row links to its claim");
        String filtered = web.get("/ui/worklists/underpayments?code=62323", cookie).body();
        assertTrue(filtered.contains("$901.22") && !filtered.contains("$1,244.42"), "filtered by code");
        String bad = web.get("/ui/worklists/underpayments?minGap=lots", cookie).body();
        assertTrue(bad.contains("Minimum gap: &#39;lots&#39; is not an amount") || bad.contains("Minimum gap: 'lots' is not an amount"), bad);

        String csv = web.get("/ui/worklists/underpayments.csv?payer=ACME+HEALTH+PLAN", cookie).body();
        assertTrue(csv.startsWith("claim,payer,code,service_date,payment_date,expected,paid,gap,basis"), csv);
        assertTrue(csv.contains("LSWL0001,ACME HEALTH PLAN,64483,2026-09-14,2026-10-08,1580.42,268.80,1244.42,"), csv);
        assertEquals(4, csv.strip().split("\r?\n").length, "header and three lines: " + csv);

        // bulk: a case on each selected claim; the disputed lines then link to their case instead of offering a checkbox
        HttpResponse<String> bulk = web.post("/ui/worklists/underpayments/open", cookie, "_csrf=" + WebForms.csrf(page)
                + "&claimId=" + tfesi.id());
        assertEquals(303, bulk.statusCode());
        String location = java.net.URLDecoder.decode(bulk.headers().firstValue("Location").orElse(""), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(location.contains("1 case(s) opened"), location);
        String after = web.get("/ui/worklists/underpayments", cookie).body();
        assertFalse(after.contains("name=\"claimId\" value=\"" + tfesi.id() + "\""), "no checkbox for a disputed claim");
        assertTrue(after.contains("href=\"/ui/cases/"), "its lines link to the case");

        String denials = web.get("/ui/worklists/denials", cookie).body();
        assertTrue(denials.contains("Denied lines") && denials.contains("id=\"denied\""), denials);
        assertFalse(web.get("/ui/worklists/denials?status=NOPE", cookie).body().contains("id=\"denied\"><tbody><tr><td><a"),
                "a bad status lists nothing");
    }
}
