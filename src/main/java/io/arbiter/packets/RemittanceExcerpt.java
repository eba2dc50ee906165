package io.arbiter.packets;

import io.arbiter.common.DisplayFormat;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.micronaut.core.annotation.Nullable;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The generated exhibit "Remittance advice (835) excerpt": a claim's remittance data as the payer sent it, as a
 * readable table — per payment (CLP loop): payer claim control number, patient control number, claim status,
 * payment date and trace (EFT/check number), charge, paid, patient responsibility; per line: date of service,
 * code and modifiers, units, charge, allowed, paid, every CAS adjustment as group-CARC amount, and the RARCs.
 * Written with OpenPDF directly (a fixed layout the practice does not edit) in the packet font, so Bates
 * numbers, bookmarks and page numbers are applied to it like any other exhibit. Prints no member id or DOB.
 */
final class RemittanceExcerpt {

    /** One CLP loop received for the claim (an original payment, a reversal, a correction). */
    record Payment(@Nullable String payerClaimNumber, String patientControlNumber, String statusCode, @Nullable String statusLabel,
                   @Nullable LocalDate paymentDate, @Nullable String trace, BigDecimal charge, BigDecimal paid,
                   @Nullable BigDecimal patientResponsibility, boolean reversal) {
    }

    /** One service line as adjudicated; adjustments as "CO-45" + amount. */
    record Line(@Nullable LocalDate dateOfService, String code, List<String> modifiers, BigDecimal units, BigDecimal charge,
                @Nullable BigDecimal allowed, BigDecimal paid, List<Adjustment> adjustments, List<String> remarks) {
    }

    record Adjustment(String groupCode, String reasonCode, BigDecimal amount) {
        String code() {
            return groupCode + "-" + reasonCode;
        }
    }

    record Claim(String payerName, String patientName, @Nullable String payerClaimNumber, String patientControlNumber,
                 List<Payment> payments, List<Line> lines, List<Adjustment> claimAdjustments, List<String> claimRemarks) {
    }

    static final String TITLE = "Remittance advice (835) excerpt";

    private static final Color HEAD = new Color(0xe8, 0xee, 0xf4);
    private static final Color BORDER = new Color(0x9a, 0xa5, 0xb1);
    private static final Color NAVY = new Color(0x1f, 0x3b, 0x5a);

    private RemittanceExcerpt() {
    }

    static String title(Claim c) {
        return TITLE + " — " + (c.payerClaimNumber() != null ? c.payerClaimNumber() : c.patientControlNumber());
    }

    /** Note printed where billed charges are left out of a federal IDR packet's excerpt. */
    static final String CHARGES_OMITTED = "Billed charges are omitted from this excerpt: the certified IDR entity may not "
            + "consider the amount the provider would have billed (45 CFR 149.510(c)(4)(v); 42 U.S.C. 300gg-111(c)(5)(D)).";

    static byte[] pdf(Claim c) {
        return pdf(c, false);
    }

