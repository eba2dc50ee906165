package io.arbiter.demo;

import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * The demo's dates are written for one day, {@link #WRITTEN_FOR}: on it, cases stand in every stage with their
 * deadlines ahead, one due within the week and one overdue by design. On any other day every demo date — keyed-in
 * claims, the bundled X12 files, the cases built on them — moves by the same whole number of weeks, so the demo
 * stands where it was written to stand and weekdays stay weekdays (business-day clocks keep their shape).
 * Birth dates do not move (DMG segments, and the seeder's patients are not shifted).
 */
@Singleton
public class DemoCalendar {

    /** The day the demo's fixed dates were chosen for (a Monday). */
    public static final LocalDate WRITTEN_FOR = LocalDate.of(2026, 11, 23);

    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    /** Segments whose dates are facts of the story (service, statement, payment, production, transaction dates). */
    private static final Set<String> DATED = Set.of("DTM", "DTP", "BPR", "GS", "ISA", "BHT");

    private final Clock clock;

    public DemoCalendar(Clock clock) {
        this.clock = clock;
    }

    /**
     * Days every demo date moves by today: a multiple of seven, negative before {@link #WRITTEN_FOR}. So the demo's
     * "today" always falls on the written day or up to six days after it, which the story leaves room for.
     */
    public long shiftDays() {
        return Math.floorDiv(ChronoUnit.DAYS.between(WRITTEN_FOR, LocalDate.now(clock)), 7) * 7;
    }

    public LocalDate shift(LocalDate written) {
        return written.plusDays(shiftDays());
    }

    /**
     * The X12 file with its story dates moved: DTM/DTP dates (bare, D8 and RD8), BPR16, GS04, BHT04 and ISA09. The
     * delimiters are read from the ISA header (element separator at position 3, segment terminator at 105), so the
     * file is rewritten byte for byte except for those dates.
     */
    public byte[] shiftX12(byte[] file) {
        long shiftDays = shiftDays();
        if (shiftDays == 0) {
            return file;
        }
        String text = new String(file, StandardCharsets.ISO_8859_1);
        int isa = text.indexOf("ISA");
        if (isa < 0 || text.length() < isa + 106) {
            return file;
        }
        String element = String.valueOf(text.charAt(isa + 3));
        char terminator = text.charAt(isa + 105);
        StringBuilder out = new StringBuilder(text.length());
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf(terminator, start);
            int stop = end < 0 ? text.length() : end;
            out.append(shiftSegment(text.substring(start, stop), element, shiftDays));
            if (end >= 0) {
                out.append(terminator);
            }
            start = stop + 1;
        }
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String shiftSegment(String segment, String separator, long shiftDays) {
        String trimmed = segment.stripLeading();
        String lead = segment.substring(0, segment.length() - trimmed.length());
        String[] e = trimmed.split(java.util.regex.Pattern.quote(separator), -1);
        if (!DATED.contains(e[0])) {
            return segment;
        }
        switch (e[0]) {
            case "BPR" -> shiftAt(e, 16, CCYYMMDD, shiftDays);
            case "GS", "BHT" -> shiftAt(e, 4, CCYYMMDD, shiftDays);
            case "ISA" -> shiftAt(e, 9, YYMMDD, shiftDays);
            case "DTM", "DTP" -> {
                // DTM*472*20260820 (835) or, with a format qualifier, DTP*472*D8*20260820 and DTP*472*RD8*from-to
                boolean qualified = e.length > 3 && ("D8".equals(e[2]) || "RD8".equals(e[2]));
                if (qualified && "RD8".equals(e[2]) && e[3].length() == 17) {
                    e[3] = move(e[3].substring(0, 8), CCYYMMDD, shiftDays) + "-" + move(e[3].substring(9), CCYYMMDD, shiftDays);
                } else {
                    shiftAt(e, qualified ? 3 : 2, CCYYMMDD, shiftDays);
                }
            }
            default -> {
            }
        }
        return lead + String.join(separator, e);
    }

    private static void shiftAt(String[] elements, int index, DateTimeFormatter format, long shiftDays) {
        if (elements.length > index && elements[index].length() == (format == YYMMDD ? 6 : 8)) {
            elements[index] = move(elements[index], format, shiftDays);
        }
    }

    private static String move(String date, DateTimeFormatter format, long shiftDays) {
        try {
            return LocalDate.parse(date, format).plusDays(shiftDays).format(format);
        } catch (java.time.format.DateTimeParseException e) {
            return date;
        }
    }
}
