package io.arbiter.packets;

import io.arbiter.packets.model.PacketContext;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Names outside Latin-1 print: the packet embeds DejaVu Sans (Identity-H) for the body, the stamped footer and
 * generated exhibits, so a Vietnamese patient, a Portuguese facility name and "→" survive into the PDF text.
 */
class PacketUnicodeTest {

    static final String PATIENT = "Nguyễn Văn An";
    static final String FACILITY = "Clínica São José";

    @Test
    void vietnameseAndPortugueseNamesPrintExactly() throws Exception {
        PacketContext base = PacketFixtures.context(PacketContext.Track.FEDERAL_IDR);
        PacketContext.Patient p = base.patient();
        PacketContext.Claim c = base.claim();
        PacketContext ctx = new PacketContext(base.caseNumber(), base.track(), base.preparedOn(), base.practice(), base.payer(),
                new PacketContext.Patient(PATIENT, p.dateOfBirth(), p.memberId(), p.dateOfInjury(), p.employerName()),
                new PacketContext.Claim(c.patientControlNumber(), c.payerClaimNumber(), c.firstDateOfService(), c.lastDateOfService(),
                        c.placeOfService(), FACILITY, c.serviceState(), c.geozip(), c.diagnosisCodes(), c.serviceType()),
                base.lines(), base.money(), base.dates(), base.idr(), base.arguments(), base.denial(),
                List.of(PacketFixtures.pdfExhibit("Operative note → Clínica São José", 1)));

        RenderedPacket packet = PacketRenderingTest.RENDERER.render(PacketType.OFFER_BRIEF, ctx);
        PdfInspector pdf = new PdfInspector(packet.pdf());
        String text = pdf.allText();
        assertTrue(text.contains(PATIENT), "patient name on the cover and in the parties: " + text);
        assertTrue(text.contains(FACILITY), "facility where the services were furnished");
        assertTrue(pdf.titles().contains("Exhibit A — Operative note → Clínica São José"), pdf.titles().toString());
        assertTrue(text.contains("Operative note → Clínica São José"), "exhibit title with an arrow in the contents");

        // Every font the packet uses is embedded (no base-14 WinAnsi fallback), so it prints the same everywhere.
        Set<String> fonts = new HashSet<>();
        try (PDDocument doc = Loader.loadPDF(packet.pdf())) {
            // The last page is the fixture's own exhibit (written in Helvetica by the test); only the packet's pages count.
            for (int i = 0; i < doc.getNumberOfPages() - 1; i++) {
                var page = doc.getPage(i);
                for (var name : page.getResources().getFontNames()) {
                    PDFont f = page.getResources().getFont(name);
                    fonts.add(f.getName());
                    if (f.getName().contains("DejaVu")) {
                        assertTrue(f.isEmbedded(), f.getName() + " embedded");
                    }
                }
            }
        }
        assertTrue(fonts.stream().anyMatch(n -> n.contains("DejaVuSans-Bold")), fonts.toString());
        assertFalse(fonts.stream().anyMatch(n -> n.contains("Helvetica")), "no base-14 font left in the packet body or footer: " + fonts);
    }

    @Test
    void remittanceExcerptPrintsUnicodeNamesAndItsAdjustments() throws Exception {
        // Two payments: the original (paid 120.00) and its reversal (status 22, -120.00); one line with two CAS.
        var excerpt = new RemittanceExcerpt.Claim("Seguros São Paulo → Acme", PATIENT, "CCN-778", "PCN-1",
                List.of(new RemittanceExcerpt.Payment("CCN-778", "PCN-1", "1", "Processed as primary", LocalDate.of(2026, 10, 8),
                                "EFT-1", new BigDecimal("500.00"), new BigDecimal("120.00"), new BigDecimal("30.00"), false),
                        new RemittanceExcerpt.Payment("CCN-778", "PCN-1", "22", "Reversal of previous payment", LocalDate.of(2026, 10, 20),
                                "EFT-2", new BigDecimal("-500.00"), new BigDecimal("-120.00"), new BigDecimal("-30.00"), true)),
                List.of(new RemittanceExcerpt.Line(LocalDate.of(2026, 9, 1), "64483", List.of("RT", "59"), BigDecimal.ONE,
                        new BigDecimal("500.00"), new BigDecimal("150.00"), new BigDecimal("120.00"),
                        List.of(new RemittanceExcerpt.Adjustment("CO", "45", new BigDecimal("350.00")),
                                new RemittanceExcerpt.Adjustment("PR", "2", new BigDecimal("30.00"))), List.of("N865"))),
                List.of(), List.of("MA01"));
        byte[] bytes = RemittanceExcerpt.pdf(excerpt);
        if (System.getProperty("packet.dump") != null) {
            java.nio.file.Files.write(java.nio.file.Path.of(System.getProperty("packet.dump")), bytes);
        }
        String text = new PdfInspector(bytes).allText();
        assertTrue(text.contains(PATIENT), text);
        assertTrue(text.contains("Seguros São Paulo → Acme"), text);
        String compact = text.replaceAll("\\s+", "");
        for (String v : List.of("64483-RT-59", "CO-45$350.00", "PR-2$30.00", "N865", "MA01", "\u2212$120.00", "22—Reversalofpreviouspayment",
                "10/20/2026", "EFT-2")) {
            assertTrue(compact.contains(v), v + " in " + text);
        }
    }
}
