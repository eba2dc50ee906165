package io.arbiter.common;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * File names as they are stored and as they leave in a {@code Content-Disposition} header. A name sent by a client may
 * hold anything — a carriage return made a stored document impossible to download (issue 23 item 9) — so control
 * characters and path parts are removed when it is stored, and the header carries an ASCII fallback plus the exact
 * name in RFC 5987 form ({@code filename*=UTF-8''…}, RFC 6266 section 4.3).
 */
public final class ContentDisposition {

    private static final int MAX_LENGTH = 255;

    private ContentDisposition() {
    }

    /** The name as it is kept: no control characters, no directory part, trimmed, at most 255 characters. */
    public static String cleanFileName(String name) {
        String n = name == null ? "" : name;
        int slash = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
        n = n.substring(slash + 1);
        StringBuilder b = new StringBuilder(n.length());
        n.codePoints().filter(cp -> !Character.isISOControl(cp) && cp != 0x2028 && cp != 0x2029)
                .forEach(b::appendCodePoint);
        String clean = b.toString().strip();
        if (clean.isEmpty() || clean.equals(".") || clean.equals("..")) {
            clean = "document";
        }
        return clean.length() <= MAX_LENGTH ? clean : clean.substring(0, MAX_LENGTH);
    }

    /** {@code attachment; filename="…"; filename*=UTF-8''…} for any name, stored before or after the cleaning. */
    public static String attachment(String fileName) {
        String clean = cleanFileName(fileName);
        StringBuilder ascii = new StringBuilder(clean.length());
        clean.chars().forEach(ch -> ascii.append(ch >= 0x20 && ch < 0x7f && ch != '"' && ch != '\\' ? (char) ch : '_'));
        String encoded = URLEncoder.encode(clean, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
