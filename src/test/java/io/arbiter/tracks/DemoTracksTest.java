package io.arbiter.tracks;

import io.arbiter.rules.Track;
import io.arbiter.intake.IntakeTestSupport;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bundled demo file of issue 14 (demo/x12/tracks-situations-835.edi) shows each corrected situation with its track and reason. */
@MicronautTest(transactional = false)
class DemoTracksTest {

    @Inject
    IntakeTestSupport intake;

    @Inject
    TrackFactsService facts;

    @Inject
    TrackSelector selector;

    @BeforeEach
    void clean() {
        intake.wipe();
    }

    private TrackDecision decision(String pcn) {
        return selector.select(facts.factsFor(intake.claimId(pcn)));
    }

    private static String text(TrackDecision d) {
        return d.reasons().stream().map(TrackDecision.Reason::text).reduce("", (a, b) -> a + " | " + b);
    }

    @Test
    void demoClaimsShowStateLawErVaAndMedicalNecessityWithTheRightTrackAndReason() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/demo/x12/tracks-situations-835.edi")) {
            assertEquals("COMPLETED", intake.importBytes("tracks-situations-835.edi", in.readAllBytes()).status());
        }
        TrackDecision stateLawEr = decision("LS14000001");
        assertEquals(Track.TEXAS_ARBITRATION, stateLawEr.track(), text(stateLawEr));
        assertEquals(TrackDecision.Status.DECIDED, stateLawEr.status());
        assertTrue(text(stateLawEr).contains("N883") && text(stateLawEr).contains("place of service 23"), text(stateLawEr));

        TrackDecision n830Only = decision("LS14000002");
        assertEquals(TrackDecision.Status.NEEDS_FACTS, n830Only.status(), text(n830Only));
        assertEquals(ClaimFact.PLAN_TYPE, n830Only.missingFacts().get(0).fact());

        TrackDecision va = decision("LS14000003");
        assertEquals(Track.NOT_DISPUTABLE, va.track());
        assertTrue(text(va).contains("filing indicator is VA"), text(va));

        TrackDecision necessity = decision("LS14000004");
        assertEquals(Track.COMMERCIAL_APPEAL, necessity.track(), text(necessity));
        assertTrue(text(necessity).contains("CARC 50") && text(necessity).contains("N115"), text(necessity));
    }
}
