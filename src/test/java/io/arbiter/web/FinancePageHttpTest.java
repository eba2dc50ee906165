package io.arbiter.web;

import io.arbiter.security.Roles;
import io.arbiter.support.FinanceStory;
import io.arbiter.support.TestAccounts;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The finance screens at the HTTP level (issue 21): a refused period comes back as the finance page (400, HTML) with
 * the typed values and the problem beside its field; every figure links to the cases it sums, and that list's totals
 * equal the figure; the case CSV downloads; other roles get the HTML 403 page.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FinancePageHttpTest {

    private static final Pattern FIGURE = Pattern.compile("<a href=\"(/ui/finance/cases\\?[^\"]*)\" data-figure=\"([a-z]+)\">([^<]+)</a>");
    private static final Pattern KPI = Pattern.compile("<a id=\"kpi-([a-z]+)\" href=\"(/ui/finance/cases\\?[^\"]*)\">([^<]+)</a>");

    @Inject EmbeddedServer server;
    @Inject TestAccounts accounts;
    @Inject FinanceStory story;
    @Inject @Client("/") HttpClient http;

    WebForms web;
    String finance;
    Map<String, Long> ids;

    @BeforeAll
    void recordTheYear() throws Exception {
        ids = story.record(http.toBlocking());
        web = new WebForms(server, accounts);
        finance = web.login("fin.http", Roles.FINANCE);
    }

    @Test
    void aReversedRangeIsShownBesideTheFieldWithWhatWasTyped() throws Exception {
        HttpResponse<String> r = web.get("/ui/finance?from=2027-02-01&to=2027-01-01&groupBy=TRACK", finance);
        assertEquals(400, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), r.headers().toString());
        String page = r.body();
        assertTrue(page.contains("<h1>Recoveries</h1>"), "the finance page itself, not an error page");
        assertTrue(page.contains("id=\"from\" name=\"from\" type=\"date\" value=\"2027-02-01\""), page);
        assertTrue(page.contains("id=\"to\" name=\"to\" type=\"date\" value=\"2027-01-01\" aria-invalid=\"true\" aria-describedby=\"to-err\""), page);
        assertTrue(page.contains("<p class=\"field-error\" id=\"to-err\" role=\"alert\">The end date 01/01/2027 is before the start date 02/01/2027."), page);
        assertTrue(page.contains("<option value=\"TRACK\" selected>Track</option>"), "the grouping is kept");

        HttpResponse<String> bad = web.get("/ui/finance?groupBy=COLOR", finance);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("id=\"gb-err\" role=\"alert\">Choose one of: Payer, Track, Month opened, Procedure code."), bad.body());
        assertEquals(400, web.get("/ui/finance?from=yesterday", finance).statusCode());
        assertTrue(web.get("/ui/finance?from=yesterday", finance).body().contains("id=\"from-err\" role=\"alert\">Enter a date as YYYY-MM-DD"));
    }

    @Test
    void everyFigureLinksToCasesThatAddUpToIt() throws Exception {
        for (String groupBy : List.of("PAYER", "TRACK", "MONTH")) {
            String page = ok("/ui/finance?groupBy=" + groupBy);
            assertFalse(page.contains("$-"), "negative money reads −$, never $-");
            List<String[]> figures = new ArrayList<>();
            Matcher m = FIGURE.matcher(page);
            while (m.find()) {
                figures.add(new String[] {m.group(1), m.group(2), m.group(3)});
            }
            // per group and the total row: cases, won, lost, settled, withdrawn, open, outstanding, receivable (+ the group's name)
            assertTrue(figures.size() >= 2 * 8, groupBy + ": " + figures.size());
            for (String[] f : figures) {
                String list = ok(f[0].replace("&amp;", "&"));
                switch (f[1]) {
                    case "outstanding" -> assertEquals(f[2], total(list, "outstanding"), f[0]);
                    case "receivable" -> assertEquals(f[2], total(list, "receivable"), f[0]);
                    case "group" -> assertTrue(count(list) > 0, f[0]);
                    default -> assertEquals(Integer.parseInt(f[2]), count(list), f[1] + " " + f[0]);
                }
            }
        }
        String page = ok("/ui/finance");
        Matcher k = KPI.matcher(page);
        int kpis = 0;
        while (k.find()) {
            String list = ok(k.group(2).replace("&amp;", "&"));
            String key = k.group(1);
            if (key.equals("cases")) {
                assertEquals(Integer.parseInt(k.group(3)), count(list));
            } else {
                assertEquals(k.group(3), total(list, key), key);
            }
            kpis++;
        }
        assertEquals(6, kpis, "recovered, outstanding, fees, net, receivable and the case count");
        assertTrue(page.contains("id=\"kpi-receivable\"") && page.contains(">$592.50<"), "B's 395.00 and half of C's 395.00");
        assertTrue(page.contains("42 U.S.C. 300gg-111(c)(5)(F)") && page.contains("86 FR 56132"), "the refund rule's sources, in words");
        assertFalse(page.contains("federal-idr.md"), "no file names on the page");
        assertTrue(page.contains("<div class=\"scroll\">"));
        assertTrue(page.contains("data-month=\"2027-01\""), "cash by month of payment");
        assertTrue(page.contains("<th class=\"num\" scope=\"col\">From 835s</th><th class=\"num\" scope=\"col\">Typed in</th>"),
                "each month's payments split into the bank's record and typed in");
        assertTrue(page.contains("Payments from 835s") && page.contains("Payments typed in"), "the trend chart's series");
        assertTrue(page.contains("<table id=\"speed-table\">") && page.contains("Days from decision to payment, by payer"), page);

        // the lost case's net is negative: −$266.00 (a true minus), and finance opens the case from the list
        String lost = ok("/ui/finance/cases?outcome=LOST");
        assertTrue(lost.contains("\u2212$266.00"), lost);
        assertFalse(lost.contains("$-"));
        assertTrue(lost.contains("href=\"/ui/cases/" + ids.get("D") + "\""));
        assertEquals(200, web.get("/ui/cases/" + ids.get("D"), finance).statusCode(), "finance reads cases");
        assertTrue(ok("/ui/finance/cases?groupBy=TRACK&group=FEDERAL_IDR").contains("Track: Federal IDR"), "the selection in words");
        assertEquals(400, web.get("/ui/finance/cases?outcome=MAYBE", finance).statusCode());
    }

    @Test
    void theCaseCsvDownloadsOneRowPerCase() throws Exception {
        HttpResponse<String> csv = web.get("/ui/finance/cases.csv", finance);
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").contains("finance-cases.csv"));
        var records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv.body())).getRecords();
        assertEquals(9, records.size());
        assertEquals("5700.00", records.get(8).get("recovered"));
    }

    @Test
    void otherRolesGetTheForbiddenPage() throws Exception {
        for (String role : List.of(Roles.ATTORNEY, Roles.SPECIALIST)) {
            String cookie = web.login("fin.other." + role.toLowerCase(), role);
            for (String path : List.of("/ui/finance", "/ui/finance/cases", "/ui/finance/cases.csv")) {
                HttpResponse<String> r = web.get(path, cookie);
                assertEquals(403, r.statusCode(), role + " " + path);
                assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), role + " " + path);
                assertTrue(r.body().contains("Your role may not open this page"), r.body());
            }
        }
    }

    private String ok(String path) throws Exception {
        HttpResponse<String> r = web.get(path, finance);
        assertEquals(200, r.statusCode(), path + "\n" + r.body());
        return r.body();
    }

    private static int count(String list) {
        return (int) Pattern.compile("<tr data-case=").matcher(list).results().count();
    }

    private static String total(String list, String key) {
        Matcher m = Pattern.compile("data-total=\"" + key + "\">([^<]+)<").matcher(list);
        assertTrue(m.find(), key);
        return m.group(1);
    }
}
