package io.arbiter.packets;

import io.arbiter.packets.model.PacketContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every packet type renders to a PDF that an independent reader (PDFBox) opens and finds complete. */
class PacketRenderingTest {

    static final PacketRenderer RENDERER = new PacketRenderer(new PacketTemplates(null), PacketRules.fromClasspath());

    /**
     * Values each packet must print, formatted. Sums from PacketFixtures: QPA 612.40 + 88.15 = 700.55;
     * offer 1,450 + 210 = 1,660; billed 2,850 + 475 = 3,325; paid 489.92 + 70.52 = 560.44;
     * 80th billed 2,600 + 420 = 3,020; 50th allowed 980 + 150 = 1,130; MAR 401.22 + 50.17 = 451.39;
     * in dispute 837.60 + 121.85 = 959.45; PIP penalty 12% × 959.45 = 115.134 → $115.13, demand 1,074.58;
     * fees 115 + 475 = 590.
     */
    static final Map<PacketType, List<String>> KEY_VALUES = Map.of(
            PacketType.OPEN_NEGOTIATION_NOTICE, List.of("$1,450.00", "$210.00", "$1,660.00", "$489.92", "12/14/2026",
                    "12/18/2026", "10/27/2026", "64483-RT", "77003-26", "1098765432"),
            PacketType.IDR_INITIATION_DATA_SHEET, List.of("$612.40", "$88.15", "$700.55", "11/02/2026",
                    "Maximus Federal Services", "64483-RT", "Acme Health Insurance Company of Texas"),
            PacketType.OFFER_BRIEF, List.of("$1,660.00", "$700.55", "237%", "$980.00", "$1,130.00", "64483-RT", "11/02/2026"),
            PacketType.FEE_RECEIPT_SUMMARY, List.of("DISP-1234567", "$115.00", "$475.00", "$590.00", "01/05/2027",
                    "C2C Innovative Solutions"),
            PacketType.TEXAS_ARBITRATION_REQUEST, List.of("$3,325.00", "$2,600.00", "$3,020.00", "$1,130.00", "$560.44",
                    "geozip770", "64483-RT", "10/27/2026"),
            PacketType.TEXAS_PIP_DEMAND, List.of("POL-7733412", "$959.45", "$115.13", "$1,074.58", "11/19/2026",
                    "10/20/2026", "07/18/2026", "§1952.157"),
            PacketType.WC_RECONSIDERATION, List.of("$401.22", "$451.39", "$959.45", "GulfCoastLogisticsLLC", "07/18/2026",
                    "11/20/2026", "CO-45"),
            PacketType.WC_MFDR, List.of("5.92adj.RVU×$67.81CF", "$451.39", "$959.45", "$3,325.00", "10/06/2027", "77003-26"),
            PacketType.COMMERCIAL_APPEAL, List.of("CO-197", "N54", "priorauthorizationfor64483", "eviCoreauthorizationletterA-55123", "Retro-authorizationrequest", "Notenclosed",
                    "ExhibitA", "11/03/2026", "$2,850.00"));

    @ParameterizedTest
    @EnumSource(PacketType.class)
    void everyPacketOpensWithBookmarksBatesOnEveryPageAndKeyValues(PacketType type) throws Exception {
        PacketContext ctx = PacketFixtures.forType(type);
        RenderedPacket packet = RENDERER.render(type, ctx);
        PdfInspector pdf = new PdfInspector(packet.pdf());

        assertEquals(packet.pageCount(), pdf.pageCount);
        int bodyPages = pdf.bookmarks.stream().filter(b -> b.title().equals(PacketRenderer.EXHIBITS_BOOKMARK))
                .mapToInt(b -> b.page() - 1).findFirst().orElse(pdf.pageCount);
        for (int i = 1; i <= pdf.pageCount; i++) {
            String text = pdf.pageTexts.get(i - 1);
            assertTrue(text.contains(String.format("LSSP%06d", i)), "Bates number on page " + i);
            assertTrue(text.contains("Page " + i + " of " + pdf.pageCount), "page number on page " + i);
            assertTrue(text.contains("Case CASE-2026-0042"), "case number on page " + i);
        }
        // cover and contents only for a body of three or more pages (a one-page notice goes out as one page)
        if (bodyPages >= PacketRenderer.COVER_MIN_PAGES) {
            assertEquals("Cover page", pdf.bookmarks.get(0).title());
            assertEquals(1, pdf.bookmarks.get(0).page());
            assertEquals("Table of contents", pdf.bookmarks.get(1).title());
            assertEquals(2, pdf.bookmarks.get(1).page());
        } else {
            assertFalse(pdf.titles().contains("Cover page"), type + " has " + bodyPages + " body page(s): " + pdf.titles());
            assertFalse(pdf.titles().contains("Table of contents"), pdf.titles().toString());
        }
        assertTrue(pdf.bookmarks.size() >= 2, "a bookmark per section: " + pdf.titles());
        assertEquals(packet.bookmarks(), pdf.titles());
        for (var b : pdf.bookmarks) {
            assertTrue(b.page() >= 1 && b.page() <= pdf.pageCount, "bookmark " + b + " targets a real page");
        }
        String compact = pdf.compactText();
        assertTrue(compact.contains(PacketFixtures.CLAIM_NO), "claim number");
        assertTrue(compact.contains("10/06/2026"), "date of service in US format");
        for (String v : KEY_VALUES.get(type)) {
            assertTrue(compact.contains(v.replaceAll("\\s+", "")), type + " shows " + v);
        }
        assertTrue(packet.templateVersion().matches("sha256:[0-9a-f]{16}"));
    }

