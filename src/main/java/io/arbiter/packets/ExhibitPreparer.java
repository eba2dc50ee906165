package io.arbiter.packets;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfWriter;
import io.arbiter.packets.model.PacketContext.Exhibit;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks exhibits and turns each into PDF bytes: PDFs pass through, PNG/JPEG images become one Letter page
 * (scaled to fit, never enlarged beyond 100 %), anything else is rejected with a message naming the exhibit.
 * The type is decided by the file's magic bytes; the declared content type must agree.
 */
final class ExhibitPreparer {

    record Prepared(String letter, String title, byte[] pdf, int pageCount) {
    }

    private ExhibitPreparer() {
    }

    static List<Prepared> prepare(List<Exhibit> exhibits, List<PacketValidationException.FieldError> errors) {
        List<Prepared> out = new ArrayList<>();
        for (int i = 0; i < exhibits.size(); i++) {
            Exhibit e = exhibits.get(i);
            String field = "exhibits[" + i + "]";
            String name = "Exhibit " + letter(i) + " '" + (e.title() == null ? "(untitled)" : e.title()) + "'";
            if (e.title() == null || e.title().isBlank()) {
                errors.add(new PacketValidationException.FieldError(field, name + " has no title. Where: Case › Exhibits"));
                continue;
            }
            byte[] b = e.bytes();
            String declared = e.contentType() == null ? "" : e.contentType().toLowerCase(Locale.ROOT).split(";")[0].trim();
            String detected = detect(b);
            if (detected == null || !(declared.equals(detected) || (detected.equals("image/jpeg") && declared.equals("image/jpg")))) {
                errors.add(new PacketValidationException.FieldError(field, name + " is " + (declared.isEmpty() ? "of unknown type" : declared)
                        + (detected != null && !declared.equals(detected) ? " but its content is " + detected : "")
                        + "; only PDF, PNG and JPEG exhibits can be merged — save it as PDF and upload it again. Where: Case › Exhibits"));
                continue;
            }
            try {
                if (detected.equals("application/pdf")) {
                    PdfReader r = new PdfReader(b);
                    try {
                        if (r.isEncrypted() && !r.isOpenedWithFullPermissions()) {
                            errors.add(new PacketValidationException.FieldError(field, name
                                    + " is password-protected; upload an unprotected copy. Where: Case › Exhibits"));
                            continue;
                        }
                        int n = r.getNumberOfPages();
                        if (n == 0) {
                            errors.add(new PacketValidationException.FieldError(field, name + " has no pages. Where: Case › Exhibits"));
                            continue;
                        }
                        out.add(new Prepared(letter(i), e.title(), b, n));
                    } finally {
                        r.close();
                    }
                } else {
                    out.add(new Prepared(letter(i), e.title(), imagePage(b), 1));
                }
            } catch (Exception ex) {
                errors.add(new PacketValidationException.FieldError(field, name + " cannot be read as " + detected
                        + " (" + ex.getClass().getSimpleName() + "); upload it again. Where: Case › Exhibits"));
            }
        }
        return out;
    }

    /** A, B, ..., Z, AA, AB, ... */
    static String letter(int index) {
        StringBuilder sb = new StringBuilder();
        int n = index;
        do {
            sb.insert(0, (char) ('A' + n % 26));
            n = n / 26 - 1;
        } while (n >= 0);
        return sb.toString();
    }

    static String detect(byte[] b) {
        return io.arbiter.common.DocumentTypes.detect(b);
    }

    private static byte[] imagePage(byte[] bytes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // Bottom margin leaves room for the footer (page number and Bates) stamped later.
        Document doc = new Document(PageSize.LETTER, 54, 54, 54, 72);
        PdfWriter.getInstance(doc, out);
        doc.open();
        Image img = Image.getInstance(bytes);
        float maxW = doc.getPageSize().getWidth() - 108;
        float maxH = doc.getPageSize().getHeight() - 126;
        if (img.getScaledWidth() > maxW || img.getScaledHeight() > maxH) {
            img.scaleToFit(maxW, maxH);
        }
        img.setAlignment(Element.ALIGN_CENTER);
        doc.add(img);
        doc.close();
        return out.toByteArray();
    }
}
