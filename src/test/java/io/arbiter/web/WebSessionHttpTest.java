package io.arbiter.web;

import io.arbiter.security.Roles;
import io.arbiter.support.TestAccounts;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Login, cookie, CSRF and logout at the HTTP level (what the browser test relies on, checked header by header). */
@MicronautTest(transactional = false)
class WebSessionHttpTest {

    @Inject EmbeddedServer server;
    @Inject TestAccounts accounts;
    @Inject io.arbiter.intake.IntakeTestSupport intake;
    @Inject WebTestData data;
    @Inject io.arbiter.support.ClaimFixtures claims;

    WebForms web;

    @BeforeEach
    void forms() {
        web = new WebForms(server, accounts);
    }

    @Test
    void loginSetsAStrictHttpOnlyCookieAndFormsNeedTheCsrfToken() throws Exception {
        accounts.ensure("web.spec", "pw-web-spec-1", Roles.SPECIALIST);
        HttpResponse<String> anonymous = web.get("/ui/queue", null);
        assertEquals(303, anonymous.statusCode() / 100 == 3 ? 303 : anonymous.statusCode(), anonymous.body());
        assertEquals("/", anonymous.headers().firstValue("Location").orElse("").replaceFirst("^https?://[^/]+", ""));

        HttpResponse<String> wrong = web.post("/ui/login", null, "username=web.spec&password=nope");
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.body().contains("The username or password is not right."));