    /**
     * @param omitCharges leave out every billed-charge figure (CLP03 and SVC02): a federal IDR packet's exhibits
     *                    must not put before the IDR entity what it may not consider
     */
    static byte[] pdf(Claim c, boolean omitCharges) {
        Font h1 = new Font(PacketFonts.bold(), 13f, Font.NORMAL, NAVY);
        Font h2 = new Font(PacketFonts.bold(), 10f, Font.NORMAL, NAVY);
        Font body = new Font(PacketFonts.regular(), 8.5f);
        Font small = new Font(PacketFonts.regular(), 7.5f);
        Font th = new Font(PacketFonts.bold(), 7.5f);
        Font tdBold = new Font(PacketFonts.bold(), 7.5f);
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        // Landscape: the line table has eight columns, the adjustments one wide. Bottom margin leaves room for the stamped footer.
        Document doc = new Document(PageSize.LETTER.rotate(), 40, 40, 40, 64);
        try {
            PdfWriter.getInstance(doc, out);
            doc.open();
            doc.add(new Paragraph(title(c), h1));
            Paragraph sub = new Paragraph("Payer " + c.payerName() + " · Patient " + c.patientName()
                    + " · As received in the payer's electronic remittance advice (ASC X12 835); amounts as sent.", body);
            sub.setSpacingAfter(8f);
            doc.add(sub);

            doc.add(heading("Payments received for this claim (CLP)", h2));
            if (omitCharges) {
                Paragraph note = new Paragraph(CHARGES_OMITTED, body);
                note.setSpacingAfter(6f);
                doc.add(note);
            }
            PdfPTable pay = omitCharges ? table(new float[]{15, 13, 19, 10, 15, 10, 10})
                    : table(new float[]{14, 12, 17, 9, 14, 10, 10, 10});
            if (omitCharges) {
                header(pay, th, "Payer claim control no.", "Patient control no.", "Claim status", "Payment date",
                        "Trace (EFT/check no.)", "Paid", "Patient resp.");
            } else {
                header(pay, th, "Payer claim control no.", "Patient control no.", "Claim status", "Payment date",
                        "Trace (EFT/check no.)", "Charge", "Paid", "Patient resp.");
            }
            for (Payment p : c.payments()) {
                cell(pay, p.payerClaimNumber(), small, false);
                cell(pay, p.patientControlNumber(), small, false);
                cell(pay, p.statusCode() + (p.statusLabel() == null ? "" : " — " + p.statusLabel()) + (p.reversal() && !"22".equals(p.statusCode()) ? " (reversal)" : ""),
                        small, false);
                cell(pay, DisplayFormat.date(p.paymentDate()), small, false);
                cell(pay, p.trace(), small, false);
                if (!omitCharges) {
                    cell(pay, DisplayFormat.money(p.charge()), small, true);
                }
                cell(pay, DisplayFormat.money(p.paid()), small, true);
                cell(pay, DisplayFormat.money(p.patientResponsibility()), small, true);
            }
            doc.add(pay);

            doc.add(heading("Service lines (SVC) with adjustments (CAS) and remarks (LQ)", h2));
            PdfPTable lines = omitCharges ? table(new float[]{9, 11, 5, 10, 10, 29, 15})
                    : table(new float[]{8, 10, 5, 9, 9, 9, 26, 14});
            if (omitCharges) {
                header(lines, th, "Date of service", "Code", "Units", "Allowed", "Paid",
                        "Adjustments (group-CARC amount)", "Remark codes (RARC)");
            } else {
                header(lines, th, "Date of service", "Code", "Units", "Charge", "Allowed", "Paid",
                        "Adjustments (group-CARC amount)", "Remark codes (RARC)");
            }
            BigDecimal charge = BigDecimal.ZERO;
            BigDecimal paid = BigDecimal.ZERO;
            BigDecimal allowed = BigDecimal.ZERO;
            boolean allAllowed = true;
            for (Line l : c.lines()) {
                cell(lines, DisplayFormat.date(l.dateOfService()), small, false);
                cell(lines, l.code() + (l.modifiers().isEmpty() ? "" : "-" + String.join("-", l.modifiers())), small, false);
                cell(lines, l.units().stripTrailingZeros().toPlainString(), small, true);
                if (!omitCharges) {
                    cell(lines, DisplayFormat.money(l.charge()), small, true);
                }
                cell(lines, DisplayFormat.money(l.allowed()), small, true);
                cell(lines, DisplayFormat.money(l.paid()), small, true);
                cell(lines, adjustments(l.adjustments()), small, false);
                cell(lines, String.join(", ", l.remarks()), small, false);
                charge = charge.add(l.charge());
                paid = paid.add(l.paid());
                if (l.allowed() == null) {
                    allAllowed = false;
                } else {
                    allowed = allowed.add(l.allowed());
                }
            }
            if (c.lines().size() > 1) {
                PdfPCell total = new PdfPCell(new Phrase("Total", tdBold));
                total.setColspan(3);
                style(total);
                lines.addCell(total);
                if (!omitCharges) {
                    cell(lines, DisplayFormat.money(charge), tdBold, true);
                }
                cell(lines, allAllowed ? DisplayFormat.money(allowed) : null, tdBold, true);
                cell(lines, DisplayFormat.money(paid), tdBold, true);
                cell(lines, null, small, false);
                cell(lines, null, small, false);
            }
            doc.add(lines);

            if (!c.claimAdjustments().isEmpty() || !c.claimRemarks().isEmpty()) {
                doc.add(heading("Claim-level adjustments and remarks", h2));
                Paragraph p = new Paragraph();
                p.setFont(body);
                if (!c.claimAdjustments().isEmpty()) {
                    p.add(new Chunk("Adjustments: " + adjustments(c.claimAdjustments()).replace("\n", "; "), body));
                }
                if (!c.claimRemarks().isEmpty()) {
                    p.add(new Chunk((c.claimAdjustments().isEmpty() ? "" : "   ") + "Remark codes: " + String.join(", ", c.claimRemarks()), body));
                }
                doc.add(p);
            }
            Paragraph note = new Paragraph("Group codes: CO contractual obligation, PR patient responsibility, OA other adjustment, "
                    + "PI payer-initiated reduction. Line amounts are the claim's current adjudication (net of any reversal).", small);
            note.setSpacingBefore(6f);
            doc.add(note);
            doc.close();
        } catch (Exception e) {
            throw new IllegalStateException("remittance excerpt could not be written: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static String adjustments(List<Adjustment> adjs) {
        StringBuilder sb = new StringBuilder();
        for (Adjustment a : adjs) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(a.code()).append(' ').append(DisplayFormat.money(a.amount()));
        }
        return sb.toString();
    }

    private static Paragraph heading(String text, Font f) {
        Paragraph p = new Paragraph(text, f);
        p.setSpacingBefore(6f);
        p.setSpacingAfter(4f);
        return p;
    }

    private static PdfPTable table(float[] widths) {
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(100f);
        t.setHeaderRows(1);
        t.setSpacingAfter(6f);
        return t;
    }

    private static void header(PdfPTable t, Font f, String... titles) {
        for (String s : titles) {
            PdfPCell c = new PdfPCell(new Phrase(s, f));
            style(c);
            c.setBackgroundColor(HEAD);
            if (java.util.Set.of("Units", "Charge", "Allowed", "Paid", "Patient resp.").contains(s)) {
                c.setHorizontalAlignment(Element.ALIGN_RIGHT);
            }
            t.addCell(c);
        }
    }

    private static void cell(PdfPTable t, @Nullable String text, Font f, boolean number) {
        PdfPCell c = new PdfPCell(new Phrase(text == null ? "" : text, f));
        style(c);
        if (number) {
            c.setHorizontalAlignment(Element.ALIGN_RIGHT);
        }
        t.addCell(c);
    }

    private static void style(PdfPCell c) {
        c.setBorderColor(BORDER);
        c.setBorderWidth(0.5f);
        c.setPadding(3f);
        c.setPaddingTop(2f);
    }
}
