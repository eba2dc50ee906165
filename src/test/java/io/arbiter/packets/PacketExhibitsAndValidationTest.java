package io.arbiter.packets;

import io.arbiter.packets.model.PacketContext;
import io.arbiter.packets.model.PacketContext.Exhibit;
import io.arbiter.packets.model.PacketContext.Track;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PacketExhibitsAndValidationTest {

    static final PacketRenderer RENDERER = PacketRenderingTest.RENDERER;

    @Test
    void pdfAndPngExhibitsAreMergedInOrderWithBookmarksAndBatesNumbers() throws Exception {
        PacketContext ctx = PacketFixtures.context(Track.FEDERAL_IDR, List.of(
                PacketFixtures.pdfExhibit("EOB 10/27/2026", 3), PacketFixtures.pngExhibit("Scanned EOB page")));
        RenderedPacket packet = RENDERER.render(PacketType.OFFER_BRIEF, ctx);
        PdfInspector pdf = new PdfInspector(packet.pdf());
        RenderedPacket bodyOnly = RENDERER.render(PacketType.OFFER_BRIEF, PacketFixtures.context(Track.FEDERAL_IDR));
        int body = bodyOnly.pageCount();

        // body pages + 3 PDF exhibit pages + 1 image page
        assertEquals(body + 4, pdf.pageCount);
        // first pass: the body alone (three pages or more, so it gets a cover and contents); second: with them;
        // third: prints the exhibit start pages in the contents
        assertEquals(3, packet.timings().layoutPasses(), "cover decided, then exhibit start pages printed in the contents");
        for (int i = 1; i <= 3; i++) {
            String text = pdf.pageTexts.get(body + i - 1);
            assertTrue(text.contains("EOB 10/27/2026 — exhibit page " + i + " of 3"), text);
            assertTrue(text.contains(String.format("LSSP%06d", body + i)), "Bates on exhibit page " + i);
        }
        String imagePage = pdf.pageTexts.get(body + 3);
        assertTrue(imagePage.contains(String.format("LSSP%06d", body + 4)), "Bates on the image page");
        assertTrue(imagePage.contains("Page " + (body + 4) + " of " + (body + 4)));

        var parent = pdf.bookmark(PacketRenderer.EXHIBITS_BOOKMARK);
        assertEquals(0, parent.depth());
        var a = pdf.bookmark("Exhibit A — EOB 10/27/2026");
        var b = pdf.bookmark("Exhibit B — Scanned EOB page");
        assertEquals(1, a.depth());
        assertEquals(body + 1, a.page());
        assertEquals(body + 4, b.page());
        // Contents list the exhibits with their first page and Bates range
        String contents = pdf.pageTexts.get(1);
        assertTrue(contents.contains(String.format("Exhibit A — EOB 10/27/2026 (3 p., LSSP%06d–LSSP%06d)", body + 1, body + 3)), contents);
        assertTrue(contents.matches("(?s).*Scanned EOB page \\(1 p\\., LSSP\\d{6}–LSSP\\d{6}\\)[ .]*" + (body + 4) + "\\s.*"), contents);
    }

    @Test
    void aWordDocumentIsRejectedNamingTheExhibit() {
        byte[] docx = "PK\u0003\u0004word/document.xml".getBytes(StandardCharsets.ISO_8859_1);
        PacketContext ctx = PacketFixtures.context(Track.FEDERAL_IDR, List.of(PacketFixtures.pdfExhibit("EOB", 1),
                new Exhibit("Op note 10-06.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx)));
        var e = assertThrows(PacketValidationException.class, () -> RENDERER.render(PacketType.OFFER_BRIEF, ctx));
        assertEquals(1, e.errors().size());
        assertEquals("exhibits[1]", e.errors().get(0).field());
        assertTrue(e.errors().get(0).message().contains("Exhibit B 'Op note 10-06.docx'"), e.errors().get(0).message());
        assertTrue(e.errors().get(0).message().contains("only PDF, PNG and JPEG"));
    }

    @Test
    void aFileWhoseContentContradictsItsTypeIsRejected() {
        var png = PacketFixtures.pngExhibit("EOB scan");
        PacketContext ctx = PacketFixtures.context(Track.FEDERAL_IDR,
                List.of(new Exhibit("EOB scan", "application/pdf", png.bytes())));
        var e = assertThrows(PacketValidationException.class, () -> RENDERER.render(PacketType.OFFER_BRIEF, ctx));
        assertTrue(e.errors().get(0).message().contains("but its content is image/png"), e.errors().get(0).message());
    }

    @Test
    void missingRequiredFieldsStopGenerationNamingEachFieldAndWhereToEnterIt() {
        PacketContext full = PacketFixtures.context(Track.FEDERAL_IDR);
        var claim = full.claim();
        var noClaimNumber = new PacketContext.Claim(claim.patientControlNumber(), null, claim.firstDateOfService(),
                claim.lastDateOfService(), claim.placeOfService(), claim.facilityName(), claim.serviceState(), claim.geozip(),
                claim.diagnosisCodes(), claim.serviceType());
        var l0 = full.lines().get(0);
        var lineWithoutQpa = new PacketContext.PacketLine(l0.dateOfService(), l0.code(), l0.modifiers(), l0.units(),
                l0.description(), l0.billed(), l0.allowed(), l0.paid(), null, l0.offer(), l0.expected(),
                l0.benchmark80thBilled(), l0.benchmark50thAllowed(), l0.mar(), l0.marComputation(), l0.amountInDispute(),
                l0.carcCodes(), l0.rarcCodes());
        PacketContext ctx = new PacketContext(full.caseNumber(), full.track(), full.preparedOn(), full.practice(), full.payer(),
                full.patient(), noClaimNumber, List.of(lineWithoutQpa, full.lines().get(1)), full.money(), full.dates(),
                full.idr(), null, full.denial(), List.of());

        var e = assertThrows(PacketValidationException.class, () -> RENDERER.render(PacketType.OFFER_BRIEF, ctx));
        List<String> fields = e.errors().stream().map(PacketValidationException.FieldError::field).toList();
        assertEquals(List.of("claim.payerClaimNumber", "lines[0].qpa", "arguments.serviceDescription",
                "arguments.complexity", "arguments.trainingAndExperience", "arguments.codingJustification"), fields);
        assertEquals("Payer claim number is missing. Where: Case › Claim › Payer claim number", e.errors().get(0).message());
        assertTrue(e.errors().get(1).message().contains("line 1 (64483)"));
        assertTrue(e.getMessage().startsWith("Offer brief cannot be generated"));
    }

    @Test
    void aPacketForAnotherTrackIsRefused() {
        var e = assertThrows(PacketValidationException.class,
                () -> RENDERER.render(PacketType.TEXAS_PIP_DEMAND, PacketFixtures.context(Track.FEDERAL_IDR)));
        assertEquals("track", e.errors().get(0).field());
    }

    @Test
    void evidenceMarkedAttachedMustNameAnExhibit() {
        // commercial appeal context without its two exhibits: both "attached" items are unbacked
        var e = assertThrows(PacketValidationException.class,
                () -> RENDERER.render(PacketType.COMMERCIAL_APPEAL, PacketFixtures.context(Track.COMMERCIAL_APPEAL)));
        assertEquals(List.of("denial.evidence[0]", "denial.evidence[1]"),
                e.errors().stream().map(PacketValidationException.FieldError::field).toList());
    }

    @Test
    void missingDeadlineIsNamed() {
        PacketContext full = PacketFixtures.context(Track.FEDERAL_IDR);
        var d = full.dates();
        var noDeadlines = new PacketContext.KeyDates(d.initialPaymentReceived(), d.openNegotiationStarted(), d.idrInitiated(),
                d.idreSelected(), d.determinationIssued(), d.feesPaid(), d.proofOfClaimReceived(), d.billReceivedByCarrier(),
                d.carrierActionReceived(), d.denialReceived(), List.of());
        PacketContext ctx = new PacketContext(full.caseNumber(), full.track(), full.preparedOn(), full.practice(), full.payer(),
                full.patient(), full.claim(), full.lines(), full.money(), noDeadlines, full.idr(), full.arguments(), null, List.of());
        var e = assertThrows(PacketValidationException.class, () -> RENDERER.render(PacketType.OPEN_NEGOTIATION_NOTICE, ctx));
        assertEquals(List.of("deadline.OPEN_NEGOTIATION_ENDS", "deadline.IDR_INITIATION_DUE"),
                e.errors().stream().map(PacketValidationException.FieldError::field).toList());
    }
}
