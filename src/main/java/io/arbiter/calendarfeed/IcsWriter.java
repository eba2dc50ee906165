package io.arbiter.calendarfeed;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Minimal RFC 5545 writer (no iCalendar library resolves here): CRLF line ends, content lines folded at
 * 75 octets without splitting a UTF-8 character, TEXT values escaped (backslash, semicolon, comma, newline).
 * Deadlines are all-day events with VALARM display reminders.
 */
public final class IcsWriter {

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private IcsWriter() {
    }

    /**
     * @param nowUtc        DTSTAMP (UTC)
     * @param reminderDays  VALARM triggers, days before the due date (e.g. 3 and 1)
     */
    public static String write(String calendarName, List<OpenDeadline> deadlines, LocalDateTime nowUtc, List<Integer> reminderDays) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Arbiter//Deadlines//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:" + escape(calendarName));
        for (OpenDeadline d : deadlines) {
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + escape(d.uid()) + "@arbiter");
            line(out, "DTSTAMP:" + STAMP.format(nowUtc));
            line(out, "DTSTART;VALUE=DATE:" + DATE.format(d.dueDate()));
            line(out, "DTEND;VALUE=DATE:" + DATE.format(d.dueDate().plusDays(1)));
            line(out, "SUMMARY:" + escape(d.summary()));
            if (d.description() != null) {
                line(out, "DESCRIPTION:" + escape(d.description()));
            }
            if (d.url() != null) {
                line(out, "URL:" + d.url());
            }
            line(out, "TRANSP:TRANSPARENT");
            for (Integer days : reminderDays) {
                line(out, "BEGIN:VALARM");
                line(out, "ACTION:DISPLAY");
                line(out, "DESCRIPTION:" + escape("Due in " + days + (days == 1 ? " day: " : " days: ") + d.summary()));
                line(out, "TRIGGER:-P" + days + "D");
                line(out, "END:VALARM");
            }
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** RFC 5545 §3.3.11 TEXT escaping. */
    static String escape(String s) {
        return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    /** Appends a content line, folded (RFC 5545 §3.1) so no physical line exceeds 75 octets. */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + len > limit) {
                out.append("\r\n ");
                octets = 1; // the leading space of the continuation line counts
            }
            out.appendCodePoint(cp);
            octets += len;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