    @Test
    void tableOfContentsShowsTheSectionsPage() throws Exception {
        RenderedPacket packet = RENDERER.render(PacketType.OFFER_BRIEF, PacketFixtures.forType(PacketType.OFFER_BRIEF));
        PdfInspector pdf = new PdfInspector(packet.pdf());
        int page = pdf.bookmark("Coding justification").page();
        // The contents line ends with the page Flying Saucer counted for the section (leader dots between).
        assertTrue(pdf.pageTexts.get(1).matches("(?s).*Coding justification[ .]*" + page + "\\s.*"), pdf.pageTexts.get(1));
        assertTrue(pdf.pageTexts.get(page - 1).contains("Coding justification"));
    }

    @Test
    void offerBriefNeverPresentsBilledChargesOrMedicareBasedAmounts() throws Exception {
        RenderedPacket packet = RENDERER.render(PacketType.OFFER_BRIEF, PacketFixtures.forType(PacketType.OFFER_BRIEF));
        String text = new PdfInspector(packet.pdf()).compactText();
        // billed 2,850 / 475 / total 3,325; 80th-percentile billed 2,600 / 420; "expected" 1,380 / 190;
        // MAR (Medicare-based) 401.22 / 50.17 — none may appear (42 U.S.C. 300gg-111(c)(5)(D)).
        for (String amount : List.of("$2,850.00", "$475.00", "$3,325.00", "$2,600.00", "$420.00", "$1,380.00",
                "$190.00", "$401.22", "$50.17")) {
            assertFalse(text.contains(amount), "offer brief must not show " + amount);
        }
        assertFalse(text.contains("Billed"), "no billed-charge column");
        // the only mention of billing is the cited rule itself ("...the amount the provider would have billed...")
        assertEquals(1, text.split("billed", -1).length - 1, text);
        assertTrue(text.contains("300gg-111(c)(5)(D)"), "cites the prohibited-factors rule");
    }

    @Test
    void packetsPrintZipPlusFourIcd10WithItsDotAndPlanTypesAsWords() throws Exception {
        PacketContext base = PacketFixtures.forType(PacketType.OFFER_BRIEF);
        var py = base.payer();
        var c = base.claim();
        PacketContext ctx = new PacketContext(base.caseNumber(), base.track(), base.preparedOn(), base.practice(),
                new PacketContext.Payer(py.name(), py.legalEntity(), new PacketContext.Address("PO Box 14079", "Lexington", "KY", "405121234"),
                        py.email(), py.phone(), py.planName(), "SELF_FUNDED_ERISA", py.policyNumber()),
                base.patient(), new PacketContext.Claim(c.patientControlNumber(), c.payerClaimNumber(), c.firstDateOfService(),
                c.lastDateOfService(), c.placeOfService(), c.facilityName(), c.serviceState(), c.geozip(), List.of("G894", "M5416"),
                c.serviceType()), base.lines(), base.money(), base.dates(), base.idr(), base.arguments(), base.denial(), base.exhibits());
        String text = new PdfInspector(RENDERER.render(PacketType.OFFER_BRIEF, ctx).pdf()).allText();
        assertTrue(text.contains("KY 40512-1234"), text);
        assertTrue(text.contains("G89.4, M54.16"), text);
        assertTrue(text.contains("(Self-funded ERISA plan)"), text);
        assertFalse(text.contains("SELF_FUNDED_ERISA"), text);
    }

    @Test
    void everyRequiredFieldKeyIsKnown() {
        for (PacketType t : PacketType.values()) {
            for (String key : t.requiredFields()) {
                assertTrue(RequiredFields.known(key), t + " requires unknown field " + key);
            }
        }
    }
}
