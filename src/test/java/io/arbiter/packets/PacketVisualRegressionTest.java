package io.arbiter.packets;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Renders every packet type for the realistic fixture case, rasterises each page with PDFBox and compares it
 * with the reviewed baseline in src/test/resources/packets/visual ({type}-p{n}.png). A page differs when more
 * than {@link #MAX_DIFFERENT_PIXELS} pixels differ by more than {@link #CHANNEL_TOLERANCE} in any
 * channel: anti-aliasing noise passes, a moved column, a lost figure or a wrapped date does not.
 *
 * <p>Baselines are regenerated, after a deliberate layout change, with
 * {@code mvn -B -q test -Dtest=PacketVisualRegressionTest -Darbiter.visual.update=true} — then look at the
 * changed PNGs before committing them (that review is what makes them baselines).
 */
class PacketVisualRegressionTest {

    static final float DPI = 96f;
    static final int CHANNEL_TOLERANCE = 32;
    /** PDFBox rasterises the same PDF identically; the allowance only absorbs anti-aliasing at a glyph's edge. */
    static final int MAX_DIFFERENT_PIXELS = 12;
    static final Path SOURCE_DIR = Path.of("src", "test", "resources", "packets", "visual");

    @ParameterizedTest
    @EnumSource(PacketType.class)
    void everyPacketPageMatchesItsReviewedBaseline(PacketType type) throws Exception {
        RenderedPacket packet = PacketRenderingTest.RENDERER.render(type, PacketFixtures.forType(type));
        // key figures as text too: an image can match while a figure is wrong in a way a reviewer missed
        String compact = new PdfInspector(packet.pdf()).compactText();
        for (String v : PacketRenderingTest.KEY_VALUES.get(type)) {
            assertTrue(compact.contains(v.replaceAll("\\s+", "")), type + " shows " + v);
        }

        List<BufferedImage> pages = rasterise(packet.pdf());
        boolean update = Boolean.getBoolean("arbiter.visual.update");
        String stem = type.slug();
        if (update) {
            Files.createDirectories(SOURCE_DIR);
            try (var old = Files.newDirectoryStream(SOURCE_DIR, stem + "-p*.png")) {
                for (Path p : old) {
                    Files.delete(p);
                }
            }
            for (int i = 0; i < pages.size(); i++) {
                ImageIO.write(pages.get(i), "png", SOURCE_DIR.resolve(stem + "-p" + (i + 1) + ".png").toFile());
            }
            return;
        }
        int baselines = 0;
        while (getClass().getResource("/packets/visual/" + stem + "-p" + (baselines + 1) + ".png") != null) {
            baselines++;
        }
        assertTrue(baselines > 0, "no baseline for " + type + ": run the command in this class's Javadoc");
        assertEquals(baselines, pages.size(), type + " page count differs from its baseline");
        for (int i = 0; i < pages.size(); i++) {
            BufferedImage expected;
            try (InputStream in = getClass().getResourceAsStream("/packets/visual/" + stem + "-p" + (i + 1) + ".png")) {
                assertNotNull(in);
                expected = ImageIO.read(in);
            }
            long diff = differentPixels(expected, pages.get(i));
            if (diff > MAX_DIFFERENT_PIXELS) {
                Path out = Path.of("target", "visual-diff");
                Files.createDirectories(out);
                ImageIO.write(pages.get(i), "png", out.resolve(stem + "-p" + (i + 1) + ".actual.png").toFile());
            }
            assertTrue(diff <= MAX_DIFFERENT_PIXELS, String.format(Locale.ROOT,
                    "%s page %d differs from its baseline in %d pixels (actual written to target/visual-diff)",
                    type, i + 1, diff));
        }
    }

    /** The comparison is sharp enough to see one figure change: the offer of the notice's first line, $1,450.00 → $1,490.00. */
    @org.junit.jupiter.api.Test
    void aChangedFigureIsSeenAsADifference() throws Exception {
        var base = PacketFixtures.forType(PacketType.OPEN_NEGOTIATION_NOTICE);
        var lines = new ArrayList<>(base.lines());
        var l = lines.get(0);
        lines.set(0, new io.arbiter.packets.model.PacketContext.PacketLine(l.dateOfService(), l.code(), l.modifiers(), l.units(),
                l.description(), l.billed(), l.allowed(), l.paid(), l.qpa(), new java.math.BigDecimal("1490.00"), l.expected(),
                l.benchmark80thBilled(), l.benchmark50thAllowed(), l.mar(), l.marComputation(), l.amountInDispute(),
                l.carcCodes(), l.rarcCodes()));
        var changed = new io.arbiter.packets.model.PacketContext(base.caseNumber(), base.track(), base.preparedOn(), base.practice(),
                base.payer(), base.patient(), base.claim(), lines, base.money(), base.dates(), base.idr(), base.arguments(),
                base.denial(), base.exhibits());
        List<BufferedImage> original = rasterise(PacketRenderingTest.RENDERER.render(PacketType.OPEN_NEGOTIATION_NOTICE, base).pdf());
        List<BufferedImage> edited = rasterise(PacketRenderingTest.RENDERER.render(PacketType.OPEN_NEGOTIATION_NOTICE, changed).pdf());
        long total = 0;
        for (int i = 0; i < original.size(); i++) {
            assertEquals(0, differentPixels(original.get(i), rasterise(PacketRenderingTest.RENDERER
                    .render(PacketType.OPEN_NEGOTIATION_NOTICE, base).pdf()).get(i)), "the same packet rasterises identically");
            total += differentPixels(original.get(i), edited.get(i));
        }
        assertTrue(total > MAX_DIFFERENT_PIXELS, "one changed figure differs in " + total + " pixels");
    }

    static List<BufferedImage> rasterise(byte[] pdf) throws Exception {
        List<BufferedImage> out = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFRenderer r = new PDFRenderer(doc);
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                out.add(r.renderImageWithDPI(i, DPI, ImageType.RGB));
            }
        }
        return out;
    }

    /** Pixels differing by more than the channel tolerance; every pixel when the sizes differ. */
    static long differentPixels(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return (long) Math.max(a.getWidth(), b.getWidth()) * Math.max(a.getHeight(), b.getHeight());
        }
        long different = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    if (Math.abs(((p >> shift) & 0xff) - ((q >> shift) & 0xff)) > CHANNEL_TOLERANCE) {
                        different++;
                        break;
                    }
                }
            }
        }
        return different;
    }
}
