package io.arbiter.packets;

import com.lowagie.text.Document;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import io.arbiter.common.Citation;
import io.arbiter.packets.model.PacketContext;
import io.arbiter.packets.model.PacketContext.Address;
import io.arbiter.packets.model.PacketContext.Deadline;
import io.arbiter.packets.model.PacketContext.DenialPlaybook;
import io.arbiter.packets.model.PacketContext.EvidenceItem;
import io.arbiter.packets.model.PacketContext.Exhibit;
import io.arbiter.packets.model.PacketContext.IdrDetails;
import io.arbiter.packets.model.PacketContext.KeyDates;
import io.arbiter.packets.model.PacketContext.MoneySummary;
import io.arbiter.packets.model.PacketContext.OfferArguments;
import io.arbiter.packets.model.PacketContext.PacketLine;
import io.arbiter.packets.model.PacketContext.Track;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A realistic Houston pain-practice case (Lone Star Spine & Pain, Bates prefix LSSP) in every track's shape.
 * Amounts follow the fixture claims: 64483 TF-ESI and 77003 fluoroscopy on 10/06/2026.
 */
final class PacketFixtures {

    static final String CLAIM_NO = "ACM-2026-0098765";
    static final LocalDate DOS = LocalDate.of(2026, 10, 6);

    private PacketFixtures() {
    }

    static BigDecimal m(String s) {
        return new BigDecimal(s);
    }

    static PacketContext.Practice practice() {
        return new PacketContext.Practice("Lone Star Spine & Pain, PLLC", "74-1234567", "1234567893",
                new Address("6410 Fannin St, Suite 1200", "Houston", "TX", "77030"), "(713) 555-0142",
                "idr@lonestarspine.example", "Maria Alvarez", "Revenue Cycle Director", "LSSP",
                "Daniel Okafor, MD", "1098765432");
    }

    static PacketContext.Payer payer() {
        return new PacketContext.Payer("Acme Health Plan", "Acme Health Insurance Company of Texas",
                new Address("PO Box 14079", "Lexington", "KY", "40512"), "nsa-negotiation@acmehealth.example",
                "(800) 555-0199", "Acme Employer PPO", "Self-funded ERISA", "POL-7733412");
    }

    static PacketContext.Patient patient() {
        return new PacketContext.Patient("Jordan Q. Sample", LocalDate.of(1968, 3, 14), "ACM900112233",
                LocalDate.of(2026, 7, 18), "Gulf Coast Logistics LLC");
    }

    static PacketContext.Claim claim() {
        return new PacketContext.Claim("PCN-55821", CLAIM_NO, DOS, DOS, "22", "Memorial Hermann Surgery Center",
                "TX", "770", List.of("M54.16", "M51.26"),
                "Non-emergency services by a nonparticipating provider at a participating facility");
    }

    /** 64483 lumbar TF-ESI + 77003 fluoroscopy guidance. */
    static List<PacketLine> lines() {
        return List.of(
                new PacketLine(DOS, "64483", List.of("RT"), 1, "Transforaminal epidural injection, lumbar, single level",
                        m("2850.00"), m("612.40"), m("489.92"), m("612.40"), m("1450.00"), m("1380.00"),
                        m("2600.00"), m("980.00"), m("401.22"), "5.92 adj. RVU × $67.81 CF", m("837.60"),
                        List.of("CO-45"), List.of("N865", "N877")),
                new PacketLine(DOS, "77003", List.of("26"), 1, "Fluoroscopic guidance for spine injection",
                        m("475.00"), m("88.15"), m("70.52"), m("88.15"), m("210.00"), m("190.00"),
                        m("420.00"), m("150.00"), m("50.17"), "0.74 adj. RVU × $67.81 CF", m("121.85"),
                        List.of("CO-45"), List.of("N865")));
    }

    static MoneySummary money() {
        // initial payment 489.92 + 70.52 = 560.44; QPA 612.40 + 88.15 = 700.55; offer 1450 + 210 = 1660.00;
        // amount in dispute 837.60 + 121.85 = 959.45
        return new MoneySummary(m("3325.00"), m("560.44"), m("140.11"), m("700.55"), m("1660.00"), m("744.00"),
                null, m("959.45"), m("115.00"), m("475.00"), null, null);
    }

