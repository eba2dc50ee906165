package io.arbiter.packets;

import com.lowagie.text.pdf.BaseFont;
import org.xhtmlrenderer.pdf.ITextRenderer;

import java.io.InputStream;

/**
 * The Unicode font packets print with: DejaVu Sans (Bitstream Vera licence, {@code fonts/DejaVu-LICENSE.txt}),
 * regular and bold, read from the classpath — never from system font paths — and embedded as subsets
 * (Identity-H) so Vietnamese, Portuguese, arrows etc. print in the body, the stamped footer and generated exhibits.
 * The PDF base-14 fonts only cover WinAnsi.
 */
public final class PacketFonts {

    /** The CSS family name templates use ({@code font-family: "DejaVu Sans"}). */
    public static final String FAMILY = "DejaVu Sans";

    private static final BaseFont REGULAR = load("DejaVuSans.ttf");
    private static final BaseFont BOLD = load("DejaVuSans-Bold.ttf");

    private PacketFonts() {
    }

    static BaseFont regular() {
        return REGULAR;
    }

    static BaseFont bold() {
        return BOLD;
    }

    /** Registers both weights with a Flying Saucer renderer (parsed once per JVM; shared read-only). */
    public static void register(ITextRenderer renderer) {
        renderer.getFontResolver().addFont(REGULAR, "fonts/DejaVuSans.ttf", FAMILY);
        renderer.getFontResolver().addFont(BOLD, "fonts/DejaVuSans-Bold.ttf", FAMILY);
    }

    private static BaseFont load(String file) {
        try (InputStream in = PacketFonts.class.getResourceAsStream("/fonts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("fonts/" + file + " missing from the classpath");
            }
            // cached = false: this class holds the only instance; the name must end in .ttf for OpenPDF.
            return BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, in.readAllBytes(), null);
        } catch (Exception e) {
            throw new IllegalStateException("cannot load packet font " + file + ": " + e.getMessage(), e);
        }
    }
}
