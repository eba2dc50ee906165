package io.arbiter.web;

import io.arbiter.security.Roles;
import io.arbiter.support.TestAccounts;
import io.arbiter.support.TestClock;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The claim and case screens show a claim's remittance history with the initial payment that starts the clock. */
@MicronautTest(transactional = false)
class RemittanceHistoryPagesTest {

    @Inject EmbeddedServer server;
    @Inject TestAccounts accounts;
    @Inject io.arbiter.intake.IntakeTestSupport intake;
    @Inject WebTestData data;
    @Inject TestClock clock;

    @Test
    void claimAndCasePagesListInitialReversalCorrectionAndSupplement() throws Exception {
        clock.today(LocalDate.of(2026, 10, 21));
        intake.importFixture("x12/ledger/ledger-initial-835.edi");
        intake.importFixture("x12/ledger/ledger-reversal-835.edi");
        intake.importFixture("x12/ledger/ledger-supplemental-835.edi");
        WebForms web = new WebForms(server, accounts);
        String specialist = web.login("ledger.spec", Roles.SPECIALIST);

        var claimPage = web.get("/ui/claims/" + data.claimId("LG0000001"), specialist);
        assertEquals(200, claimPage.statusCode());
        String html = claimPage.body();
        assertTrue(html.contains("Remittance history"), html);
        assertTrue(html.contains("<span class=\"initial-payment\">09/01/2026</span>"), "initial payment 2026-09-01 shown");
        for (String s : new String[]{"Initial", "Reversal", "Correction", "EFT00260901", "EFT00261020", "\u2212$310.40", "$410.40"}) {
            assertTrue(html.contains(s), s + " on the claim page");
        }

        long caseId = data.openCase("LG0000002", "ledger.spec");
        String casePage = web.get("/ui/cases/" + caseId, specialist).body();
        assertTrue(casePage.contains("Remittance history"), casePage);
        assertTrue(casePage.contains("<span class=\"initial-payment\">09/01/2026</span>"));
        for (String s : new String[]{"Supplemental", "EFT00261020S", "$95.00", "$355.00"}) {
            assertTrue(casePage.contains(s), s + " on the case page");
        }
    }
}
