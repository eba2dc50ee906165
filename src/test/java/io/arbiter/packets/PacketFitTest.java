package io.arbiter.packets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The renderer's fit check: nothing a reader needs runs past its cell or off the page. */
class PacketFitTest {

    @TempDir
    Path dir;

    /** Every packet type, with 20 lines of 8-digit amounts and the longest descriptions, lays out whole. */
    @ParameterizedTest
    @EnumSource(PacketType.class)
    void everyPacketTypeFitsWithTheLongestRealisticValues(PacketType type) throws Exception {
        RenderedPacket packet = PacketRenderingTest.RENDERER.render(type, PacketFixtures.longest(type));
        assertTrue(packet.overflow().isEmpty(), type + ": " + packet.overflow());
        // every line amount is printed whole, not cut at the page edge (20 × $12,345,678.90 = $246,913,578.00) is printed whole, not cut at the edge
        if (type != PacketType.FEE_RECEIPT_SUMMARY) {
            String text = new PdfInspector(packet.pdf()).compactText();
            assertTrue(text.contains("$12,345,678.90"), type + " prints the 8-digit line amount whole");
        }
    }

    @Test
    void aCellThatRunsOffThePageFailsThePacketNamingTheElement() throws Exception {
        Files.writeString(dir.resolve("offer_brief.ftl"), "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>"
                + "<h2 id=\"sec-a\">A</h2><table style=\"width:100%\"><tr><td style=\"width:90%\">x</td>"
                + "<td class=\"num\" style=\"white-space:nowrap\">Offer $2,022.00 $2,022.00 $2,022.00 $2,022.00 $2,022.00 "
                + "$2,022.00 $2,022.00 $2,022.00 $2,022.00 $2,022.00 $2,022.00 $2,022.00 $2,022.00 $2,022.00 $2,022.00</td>"
                + "</tr></table></body></html>");
        var strict = new PacketRenderer(new PacketTemplates(dir.toString()), PacketRules.fromClasspath());
        var e = assertThrows(PacketLayoutException.class,
                () -> strict.render(PacketType.OFFER_BRIEF, PacketFixtures.forType(PacketType.OFFER_BRIEF)));
        assertTrue(e.getMessage().contains("<td class=\"num\">"), e.getMessage());
        assertTrue(e.getMessage().contains("Offer $2,022.00"), e.getMessage());

        // the production renderer still delivers the document and names the problem
        var lenient = new PacketRenderer(new PacketTemplates(dir.toString()), PacketRules.fromClasspath(), false);
        RenderedPacket packet = lenient.render(PacketType.OFFER_BRIEF, PacketFixtures.forType(PacketType.OFFER_BRIEF));
        assertEquals(e.overflow(), packet.overflow());
    }
}
