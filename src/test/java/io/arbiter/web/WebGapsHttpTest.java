package io.arbiter.web;

import io.arbiter.pricing.BenchmarkStore;
import io.arbiter.practice.BilateralFormat;
import io.arbiter.practice.Payer;
import io.arbiter.practice.PayerRepository;
import io.arbiter.security.Roles;
import io.arbiter.support.TestAccounts;
import io.arbiter.support.TestClock;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The web gaps of issue 8 at the HTTP level: admin imports and payer policies, packet-details form, batch proposals, event form. */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the batch test opens a case over many claims: it runs last
class WebGapsHttpTest {

    @Inject EmbeddedServer server;
    @Inject TestAccounts accounts;
    @Inject io.arbiter.intake.IntakeTestSupport intake;
    @Inject WebTestData data;
    @Inject TestClock clock;
    @Inject PayerRepository payers;
    @Inject BenchmarkStore benchmarks;

    WebForms web;

    @BeforeEach
    void forms() {
        web = new WebForms(server, accounts);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void adminImportsBenchmarksAndFeeSchedulesAndShowsLinePreciseErrors() throws Exception {
        String admin = web.login("gap.admin", Roles.ADMIN);
        String page = web.get("/ui/admin", admin).body();
        String csrf = web.csrf(page);

        // Line 1 is the header; line 3 has a bad kind and a 3-character code; nothing of the file is stored.
        String bad = "set,kind,procedure_code,modifier,geozip,percentile,amount,effective_from,effective_to\n"
                + "WEB-BAD-2026,BILLED,62321,,770,50,627.53,2026-01-01,2026-12-31\n"
                + "WEB-BAD-2026,MEDIAN,623,,770,50,627.53,2026-01-01,2026-12-31\n";
        HttpResponse<String> rejected = multipart("/ui/admin/imports/benchmarks", admin, csrf, "bad.csv", bad.getBytes(StandardCharsets.UTF_8), Map.of());
        assertEquals(422, rejected.statusCode());
        assertTrue(rejected.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(rejected.body().contains("line 3, column &quot;kind&quot;"), rejected.body());
        assertTrue(rejected.body().contains("&#39;MEDIAN&#39; is not BILLED or ALLOWED") || rejected.body().contains("'MEDIAN' is not BILLED or ALLOWED"));
        assertTrue(rejected.body().contains("line 3, column &quot;procedure_code&quot;"));
        assertTrue(benchmarks.sets().stream().noneMatch(s -> s.set().equals("WEB-BAD-2026")), "a rejected file stores nothing");

        byte[] good = getClass().getResourceAsStream("/fixtures/benchmarks/ucr-demo-2026.csv").readAllBytes();
        HttpResponse<String> ok = multipart("/ui/admin/imports/benchmarks", admin, csrf, "ucr-demo-2026.csv", good, Map.of());
        assertEquals(303, ok.statusCode(), ok.body());
        assertTrue(URLDecode(ok.headers().firstValue("Location").orElseThrow()).contains("Benchmarks DEMO-SYNTHETIC-2026"));
        assertTrue(web.get("/ui/admin", admin).body().contains("Benchmark DEMO-SYNTHETIC-2026"));

        byte[] gpci = getClass().getResourceAsStream("/fixtures/cms/GPCI2025.csv").readAllBytes();
        HttpResponse<String> g = multipart("/ui/admin/imports/gpci", admin, csrf, "GPCI2025.csv", gpci,
                Map.of("release", "GPCI2025", "effectiveFrom", "2025-01-01", "effectiveTo", "2025-12-31"));
        assertEquals(303, g.statusCode(), g.body());
        assertTrue(web.get("/ui/admin", admin).body().contains("GPCI GPCI2025"));

        assertEquals(403, multipart("/ui/admin/imports/benchmarks", admin, "forged", "ucr.csv", good, Map.of()).statusCode());
        String specialist = web.login("gap.spec0", Roles.SPECIALIST);
        assertEquals(403, multipart("/ui/admin/imports/benchmarks", specialist, web.csrf(web.get("/ui/queue", specialist).body()), "ucr.csv", good,
                Map.of()).statusCode());
    }

    @Test
    void adminSetsAPayersBilateralFormatAndAppealWindow() throws Exception {
        intake.importFixture("x12/acme-self-funded-835.edi");
        Payer payer = payers.listOrderByName().get(0);
        String admin = web.login("gap.admin2", Roles.ADMIN);
        String page = web.get("/ui/admin", admin).body();
        assertTrue(page.contains("action=\"/ui/admin/payers/" + payer.id() + "\""));
        HttpResponse<String> saved = web.post("/ui/admin/payers/" + payer.id(), admin,
                "_csrf=" + web.csrf(page) + "&bilateralFormat=RT_LT_TWO_LINES&appealWindowDays=180");
        assertEquals(303, saved.statusCode(), saved.body());
        Payer after = payers.findById(payer.id()).orElseThrow();
        assertEquals(BilateralFormat.RT_LT_TWO_LINES, after.bilateralFormat());
        assertEquals(180, after.appealWindowDays());

        HttpResponse<String> refused = web.post("/ui/admin/payers/" + payer.id(), admin,
                "_csrf=" + web.csrf(page) + "&bilateralFormat=MODIFIER_50&appealWindowDays=900");
        assertTrue(URLDecode(refused.headers().firstValue("Location").orElseThrow()).contains("between 1 and 730"));
        assertEquals(180, payers.findById(payer.id()).orElseThrow().appealWindowDays(), "a refused change leaves the payer as it was");
    }

    @Test
    void packetDetailsFormMakesTheOpenNegotiationNoticeReady() throws Exception {
        // The 835 paid on 2026-10-08: 12 days later open negotiation is inside its window (as in WebBrowserTest).
        clock.today(LocalDate.of(2026, 10, 20));
        intake.importFixture("x12/acme-self-funded-835.edi");
        String specialist = web.login("gap.spec", Roles.SPECIALIST);
        long caseId = data.openCase("LS03000002", "gap.spec");
        data.set837Facts(caseId);

        String before = web.get("/ui/cases/" + caseId, specialist).body();
        String missing = packetRow(before, WebTestData.PACKET);
        assertTrue(missing.contains("href=\"#pd-practice-contactName\""), missing);
        assertTrue(missing.contains("href=\"#pd-practice-email\""), missing);
        assertTrue(before.contains("id=\"pd-practice-contactName\""), "the link target is the form field");
        assertFalse(before.contains("data-packet=\"" + WebTestData.PACKET + "\""), "no download link while fields are missing");

        // The two deadlines the notice states start with open negotiation, recorded on the same page.
        assertEquals(303, web.post("/ui/cases/" + caseId + "/events", specialist,
                "_csrf=" + web.csrf(before) + "&type=OPEN_NEGOTIATION_STARTED&date=2026-10-20").statusCode());
        String form = "_csrf=" + web.csrf(before) + "&" + enc("practice.contactName") + "=" + enc("Maria Delgado, revenue cycle manager")
                + "&" + enc("practice.email") + "=" + enc("disputes@lonestarspine.example")
                + "&" + enc("practice.phone") + "=" + enc("713-555-0142")
                + "&" + enc("idr.preferredIdre") + "=";
        HttpResponse<String> saved = web.post("/ui/cases/" + caseId + "/packet-details", specialist, form);
        assertEquals(303, saved.statusCode(), saved.body());
        assertTrue(URLDecode(saved.headers().firstValue("Location").orElseThrow()).contains("Packet details saved (3 fields)"));

        String after = web.get("/ui/cases/" + caseId, specialist).body();
        assertTrue(after.contains("data-packet=\"" + WebTestData.PACKET + "\""), packetRow(after, WebTestData.PACKET));
        assertTrue(after.contains("value=\"disputes@lonestarspine.example\""), "the form shows the saved value");
        HttpResponse<byte[]> pdf = web.send(HttpRequest.newBuilder(web.uri("/ui/cases/" + caseId + "/packets/" + WebTestData.PACKET + ".pdf"))
                .header("Cookie", specialist).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        assertEquals("%PDF", new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII));

        assertEquals(403, web.post("/ui/cases/" + caseId + "/packet-details", specialist, "_csrf=forged").statusCode());
        String attorney = web.login("gap.att", Roles.ATTORNEY);
        assertEquals(403, web.post("/ui/cases/" + caseId + "/packet-details", attorney, "_csrf=" + web.csrf(web.get("/ui/attorney", attorney).body()))
                .statusCode());
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void batchProposalsOpenAsOneDisputeWithABatchPanel() throws Exception {
        clock.today(LocalDate.of(2026, 10, 20));
        intake.importFixture("x12/acme-self-funded-835.edi");
        String specialist = web.login("gap.batch", Roles.SPECIALIST);
        HttpResponse<String> page = web.get("/ui/batches", specialist);
        assertEquals(200, page.statusCode(), page.body());
        String html = page.body();
        assertTrue(html.contains("Lines left out"));
        Matcher proposal = Pattern.compile("<form method=\"post\" action=\"/ui/batches/open\".*?</form>", Pattern.DOTALL).matcher(html);
        assertTrue(proposal.find(), "the 835 has federal IDR lines that can be batched: " + html);
        List<String> lineIds = new ArrayList<>();
        Matcher id = Pattern.compile("name=\"lineId\" value=\"(\\d+)\"").matcher(proposal.group());
        while (id.find()) {
            lineIds.add(id.group(1));
        }
        assertTrue(lineIds.size() >= 2, "a proposal always batches lines of at least two claims");
        StringBuilder form = new StringBuilder("_csrf=" + web.csrf(html));
        lineIds.forEach(l -> form.append("&lineId=").append(l));
        HttpResponse<String> opened = web.post("/ui/batches/open", specialist, form.toString());
        assertEquals(303, opened.statusCode(), opened.body());
        String location = opened.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith("/ui/cases/"), location);
        String casePage = web.get(location.replaceFirst("\\?.*", ""), specialist).body();
        assertTrue(casePage.contains("id=\"batch\""), "a batched case shows its batch panel");
        assertTrue(casePage.contains(lineIds.size() + " lines from"), casePage);
        assertTrue(casePage.contains("45 CFR 149.510(c)(3)"));
        // The opened lines are now in an open case: proposing again leaves them out, counted, and with that reason when listed.
        assertTrue(web.get("/ui/batches", specialist).body().contains("already disputed in an open case: "));
        assertTrue(web.get("/ui/batches?excluded=1", specialist).body().contains("already disputed in open case"));
        assertEquals(403, web.get("/ui/batches", web.login("gap.fin", Roles.FINANCE)).statusCode());
    }

    @Test
    void eventFormDeclaresWhichFieldsApplyAndServesItsScript() throws Exception {
        intake.importFixture("x12/acme-self-funded-835.edi");
        String specialist = web.login("gap.ev", Roles.SPECIALIST);
        long caseId = data.openCase("LS03000005", "gap.ev");
        String html = web.get("/ui/cases/" + caseId, specialist).body();
        assertTrue(html.contains("<script src=\"/static/event-form.js\"></script>"));
        assertTrue(html.contains("data-applies=\"money\"") && html.contains("data-applies=\"fee\"") && html.contains("data-applies=\"decision\""));
        assertTrue(html.contains("value=\"FEE_PAID\" data-fields=\"money fee\"") || !html.contains("value=\"FEE_PAID\""));
        HttpResponse<String> js = web.get("/static/event-form.js", null);
        assertEquals(200, js.statusCode());
        assertTrue(js.body().contains("data-applies"));
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private static String packetRow(String html, String type) {
        int at = html.indexOf("data-packet-missing=\"" + type + "\"");
        int dl = html.indexOf("data-packet=\"" + type + "\"");
        int i = at >= 0 ? at : dl;
        return i < 0 ? "" : html.substring(i, Math.min(html.length(), i + 3000));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String URLDecode(String s) {
        return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** A multipart form post as a browser sends it: the CSRF token is a part like any other field. */
    HttpResponse<String> multipart(String path, String cookie, String csrfEncoded, String fileName, byte[] content,
                                   Map<String, String> fields) throws Exception {
        String boundary = "----arbiter" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> all = new LinkedHashMap<>();
        all.put("_csrf", java.net.URLDecoder.decode(csrfEncoded, StandardCharsets.UTF_8));
        all.putAll(fields);
        for (var f : all.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n" + f.getValue() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(web.uri(path)).header("Accept", WebForms.BROWSER_ACCEPT)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Cookie", cookie);
        return web.send(b.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }
}
