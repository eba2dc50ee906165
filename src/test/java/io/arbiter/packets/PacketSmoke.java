package io.arbiter.packets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes one PDF per packet type to a directory for eyeballing (not a test). */
public class PacketSmoke {
    public static void main(String[] args) throws Exception {
        PacketRenderer r = new PacketRenderer(new PacketTemplates(null), PacketRules.fromClasspath());
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/packets");
        Files.createDirectories(dir);
        for (PacketType t : PacketType.values()) {
            if (args.length > 1 && !t.name().equals(args[1])) continue;
            var ctx = PacketFixtures.forType(t);
            if (t == PacketType.OFFER_BRIEF) {
                ctx = PacketFixtures.context(ctx.track(), List.of(PacketFixtures.pdfExhibit("EOB", 2), PacketFixtures.pngExhibit("Scanned EOB")));
            }
            try {
                RenderedPacket p = r.render(t, ctx);
                Files.write(dir.resolve(t.slug() + ".pdf"), p.pdf());
 if (System.getProperty("png") != null) {
                    try (var doc = org.apache.pdfbox.Loader.loadPDF(p.pdf())) {
                        var pr = new org.apache.pdfbox.rendering.PDFRenderer(doc);
                        for (int i = 0; i < doc.getNumberOfPages(); i++) {
                            javax.imageio.ImageIO.write(pr.renderImageWithDPI(i, 70), "png", dir.resolve(t.slug() + "-" + (i + 1) + ".png").toFile());
                        }
                        System.out.println(new org.apache.pdfbox.text.PDFTextStripper().getText(doc));
                    }
                }
                System.out.println(t + " pages=" + p.pageCount() + " " + p.timings() + " " + p.bookmarks());
            } catch (Exception e) {
                System.out.println(t + " FAILED " + e);
            }
        }
    }
}
