package io.arbiter.calendarfeed;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 5545 output: CRLF, 75-octet folding (UTF-8 safe), TEXT escaping, all-day events with VALARMs. */
class IcsWriterTest {

    @Test
    void writesFoldedEscapedCalendar() {
        String longSummary = "Case 42 – IDR initiation due; payer ACME, plan self-funded ERISA, lines 64483/64484 "
                + "— ünïcödé text that is long enough to need folding";
        String ics = IcsWriter.write("Arbiter", List.of(new OpenDeadline("case-42-IDR_INITIATION_DUE",
                LocalDate.of(2024, 7, 19), longSummary, "line one\nline two, with comma", null)),
                LocalDateTime.of(2024, 7, 1, 12, 0), List.of(3, 1));

        assertTrue(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assertTrue(ics.endsWith("END:VCALENDAR\r\n"));
        assertFalse(ics.replace("\r\n", "").contains("\n"), "only CRLF line ends");
        for (String physical : ics.split("\r\n")) {
            assertTrue(physical.getBytes(StandardCharsets.UTF_8).length <= 75, "line over 75 octets: " + physical);
            assertFalse(physical.contains("\uFFFD"));
        }
        String unfolded = ics.replace("\r\n ", "");
        assertTrue(unfolded.contains("SUMMARY:Case 42 – IDR initiation due\\; payer ACME\\, plan"), unfolded);
        assertTrue(unfolded.contains("DESCRIPTION:line one\\nline two\\, with comma"));
        assertTrue(unfolded.contains("DTSTART;VALUE=DATE:20240719\r\nDTEND;VALUE=DATE:20240720"));
        assertTrue(unfolded.contains("UID:case-42-IDR_INITIATION_DUE@arbiter"));
        assertTrue(unfolded.contains("DTSTAMP:20240701T120000Z"));
        assertEquals(2, unfolded.split("BEGIN:VALARM", -1).length - 1);
        assertTrue(unfolded.contains("TRIGGER:-P3D") && unfolded.contains("TRIGGER:-P1D"));
        // folding kept every byte: unfolding restores the exact summary after unescaping
        String summaryLine = unfolded.lines().filter(l -> l.startsWith("SUMMARY:")).findFirst().orElseThrow();
        assertEquals(longSummary, summaryLine.substring(8).replace("\\;", ";").replace("\\,", ","));
    }
}
