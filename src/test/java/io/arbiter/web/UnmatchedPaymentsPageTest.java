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
 * Finance's unmatched-payments screen (issue 17). recon-edges-initial-835.edi denies RE0000005 (62323, 1,800.00, CO-50);
 * recon-award-payments-835.edi then brings the 12.34 of interest a payer added with a PLB L6 line and, for RC0000001 —
 * a claim Arbiter never saw — a reversal of 268.80 and a corrected claim of 2,032.80: 1,764.00 queued as an unknown
 * claim. On the page: an unknown case number is refused, the 1,764.00 is assigned to the denied claim by its number
 * (RE0000005 recovers 1,764.00 of its 1,800.00), the interest is dismissed with a note, the queue is empty.
 * Specialists do not reach the screen.
 */
@MicronautTest(transactional = false)
@io.micronaut.context.annotation.Property(name = "arbiter.intake.commercial-plan-type", value = "SELF_FUNDED_ERISA")
class UnmatchedPaymentsPageTest {

    @Inject EmbeddedServer server;
    @Inject TestAccounts accounts;
    @Inject IntakeTestSupport intake;
    @Inject io.arbiter.denials.DenialService denials;

    private static final Pattern ROW = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern ACTION = Pattern.compile("action=\"(/ui/finance/unmatched/\\d+/resolve)\"");

    /** The resolve address of the row that contains {@code text}. */
    private static String resolveOf(String page, String text) {
        Matcher row = ROW.matcher(page);
        while (row.find()) {
            if (row.group(1).contains(text)) {
                Matcher a = ACTION.matcher(row.group(1));
                assertTrue(a.find(), row.group(1));
                return a.group(1);
            }
        }
        throw new AssertionError("no row with " + text + " in " + page);
    }

    @Test
    void financeAssignsAnUnknownClaimToADeniedClaimAndDismissesInterestOnThePage() throws Exception {
        intake.wipe();
        assertEquals("COMPLETED", intake.importFixture("x12/reconciliation/recon-edges-initial-835.edi").status());
        denials.sync(null);
        assertEquals("COMPLETED", intake.importFixture("x12/reconciliation/recon-award-payments-835.edi").status());
        WebForms web = new WebForms(server, accounts);
        String finance = web.login("um.finance", Roles.FINANCE);
        String page = web.get("/ui/finance/unmatched", finance).body();
        assertTrue(page.contains("$12.34") && page.contains("EFT20270205") && page.contains("Provider adjustment"), page);
        assertTrue(page.contains("$1,764.00") && page.contains("Unknown claim") && page.contains("claim RC0000001 was first seen"), page);
        String unknownClaim = resolveOf(page, "Unknown claim");

        HttpResponse<String> unknown = web.post(unknownClaim, finance, "_csrf=" + WebForms.csrf(page) + "&action=assign&caseNumber=ARB-1999-99999");
        String back = URLDecoder.decode(unknown.headers().firstValue("Location").orElseThrow(), StandardCharsets.UTF_8);
        assertTrue(back.contains("No case numbered ARB-1999-99999"), back);
        HttpResponse<String> tooMuch = web.post(unknownClaim, finance, "_csrf=" + WebForms.csrf(page) + "&action=denial&deniedClaimNumber=RE0000001");
        assertTrue(URLDecoder.decode(tooMuch.headers().firstValue("Location").orElseThrow(), StandardCharsets.UTF_8)
                .contains("claim RE0000001 has 0.00 of denied lines left to recover"), "a paid claim has no denial to recover");
        assertTrue(web.get("/ui/finance/unmatched", finance).body().contains("$1,764.00"), "still waiting");

        HttpResponse<String> toDenial = web.post(unknownClaim, finance, "_csrf=" + WebForms.csrf(page) + "&action=denial&deniedClaimNumber=re0000005");
        assertEquals(303, toDenial.statusCode());
        assertTrue(URLDecoder.decode(toDenial.headers().firstValue("Location").orElseThrow(), StandardCharsets.UTF_8).contains("Assigned."));
        assertEquals(1, intake.count("SELECT COUNT(*) FROM denial WHERE status = 'RECOVERED' AND recovered_amount = 1764.00"),
                "RE0000005's denial recovered the 1,764.00");

        HttpResponse<String> dismissed = web.post(resolveOf(page, "$12.34"), finance,
                "_csrf=" + WebForms.csrf(page) + "&action=dismiss&note=interest+booked+by+hand");
        assertEquals(303, dismissed.statusCode());
        String after = web.get("/ui/finance/unmatched", finance).body();
        assertFalse(after.contains("$12.34") || after.contains("$1,764.00"), after);
        assertTrue(after.contains("id=\"none-unmatched\""));

        String specialist = web.login("um.specialist", Roles.SPECIALIST);
        assertEquals(403, web.get("/ui/finance/unmatched", specialist).statusCode());
    }

