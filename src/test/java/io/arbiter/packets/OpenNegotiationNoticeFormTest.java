package io.arbiter.packets;

import io.arbiter.packets.model.PacketContext;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Open Negotiation Notice against the federal standard notice (OMB 1210-0169; shared/docs/domain/standard-notices.md):
 * the standard's content in the standard's order — header, date, initiating party, the IDR process and where it is not
 * available, the total rate including cost sharing, the two computed deadlines, agreement still possible, where the
 * initiation notice is; then "initiating an open negotiation period with", the items table with its seven columns in
 * order, the representative's contact, the signature block and the reminder to keep a copy.
 */
class OpenNegotiationNoticeFormTest {

    @Test
    void theNoticeCarriesTheStandardFormsContentInItsOrder() throws Exception {
        PacketContext ctx = PacketFixtures.forType(PacketType.OPEN_NEGOTIATION_NOTICE);
        String text = new PdfInspector(PacketRenderingTest.RENDERER.render(PacketType.OPEN_NEGOTIATION_NOTICE, ctx).pdf()).allText()
                .replaceAll("\\s+", " ");
        List<String> inOrder = List.of(
                "OMB Control No. 1210-0169 · Date of this notice",
                "a provider, is initiating",
                "federal independent dispute resolution (IDR) process is available for emergency services",
                "All-Payer Model Agreement or a specified state law",
                "out-of-network rate", "including any cost", // "total" and "sharing" are bold: extracted out of line
                "Last day of open negotiation",
                "Last day to initiate",
                "may still agree",
                "federal IDR website",
                "is initiating an open negotiation period with",
                // the items table, the standard's seven columns in order
                "Item or service", "Claim number", "Provider (NPI)", "Date provided", "Service code", "Initial payment",
                "Offer (total rate incl. cost sharing)",
                "initiating party's representative",
                "Signature",
                "Telephone",
                "Keep a copy");
        int at = -1;
        for (String s : inOrder) {
            int next = text.indexOf(s, at + 1);
            assertTrue(next > at, "'" + s + "' missing or out of the standard notice's order; notice text: " + text);
            at = next;
        }
    }
}
