package io.arbiter.packets;

import io.arbiter.common.Citation;
import io.arbiter.packets.model.PacketContext;
import io.arbiter.packets.model.PacketContext.Deadline;
import io.arbiter.packets.model.PacketContext.KeyDates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an outgoing packet says: primary citations only, dates and wording that fit the case's stage, nothing against the client. */
class PacketWordingTest {

    static final PacketRenderer RENDERER = PacketRenderingTest.RENDERER;
    /** primary-sources.md: the statute, regulation and agency pages an outgoing document may cite. */
    static final List<String> PRIMARY = List.of("https://uscode.house.gov/", "https://www.ecfr.gov/", "https://www.federalregister.gov/d/",
            "https://www.cms.gov/", "https://statutes.capitol.texas.gov/", "https://www.law.cornell.edu/regulations/texas/28-Tex-Admin-Code-",
            "https://x12.org/codes/");

    /**
     * The fixtures carry secondary citations where a case really has them (deadline citations to fhas.com and
     * findlaw.com, a denial playbook citing immedicaresolutions.com): none may reach the page, nor "unverified".
     */
    @ParameterizedTest
    @EnumSource(PacketType.class)
    void everyPacketCitesOnlyPrimarySourcesAndNeverSaysUnverified(PacketType type) throws Exception {
        for (PacketContext ctx : List.of(PacketFixtures.forType(type), PacketFixtures.longest(type))) {
            String compact = new PdfInspector(RENDERER.render(type, ctx).pdf()).compactText();
            assertFalse(compact.toLowerCase(Locale.ROOT).contains("unverified"), type + " prints 'unverified'");
            for (String secondary : List.of("fhas.com", "findlaw", "immedicare", "coralberry", "dateas", "lysco", "casetext",
                    "public.law", "justia", "elaws", "tcjl", "omb.report")) {
                assertFalse(compact.contains(secondary), type + " cites a secondary page: " + secondary);
            }
            Matcher m = Pattern.compile("https?://").matcher(compact);
            int links = 0;
            while (m.find()) {
                String from = compact.substring(m.start());
                links++;
                assertTrue(PRIMARY.stream().anyMatch(from::startsWith), type + " prints a link that is not a primary source: "
                        + from.substring(0, Math.min(80, from.length())));
            }
            assertTrue(links > 0, type + " cites its rule with a primary source link");
        }
    }

    @Test
    void openNegotiationNoticeIsDatedTheDayOpenNegotiationStartedAndSpeaksFromThatDay() throws Exception {
        // Downloaded on 01/10/2027, after open negotiation (started 11/02/2026) ended on 12/14/2026: the notice is the
        // one that started it, so it is dated 11/02/2026 and its deadlines read as ahead of it.
        PacketContext late = at(LocalDate.of(2027, 1, 10), null);
        String text = new PdfInspector(RENDERER.render(PacketType.OPEN_NEGOTIATION_NOTICE, late).pdf()).allText();
        assertTrue(text.contains("Date of this notice: 11/02/2026"), text);
        assertFalse(text.contains("01/10/2027"), "not dated the day it was downloaded");
        assertTrue(text.contains("Open negotiation ends 12/14/2026"), text);
        assertFalse(text.contains("ended"), text);
        assertTrue(text.contains("Date: 11/02/2026"), "signed on the notice's date: " + text);
    }

    @Test
    void dataSheetWordingFollowsTheStage() throws Exception {
        // While open negotiation is still running (today 11/25/2026, ends 12/14/2026, IDR not initiated)
        PacketContext during = at(LocalDate.of(2026, 11, 25), null);
        String before = new PdfInspector(RENDERER.render(PacketType.IDR_INITIATION_DATA_SHEET, during).pdf()).allText();
        assertTrue(before.contains("Open negotiation ends 12/14/2026"), before);
        assertFalse(before.contains("ended"), before);
        assertFalse(before.contains("(passed)"), before);

        // After IDR was initiated on 12/17/2026: the sheet is dated that day; negotiation ended 12/14, the last day
        // to initiate (12/18) had not passed.
        PacketContext after = at(LocalDate.of(2027, 1, 10), LocalDate.of(2026, 12, 17));
        String later = new PdfInspector(RENDERER.render(PacketType.IDR_INITIATION_DATA_SHEET, after).pdf()).allText();
        assertTrue(later.contains("Open negotiation ended 12/14/2026"), later);
        assertFalse(later.contains("(passed)"), later);
        assertTrue(later.contains("Date: 12/17/2026"), later);

        // Generated after the initiation deadline without an initiation: the deadline reads as passed.
        PacketContext missed = at(LocalDate.of(2026, 12, 21), null);
        String lapsed = new PdfInspector(RENDERER.render(PacketType.IDR_INITIATION_DATA_SHEET, missed).pdf()).allText();
        assertTrue(lapsed.contains("12/18/2026 (passed)"), lapsed);
    }

    @Test
    void stageLabelsTurnToThePastOnceTheDateHasGone() {
        assertTrue(PacketDataModel.stageLabel("Open negotiation ends", true).equals("Open negotiation ended"));
        assertTrue(PacketDataModel.stageLabel("IDR initiation due", true).equals("IDR initiation was due"));
        assertTrue(PacketDataModel.stageLabel("IDR initiation due", false).equals("IDR initiation due"));
    }

    @Test
    void texasFactorsStateOnlyWhatThePracticeEntered() throws Exception {
        PacketContext ctx = PacketFixtures.forType(PacketType.TEXAS_ARBITRATION_REQUEST);
        String compact = new PdfInspector(RENDERER.render(PacketType.TEXAS_ARBITRATION_REQUEST, ctx).pdf()).compactText();
        // nobody entered a billed-charge comparison or the practice's usual charges: no factor 1 or 3 assertion
        assertFalse(compact.contains("againstan80thpercentile"), compact);
        assertFalse(compact.contains("standardcharges"), compact);
        assertFalse(compact.contains("Notasserted"), compact);
        // what was entered or imported is stated: training (entered), the 50th percentile total 980 + 150 = 1,130
        assertTrue(compact.contains("board-certifiedinanesthesiology"), compact);
        assertTrue(compact.contains("$1,130.00"), compact);
    }

    /** The fixture case seen on a given day, with the deadline labels the deadline engine gives them. */
    static PacketContext at(LocalDate today, LocalDate idrInitiated) {
        PacketContext base = PacketFixtures.context(PacketContext.Track.FEDERAL_IDR);
        KeyDates d = base.dates();
        Citation c = Citation.of("42 U.S.C. 300gg-111(c)(1)", "https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-title42-section300gg-111");
        KeyDates dates = new KeyDates(d.initialPaymentReceived(), d.openNegotiationStarted(), idrInitiated, null, null, null,
                null, null, null, null, List.of(
                new Deadline("OPEN_NEGOTIATION_ENDS", PacketContextFactory.label("OPEN_NEGOTIATION_ENDS"), LocalDate.of(2026, 12, 14), c),
                new Deadline("IDR_INITIATION_DUE", PacketContextFactory.label("IDR_INITIATION_DUE"), LocalDate.of(2026, 12, 18), c)));
        return new PacketContext(base.caseNumber(), base.track(), today, base.practice(), base.payer(), base.patient(),
                base.claim(), base.lines(), base.money(), dates, base.idr(), base.arguments(), base.denial(), base.exhibits());
    }
}