    @Inject io.arbiter.support.TestClock clock;
    @Inject @io.micronaut.http.client.annotation.Client("/") io.micronaut.http.client.HttpClient http;

    /**
     * RE0000004's award (2,100.00 decided 2027-01-12; 1,764.00 owed) got two paper checks of 500.00 typed in, 01/25 and
     * 02/01; an 835 of 500.00 on 02/05 may be either, so it waits. The row offers each typed-in payment; finance picks
     * the 02/01 one: confirmed by the 835, nothing added (1,000.00 received).
     */
    @Test
    void financeConfirmsWhichTypedInPaymentAnRemittanceIs() throws Exception {
        intake.wipe();
        io.micronaut.http.client.BlockingHttpClient client = http.toBlocking();
        io.arbiter.support.CaseApi api = new io.arbiter.support.CaseApi(client, accounts.token(client, Roles.SPECIALIST), clock);
        try {
            clock.today(java.time.LocalDate.of(2026, 10, 9));
            api.importFixture("reconciliation/recon-edges-initial-835.edi");
            long caseId = api.openId(api.claimId("RE0000004"), "2026-10-09");
            api.event(caseId, "OPEN_NEGOTIATION_STARTED", "2026-10-15", null);
            api.event(caseId, "IDR_INITIATED", "2026-11-30", null);
            api.event(caseId, "IDRE_SELECTED", "2026-12-03", null);
            api.event(caseId, "OFFER_SUBMITTED", "2026-12-10", "2100.00");
            api.event(caseId, "DETERMINATION_ISSUED", "2027-01-12", "2100.00");
            api.event(caseId, "PAYMENT_RECEIVED", "2027-01-25", "500.00");
            api.event(caseId, "PAYMENT_RECEIVED", "2027-02-01", "500.00");
            clock.today(java.time.LocalDate.of(2027, 2, 6));
            api.importFixture("reconciliation/recon-edges-payments-835.edi");

            WebForms web = new WebForms(server, accounts);
            String finance = web.login("um.finance", Roles.FINANCE);
            String page = web.get("/ui/finance/unmatched", finance).body();
            Matcher row = ROW.matcher(page);
            String manualRow = null;
            while (row.find()) {
                if (row.group(1).contains("Possible manual")) {
                    manualRow = row.group(1);
                }
            }
            assertTrue(manualRow != null && manualRow.contains("It is the $500.00 typed in for 01/25/2027")
                    && manualRow.contains("It is the $500.00 typed in for 02/01/2027"), String.valueOf(manualRow));
            Matcher second = Pattern.compile("name=\"manualPaymentId\" value=\"(\\d+)\">\\s*<button type=\"submit\">It is the \\$500.00 typed in for 02/01/2027")
                    .matcher(manualRow);
            assertTrue(second.find(), manualRow);
            HttpResponse<String> confirmed = web.post(resolveOf(page, "Possible manual"), finance,
                    "_csrf=" + WebForms.csrf(page) + "&action=manual&manualPaymentId=" + second.group(1));
            assertEquals(303, confirmed.statusCode());
            assertTrue(URLDecoder.decode(confirmed.headers().firstValue("Location").orElseThrow(), StandardCharsets.UTF_8)
                    .contains("Confirmed as the typed-in payment."));
            assertEquals(1, intake.count("SELECT COUNT(*) FROM case_payment WHERE id = ? AND confirmed_on = DATE '2027-02-05'",
                    Long.valueOf(second.group(1))));
            assertEquals(1000.00, io.arbiter.support.CaseApi.money(api.get(caseId), "paymentsReceived"), 0.001, "nothing added");
            assertFalse(web.get("/ui/finance/unmatched", finance).body().contains("Possible manual"));
        } finally {
            clock.reset();
        }
    }
}
