package io.arbiter.packets;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The track-specific packet-details form shows the fields a track's packets print (PacketType.usedFields): this keeps
 * that list true to the templates — a packet fact a template prints but its type does not declare would be a field the
 * form never offers.
 */
class PacketTypeFieldsTest {

    @Test
    void everyPacketFactATemplatePrintsIsDeclaredByItsType() throws IOException {
        String layout = Files.readString(Path.of("templates/packets/_layout.ftl"));
        List<String> undeclared = new ArrayList<>();
        for (PacketType type : PacketType.values()) {
            String template = Files.readString(Path.of("templates/packets", type.templateName()));
            for (String key : PacketContextFactory.DETAIL_KEYS) {
                String printed = key.startsWith("payer.address.") ? "payer.address" : key;
                if (template.contains(printed) && !type.usedFields().contains(printed)) {
                    undeclared.add(type + " prints " + printed);
                }
                if (layout.contains(printed) && !PacketType.LAYOUT_FIELDS.contains(printed)) {
                    undeclared.add("_layout.ftl prints " + printed);
                }
            }
        }
        assertTrue(undeclared.isEmpty(), undeclared.toString());
        // And the declarations are not padding: each optional field is printed by its template.
        for (PacketType type : PacketType.values()) {
            String template = Files.readString(Path.of("templates/packets", type.templateName()));
            for (String key : type.optionalFields()) {
                assertTrue(template.contains(key), type + " declares " + key + " but its template does not print it");
            }
        }
    }
}
