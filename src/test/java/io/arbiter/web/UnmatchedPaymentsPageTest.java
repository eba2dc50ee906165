package io.arbiter.web;

import io.arbiter.intake.IntakeTestSupport;
import io.arbiter.security.Roles;
import io.arbiter.support.TestAccounts;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Finance's unmatched-payments screen (issue 17): the 12.34 of interest a payer added with a PLB L6 line
 * (recon-award-payments-835.edi) waits there with its trace; an unknown case number is refused on the page; dismissing
 * it with a note empties the queue. Specialists do not reach the screen.
 */
@MicronautTest(transactional = false)
class UnmatchedPaymentsPageTest {

    @Inject EmbeddedServer server;
    @Inject TestAccounts accounts;
    @Inject IntakeTestSupport intake;

    @Test
    void financeSeesAProviderAdjustmentAndResolvesItOnThePage() throws Exception {
        intake.wipe();
        assertEquals("COMPLETED", intake.importFixture("x12/reconciliation/recon-award-payments-835.edi").status());
        WebForms web = new WebForms(server, accounts);
        String finance = web.login("um.finance", Roles.FINANCE);
        String page = web.get("/ui/finance/unmatched", finance).body();
        assertTrue(page.contains("$12.34") && page.contains("EFT20270205") && page.contains("Provider adjustment"), page);
        Matcher id = Pattern.compile("action=\"/ui/finance/unmatched/(\\d+)/resolve\"").matcher(page);
        assertTrue(id.find());
        String resolve = "/ui/finance/unmatched/" + id.group(1) + "/resolve";

        HttpResponse<String> unknown = web.post(resolve, finance, "_csrf=" + WebForms.csrf(page) + "&action=assign&caseNumber=ARB-1999-99999");
        String back = URLDecoder.decode(unknown.headers().firstValue("Location").orElseThrow(), StandardCharsets.UTF_8);
        assertTrue(back.contains("No case numbered ARB-1999-99999"), back);
        assertTrue(web.get("/ui/finance/unmatched", finance).body().contains("$12.34"), "still waiting");

        HttpResponse<String> dismissed = web.post(resolve, finance, "_csrf=" + WebForms.csrf(page) + "&action=dismiss&note=interest+booked+by+hand");
        assertEquals(303, dismissed.statusCode());
        String after = web.get("/ui/finance/unmatched", finance).body();
        assertFalse(after.contains("$12.34"), after);
        assertTrue(after.contains("id=\"none-unmatched\""));

        String specialist = web.login("um.specialist", Roles.SPECIALIST);
        assertEquals(403, web.get("/ui/finance/unmatched", specialist).statusCode());
    }
}
