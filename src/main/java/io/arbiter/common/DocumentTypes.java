package io.arbiter.common;

import io.micronaut.core.annotation.Nullable;

import java.nio.charset.StandardCharsets;

/**
 * What a document's bytes are, whatever its name or declared type says: PDF, PNG or JPEG — the three a packet can
 * merge as an exhibit. Used when a document is uploaded (anything else is refused there, rather than silently left
 * out of every packet later) and again when a packet is assembled.
 */
public final class DocumentTypes {

    public static final String PDF = "application/pdf";
    public static final String PNG = "image/png";
    public static final String JPEG = "image/jpeg";

    private DocumentTypes() {
    }

    /** The content type the bytes show, or null when they are none of PDF, PNG, JPEG. */
    @Nullable
    public static String detect(byte[] b) {
        if (b == null || b.length < 8) {
            return null;
        }
        // %PDF- may follow a few bytes of junk in real scans; PDF readers accept up to 1024.
        String head = new String(b, 0, Math.min(b.length, 1024), StandardCharsets.ISO_8859_1);
        if (head.contains("%PDF-")) {
            return PDF;
        }
        if ((b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return PNG;
        }
        if ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return JPEG;
        }
        return null;
    }
}