        HttpResponse<String> ok = web.post("/ui/login", null, "username=web.spec&password=pw-web-spec-1");
        assertEquals(303, ok.statusCode(), ok.body());
        assertEquals("/ui/queue", ok.headers().firstValue("Location").orElseThrow());
        String setCookie = ok.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.startsWith("JWT="), setCookie);
        assertTrue(setCookie.toLowerCase().contains("httponly") && setCookie.contains("SameSite=Strict"), setCookie);
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        HttpResponse<String> queue = web.get("/ui/queue", cookie);
        assertEquals(200, queue.statusCode(), queue.body());
        assertTrue(queue.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(queue.body());
        assertTrue(csrf.find(), "every page carries the CSRF token for its forms");

        HttpResponse<String> forged = web.post("/ui/logout", cookie, "_csrf=forged");
        assertEquals(403, forged.statusCode(), "a form without the session's CSRF token is refused");

        HttpResponse<String> out = web.post("/ui/logout", cookie, "_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8));
        assertEquals(303, out.statusCode());
        String cleared = out.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cleared.startsWith("JWT=;") && cleared.contains("Max-Age=0"), cleared);
    }

    /** Each role reaches its own pages only; attorneys get 404 for cases not shared with them; the cookie never opens the API. */
    @Test
    void eachRoleSeesOnlyItsPages() throws Exception {
        intake.importFixture("x12/acme-self-funded-835.edi");
        String specialist = web.login("phi.spec", Roles.SPECIALIST);
        long caseId = data.openCase("LS03000005", "phi.spec");
        String caseNumber = data.caseNumber(caseId);
        long claimId = data.claimId("LS03000005");
        String attorney = web.login("phi.att", Roles.ATTORNEY);
        String finance = web.login("phi.fin", Roles.FINANCE);
        String admin = web.login("phi.admin", Roles.ADMIN);

        for (String page : java.util.List.of("/ui/queue", "/ui/claims", "/ui/claims/" + claimId, "/ui/imports", "/ui/cases/" + caseId)) {
            HttpResponse<String> r = web.get(page, specialist);
            assertEquals(200, r.statusCode(), page);
        }
        assertTrue(web.get("/ui/claims/" + claimId, specialist).body().contains("LS03000005"));
        for (String page : java.util.List.of("/ui/finance", "/ui/admin", "/ui/attorney")) {
            assertEquals(403, web.get(page, specialist).statusCode(), "specialist " + page);
        }

        for (String page : java.util.List.of("/ui/queue", "/ui/claims", "/ui/claims/" + claimId, "/ui/imports", "/ui/imports/1",
                "/ui/finance", "/ui/finance/recoveries.csv", "/ui/admin")) {
            assertEquals(403, web.get(page, attorney).statusCode(), "attorney " + page);
        }
        HttpResponse<String> hidden = web.get("/ui/cases/" + caseId, attorney);
        assertEquals(404, hidden.statusCode(), "an unshared case does not exist for the attorney");
        assertTrue(hidden.body().contains("Not found") && !hidden.body().contains(caseNumber), "an HTML page that names nothing");
        assertEquals(404, web.get("/ui/cases/" + caseId + "/packets/OPEN_NEGOTIATION_NOTICE.pdf", attorney).statusCode());
        HttpResponse<String> room = web.get("/ui/attorney", attorney);
        assertEquals(200, room.statusCode());
        assertTrue(!room.body().contains(caseNumber) && !room.body().contains("LS0300"), "no unshared case or claim number in the packet room");
        assertEquals(303, web.get("/api/v1/claims/" + claimId, attorney).statusCode(),
                "the browser cookie is not an API credential: unauthenticated, sent to the login page");

        for (String page : java.util.List.of("/ui/queue", "/ui/claims", "/ui/claims/" + claimId, "/ui/imports", "/ui/admin", "/ui/attorney")) {
            assertEquals(403, web.get(page, finance).statusCode(), "finance " + page);
        }
        HttpResponse<String> dashboard = web.get("/ui/finance", finance);
        assertEquals(200, dashboard.statusCode());
        assertTrue(!dashboard.body().contains("LS0300"), "the dashboard shows totals, not claims");
        assertEquals(303, web.get("/api/v1/reports/recoveries", finance).statusCode(), "the cookie does not open the API");

        HttpResponse<String> adminPage = web.get("/ui/admin", admin);
        assertEquals(200, adminPage.statusCode());
        String csrf = web.csrf(adminPage.body());
        HttpResponse<String> created = web.post("/ui/admin/users", admin, "_csrf=" + csrf
                + "&username=new.attorney&displayName=New+Attorney&password=long-enough-password-1&role=ATTORNEY");
        assertEquals(303, created.statusCode());
        assertTrue(created.headers().firstValue("Location").orElse("").contains("created"), created.headers().map().toString());
        assertEquals(303, web.post("/ui/login", null, "username=new.attorney&password=long-enough-password-1").statusCode(),
                "the new user can sign in");
        // a specialist must be given the practices they work for
        HttpResponse<String> unscoped = web.post("/ui/admin/users", admin, "_csrf=" + csrf
                + "&username=new.specialist&password=long-enough-password-1&role=SPECIALIST");
        assertTrue(java.net.URLDecoder.decode(unscoped.headers().firstValue("Location").orElse(""), java.nio.charset.StandardCharsets.UTF_8)
                .contains("practiceIds"), unscoped.headers().map().toString());
        java.util.regex.Matcher practice = java.util.regex.Pattern.compile("name=\"practiceId\" value=\"(\\d+)\"> ([^<]+)<")
                .matcher(adminPage.body());
        assertTrue(practice.find(), "the form offers the practices");
        HttpResponse<String> scoped = web.post("/ui/admin/users", admin, "_csrf=" + csrf
                + "&username=new.specialist&password=long-enough-password-1&role=SPECIALIST&practiceId=" + practice.group(1));
        assertTrue(scoped.headers().firstValue("Location").orElse("").contains("created"), scoped.headers().map().toString());
        assertTrue(web.get("/ui/admin", admin).body().contains("<td>new.specialist</td><td></td><td>SPECIALIST</td><td>"
                + practice.group(2).trim() + "</td>"), "the user list shows the practice");
        // the calendar feed address is shown once, absolute, on the page that made it — never in a URL
        HttpResponse<String> token = web.post("/ui/calendar", admin, "_csrf=" + csrf + "&action=rotate");
        assertEquals(200, token.statusCode());
        assertTrue(token.headers().firstValue("Location").isEmpty(), "no redirect carrying the token");
        java.util.regex.Matcher feed = java.util.regex.Pattern.compile("id=\"cal-url\" class=\"mono wide\" readonly value=\"(http://localhost:\\d+)(/calendar/[^\"]+\\.ics)\"")
                .matcher(token.body());
        assertTrue(feed.find(), token.body());
        assertEquals(200, web.get(feed.group(2), null).statusCode(), "the address works");
        assertTrue(web.get("/ui/calendar", admin).body().contains("A feed address is active"), "and is not shown again");
        assertEquals(403, web.post("/ui/admin/users", admin, "_csrf=wrong&username=x.y.z&password=long-enough-password-1&role=ADMIN")
                .statusCode());
    }

    @org.junit.jupiter.api.Test
    void claimListPagesWithASearchTermInTheLinks() throws Exception {
        // more claims than one page holds, so the pager's links (which URL-encode the search) render
        for (int i = 0; i < 55; i++) {
            claims.oneLineClaim(String.format("LSPAGE%03d", i), "ACME HEALTH PLAN", "ACME1", io.arbiter.practice.PlanType.SELF_FUNDED_ERISA,
                    null, "64483", "2400.00", "336.00", java.time.LocalDate.of(2026, 9, 1), java.time.LocalDate.of(2026, 9, 21), "24",
                    "752041000", "M5416", java.util.List.of());
        }
        String specialist = web.login("page.spec", Roles.SPECIALIST);
        HttpResponse<String> first = web.get("/ui/claims", specialist);
        assertEquals(200, first.statusCode(), first.body());
        assertTrue(first.body().contains("Next"), "a pager when the claims fill more than one page");
        HttpResponse<String> second = web.get("/ui/claims?page=1&q=" + URLEncoder.encode("São José", StandardCharsets.UTF_8), specialist);
        assertEquals(200, second.statusCode(), second.body());
    }
}
