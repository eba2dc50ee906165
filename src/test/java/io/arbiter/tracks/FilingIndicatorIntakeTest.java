package io.arbiter.tracks;

import io.arbiter.rules.Track;
import io.arbiter.intake.IntakeTestSupport;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14 item 5 end to end: intake keeps the claim filing indicator (837P SBR09, overridden by the payer's 835
 * CLP06), and a VA / OF / LM claim is not routed to federal IDR whatever the NSA remark codes say.
 */
@MicronautTest(transactional = false)
class FilingIndicatorIntakeTest {

    @Inject
    IntakeTestSupport support;

    @Inject
    TrackFactsService facts;

    @Inject
    TrackSelector selector;

    @BeforeEach
    void clean() {
        support.wipe();
    }

    @Test
    void clp06VeteransAffairsOtherFederalAndLiabilityClaimsAreNotFederalIdr() {
        support.importFixture("x12/acme-self-funded-837p.edi");
        long claim1 = support.claimId("LS03000001");
        assertEquals(1, support.count("SELECT COUNT(*) FROM claim WHERE id = ? AND claim_filing_indicator = 'CI'", claim1),
                "the 837P's SBR09 is kept");
        String era = IntakeTestSupport.text("x12/acme-self-funded-835.edi")
                .replace("*12*ERA0030000002*", "*VA*ERA0030000002*")
                .replace("*12*ERA0030000005*", "*OF*ERA0030000005*")
                .replace("*12*ERA0030000006*", "*LM*ERA0030000006*");
        support.importBytes("acme-va-of-lm-835.edi", era.getBytes(StandardCharsets.UTF_8));
        assertEquals(1, support.count("SELECT COUNT(*) FROM claim WHERE id = ? AND claim_filing_indicator = '12'", claim1),
                "the payer's CLP06 wins over the 837P");
        String[][] expected = {{"LS03000002", "VA"}, {"LS03000005", "OF"}, {"LS03000006", "LM"}};
        for (String[] e : expected) {
            long id = support.claimId(e[0]);
            TrackFacts f = facts.factsFor(id);
            assertEquals(e[1], f.claimFilingIndicator());
            TrackDecision d = selector.select(f);
            assertEquals(Track.NOT_DISPUTABLE, d.track(), e[0] + " " + d.reasons());
            assertTrue(d.reasons().get(0).text().contains("filing indicator is " + e[1]), d.reasons().toString());
        }
        // a PPO claim of the same file keeps its NSA track
        assertTrue(selector.select(facts.factsFor(claim1)).reasons().stream().noneMatch(r -> r.text().contains("filing indicator is")));
    }
}
