package io.arbiter.web;

import io.arbiter.cases.DisputeCases;
import io.arbiter.claims.Claim;
import io.arbiter.practice.PlanType;
import io.arbiter.security.Roles;
import io.arbiter.support.ClaimFixtures;
import io.arbiter.support.TestAccounts;
import io.arbiter.support.TestClock;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * /ui/batches over HTTP (issue 21), "today" Tuesday 2026-12-01 (the dates are counted by hand in BatchProposalsTest):
 * a pair received 10/19 and 10/20 must start open negotiation by 12/01 (last day today) and shows its gap; a line
 * received 10/16 (due 11/30) is left out by claim number with the closed window as reason; filters; opening the
 * five-line 64635 proposal lands on its case; a proposal carrying a closed line is refused, not opened overdue.
 */
@MicronautTest(transactional = false)
class BatchesPageTest {

    @Inject EmbeddedServer server;
    @Inject TestAccounts accounts;
    @Inject ClaimFixtures fixtures;
    @Inject TestClock clock;
    @Inject DisputeCases cases;

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    private Claim nsa(String pcn, String code, LocalDate dos, LocalDate paid) {
        return fixtures.oneLineClaim(pcn, "PECOS VALLEY HEALTH", "PECOSV", PlanType.SELF_FUNDED_ERISA, null, code, "2400.00", "336.00",
                dos, paid, "24", "752041000", "M5416", List.of("N865", "N877", "N830"));
    }

    private static LocalDate d(int month, int day) {
        return LocalDate.of(2026, month, day);
    }

    @Test
    void proposalsWithDeadlinesExclusionsByClaimNumberFiltersAndOpening() throws Exception {
        clock.today(d(12, 1));
        Claim a = nsa("LSPG001", "64483", d(10, 1), d(10, 19));
        nsa("LSPG002", "64483", d(10, 2), d(10, 20));
        Claim closed = nsa("LSPG003", "64483", d(10, 3), d(10, 16));
        List<Long> five = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            five.add(fixtures.firstLine(nsa("LSPG01" + i, "64635", d(10, 12 + i), d(10, 26 + i))).id());
        }
        WebForms web = new WebForms(server, accounts);
        String cookie = web.login("bp.specialist", Roles.SPECIALIST);
        String mine = "/ui/batches?payer=" + a.payerId();

        String page = web.get(mine, cookie).body();
        assertTrue(page.contains("2</strong> proposals"), page);
        int soon = page.indexOf("Start open negotiation by 12/01/2026");
        int later = page.indexOf("Start open negotiation by 12/08/2026");
        assertTrue(soon > 0 && soon < later, "soonest deadline first");
        assertTrue(page.contains("last day today") && page.contains("7 days left"), page);
        assertTrue(page.contains("served 10/01/2026 – 10/02/2026") && page.contains("window ends 11/13/2026"), "service window");
        assertTrue(page.contains("gap not priced (no underpayment finding on its lines)") && page.contains("not priced</td>"),
                "no finding: not priced");
        assertTrue(page.contains("Lines left out (1)") && page.contains("open-negotiation window closed: 1"), page);
        assertFalse(page.contains("id=\"excluded\""), "the left-out lines are listed on request");
        String left = web.get(mine + "&excluded=1", cookie).body();
        assertTrue(left.contains("href=\"/ui/claims/" + closed.id() + "\">LSPG003</a></td><td>1</td><td>64483</td>\n<td>10/03/2026</td>"),
                "left out by claim number, line, code and date: " + left);
        assertFalse(left.contains("claim " + closed.id() + "<"), "never the internal id as text");
        assertTrue(left.contains("open negotiation had to start by 2026-11-30 (30 business days from the payment received 2026-10-16); "
                + "the federal IDR window has closed"), left);
        assertFalse(page.contains("name=\"lineId\" value=\"" + fixtures.firstLine(closed).id() + "\""), "a closed line is never offered");

        String byCode = web.get(mine + "&code=64635", cookie).body();
        assertTrue(byCode.contains("1</strong> proposal") && byCode.contains("64635 · PECOS VALLEY HEALTH · 5 lines"), byCode);
        assertFalse(byCode.contains("LSPG001"), "filtered by code");
        String byWindow = web.get(mine + "&from=2026-10-10&to=2026-10-31", cookie).body();
        assertTrue(byWindow.contains("64635 · PECOS VALLEY HEALTH") && !byWindow.contains("64483 · PECOS"), "filtered by service dates");
        assertTrue(web.get(mine + "&from=someday", cookie).body().contains("Served from: &#39;someday&#39; is not a date"), "bad date");

        // a proposal whose first line closed since the page was shown is refused
        HttpResponse<String> refused = web.post("/ui/batches/open", cookie, "_csrf=" + WebForms.csrf(page) + "&lineId="
                + fixtures.firstLine(closed).id() + "&lineId=" + fixtures.firstLine(a).id());
        assertEquals(303, refused.statusCode());
        String where = URLDecoder.decode(refused.headers().firstValue("Location").orElse(""), StandardCharsets.UTF_8);
        assertTrue(where.startsWith("/ui/batches?error=") && where.contains("2026-11-30"), where);

        HttpResponse<String> opened = web.post("/ui/batches/open", cookie, "_csrf=" + WebForms.csrf(page)
                + five.stream().map(id -> "&lineId=" + id).collect(Collectors.joining()));
        assertEquals(303, opened.statusCode());
        String location = opened.headers().firstValue("Location").orElse("");
        assertTrue(location.startsWith("/ui/cases/"), location);
        long caseId = Long.parseLong(location.substring("/ui/cases/".length(), location.indexOf('?')));
        var dc = cases.findById(caseId).orElseThrow();
        assertTrue(dc.isBatched());
        assertEquals(d(12, 8), dc.getNextDeadlineDate(), "open negotiation due 12/08: not overdue");
        String casePage = web.get("/ui/cases/" + caseId, cookie).body();
        assertFalse(casePage.contains("at least two line items"), "the batch was screened with its five items");
        assertFalse(casePage.contains(">overdue<"), "no overdue deadline");

        String forAttorney = web.get("/ui/batches", web.login("bp.attorney", Roles.ATTORNEY)).body();
        assertTrue(forAttorney.contains("You do not have access to this page"), forAttorney);
    }
}