    static KeyDates dates() {
        Citation fhas = Citation.of("fhas IDR filing guidelines", "https://updates.fhas.com/idr-compliance-filing-guidelines?hs_amp=true");
        return new KeyDates(LocalDate.of(2026, 10, 27), LocalDate.of(2026, 11, 2), LocalDate.of(2026, 12, 17),
                LocalDate.of(2026, 12, 22), null, LocalDate.of(2027, 1, 5), LocalDate.of(2026, 10, 20),
                LocalDate.of(2026, 10, 12), LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 3),
                List.of(new Deadline("OPEN_NEGOTIATION_ENDS", "Last day of open negotiation", LocalDate.of(2026, 12, 14), fhas),
                        new Deadline("IDR_INITIATION_DUE", "Last day to initiate federal IDR", LocalDate.of(2026, 12, 18), fhas),
                        new Deadline("PAYMENT_DUE", "PIP payment due (30 days after proof of claim)", LocalDate.of(2026, 11, 19),
                                Citation.of("Tex. Ins. Code §1952.156", "https://codes.findlaw.com/tx/insurance-code/ins-sect-1952-156/")),
                        new Deadline("MFDR_DUE", "MFDR request due (1 year after DOS)", LocalDate.of(2027, 10, 6),
                                Citation.of("28 TAC §133.307(c)(1)", "https://regulations.justia.com/states/texas/title-28/part-2/chapter-133/subchapter-d/section-133-307"))));
    }

    static OfferArguments arguments() {
        return new OfferArguments(
                "Right L5-S1 transforaminal epidural steroid injection under fluoroscopic guidance for acute lumbar radiculopathy with MRI-confirmed L5-S1 disc extrusion.",
                "Acute radicular pain 8/10 with positive straight-leg raise; diabetic patient on anticoagulation requiring a documented hold and bridging plan; single level performed under contrast-confirmed fluoroscopy.",
                "Dr. Okafor is board-certified in anesthesiology with a pain-medicine subspecialty (ABA), fellowship-trained, 14 years in practice and more than 9,000 fluoroscopic spine procedures; complication rate below 0.2%.",
                "The practice performs about 11% of interventional spine procedures in the Houston geozip 770 commercial market.",
                "Acme contracted with the practice at $1,390.00 for 64483 in plan year 2023 before the contract lapsed.",
                "64483 reported once with RT for a single level; 77003-26 reported for the professional component of fluoroscopy, which 64483 does not include for this payer's edit set.",
                "The practice asked Acme to re-contract on 01/15/2025 and 06/02/2025; Acme did not respond.",
                "Patient aged 58 with type 2 diabetes.",
                "FAIR Health FH Benchmarks 2026, professional, geozip 770",
                "The 50th percentile allowed amount for 64483 in geozip 770 rose 4% a year from 2023 to 2026.");
    }

    static DenialPlaybook denial() {
        return new DenialPlaybook("CO-197", "N54", "Precertification/authorization absent",
                "Proof of prior authorization for 64483 (authorization number, dates, CPT and levels, rendering NPI)",
                List.of(new EvidenceItem("eviCore authorization letter A-55123 covering 64483 x1, 10/01–12/31/2026", true, "Authorization letter"),
                        new EvidenceItem("Operative note for 10/06/2026", true, "Operative note"),
                        new EvidenceItem("Retro-authorization request", false, null)),
                Citation.of("Denial → appeal evidence map: CO-197", "https://immedicaresolutions.com/wiki/co-197-denial-code"));
    }

    static PacketContext context(Track track) {
        return context(track, List.of());
    }

    static PacketContext context(Track track, List<Exhibit> exhibits) {
        return new PacketContext("CASE-2026-0042", track, LocalDate.of(2026, 11, 25), practice(), payer(), patient(), claim(),
                lines(), money(), dates(), new IdrDetails("DISP-1234567", "Maximus Federal Services", "C2C Innovative Solutions",
                false, false, null), arguments(), denial(), exhibits);
    }

    /** Context for a packet type, with the exhibits its evidence checklist references. */
    static PacketContext forType(PacketType type) {
        Track track = type.tracks().iterator().next();
        if (type == PacketType.COMMERCIAL_APPEAL) {
            track = Track.COMMERCIAL_APPEAL;
            return context(track, List.of(pdfExhibit("Authorization letter", 1), pdfExhibit("Operative note", 2)));
        }
        return context(track);
    }

    /** A PDF exhibit of n pages written with OpenPDF, each page saying which page it is. */
    static Exhibit pdfExhibit(String title, int pages) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Document doc = new Document(PageSize.LETTER);
            PdfWriter.getInstance(doc, out);
            doc.open();
            for (int i = 1; i <= pages; i++) {
                if (i > 1) {
                    doc.newPage();
                }
                doc.add(new Paragraph(title + " — exhibit page " + i + " of " + pages));
            }
            doc.close();
            return new Exhibit(title, "application/pdf", out.toByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PNG exhibit (a scanned EOB stand-in) drawn with AWT. */
    static Exhibit pngExhibit(String title) {
        try {
            BufferedImage img = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 1200, 800);
            g.setColor(Color.BLACK);
            g.drawString("EXPLANATION OF BENEFITS - claim " + CLAIM_NO, 40, 60);
            g.drawRect(30, 90, 1140, 600);
            g.dispose();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return new Exhibit(title, "image/png", out.toByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A 40-line batched offer brief (for the benchmark): 20 dates of service × (64483, 77003). */
    static PacketContext batchedOfferBrief(List<Exhibit> exhibits) {
        List<PacketLine> many = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            LocalDate d = DOS.minusDays(7L * i);
            for (PacketLine l : lines()) {
                many.add(new PacketLine(d, l.code(), l.modifiers(), l.units(), l.description(), l.billed(), l.allowed(),
                        l.paid(), l.qpa(), l.offer(), l.expected(), l.benchmark80thBilled(), l.benchmark50thAllowed(),
                        l.mar(), l.marComputation(), l.amountInDispute(), l.carcCodes(), l.rarcCodes()));
            }
        }
        PacketContext base = context(Track.FEDERAL_IDR, exhibits);
        return new PacketContext(base.caseNumber(), base.track(), base.preparedOn(), base.practice(), base.payer(),
                base.patient(), base.claim(), many, base.money(), base.dates(),
                new IdrDetails("DISP-7654321", "Maximus Federal Services", "C2C Innovative Solutions", false, true, null),
                base.arguments(), base.denial(), exhibits);
    }

    /**
     * The longest realistic values for a packet type: 20 lines with 8-digit amounts ($12,345,678.90 each, so
     * totals run to nine digits), the longest CPT descriptor of the pain codes, long payer and facility names.
     */
    static PacketContext longest(PacketType type) {
        PacketContext base = forType(type);
        String longDescription = "Injection(s), anesthetic agent(s) and/or steroid; transforaminal epidural, with imaging "
                + "guidance (fluoroscopy or CT), lumbar or sacral, each additional level (List separately in addition to "
                + "code for primary procedure)";
        BigDecimal big = m("12345678.90");
        List<PacketLine> many = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            LocalDate d = DOS.minusDays(7L * i);
            many.add(new PacketLine(d, "64484", List.of("RT", "59", "XS"), 2, longDescription, big, big, big, big, big, big,
                    big, big, big, "7.12 adj. RVU (work 1.88 × GPCI 1.020, PE 4.91 × GPCI 1.004, MP 0.33 × GPCI 0.874) × $67.81 CF",
                    big, List.of("CO-45", "CO-253", "PR-2", "OA-23"), List.of("N865", "N877", "M15", "N381")));
        }
        BigDecimal total = big.multiply(BigDecimal.valueOf(20));
        MoneySummary money = new MoneySummary(total, total, big, total, total, total, total, total, m("115.00"),
                m("1173.00"), m("1173.00"), null);
        var payer = new PacketContext.Payer("Blue Cross and Blue Shield of Texas, a Division of Health Care Service Corporation",
                "Health Care Service Corporation, a Mutual Legal Reserve Company, d/b/a Blue Cross and Blue Shield of Texas",
                new Address("Attn: No Surprises Act Open Negotiation Unit, PO Box 660044", "Dallas", "TX", "752660044"),
                "no-surprises-act-open-negotiation@bcbstx-provider-disputes.example", "(800) 555-0199 ext. 4412",
                "Employer Group PPO — Large Group Self-Funded ERISA Plan", "SELF_FUNDED_ERISA", "POL-7733412-000981-TX");
        var claim = new PacketContext.Claim("PCN-55821-0001-ABCDEFG", "ACM-2026-0098765-0001", DOS.minusDays(133), DOS,
                "22", "Memorial Hermann Surgery Center Texas Medical Center — Outpatient Interventional Pain Suite",
                "TX", "770", List.of("M54.16", "M51.26", "M47.816", "G89.4", "M54.17", "M51.27", "Z79.01", "E11.9"),
                "Non-emergency services by a nonparticipating provider at a participating facility");
        return new PacketContext(base.caseNumber(), base.track(), base.preparedOn(), base.practice(), payer, base.patient(),
                claim, many, money, base.dates(),
                new IdrDetails("DISP-1234567890123", "Maximus Federal Services, Inc. (Federal IDR Entity)",
                        "C2C Innovative Solutions, Inc.", false, true, "PROVIDER"),
                base.arguments(), base.denial(), base.exhibits());
    }
}
