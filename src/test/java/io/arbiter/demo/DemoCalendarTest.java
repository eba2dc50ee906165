package io.arbiter.demo;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo moves with today by whole weeks, and the bundled X12 files move with it, date by date. */
class DemoCalendarTest {

    private static DemoCalendar on(LocalDate today) {
        return new DemoCalendar(Clock.fixed(today.atTime(9, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
    }

    @Test
    void movesByWholeWeeksSoTodayFallsOnTheWrittenDayOrUpToSixDaysAfter() {
        assertEquals(0, on(LocalDate.of(2026, 11, 23)).shiftDays());
        assertEquals(0, on(LocalDate.of(2026, 11, 29)).shiftDays(), "Sunday of the written week");
        assertEquals(7, on(LocalDate.of(2026, 11, 30)).shiftDays());
        assertEquals(7, on(LocalDate.of(2026, 12, 4)).shiftDays(), "the Friday after: one week on");
        assertEquals(-7, on(LocalDate.of(2026, 11, 22)).shiftDays(), "the day before: one week back, not zero");
        for (LocalDate d = LocalDate.of(2026, 1, 1); d.isBefore(LocalDate.of(2028, 1, 1)); d = d.plusDays(1)) {
            long shift = on(d).shiftDays();
            long writtenToday = java.time.temporal.ChronoUnit.DAYS.between(DemoCalendar.WRITTEN_FOR.plusDays(shift), d);
            assertTrue(shift % 7 == 0 && writtenToday >= 0 && writtenToday <= 6, d + " → shift " + shift);
            assertEquals(DemoCalendar.WRITTEN_FOR.plusDays(shift).getDayOfWeek(), DemoCalendar.WRITTEN_FOR.getDayOfWeek());
        }
    }

    @Test
    void shiftsTheStoryDatesOfAnX12FileAndNothingElse() {
        String file = "ISA*00*          *00*          *ZZ*ACME1          *ZZ*LONESTAR       *261008*1200*^*00501*000000003*0*P*:~"
                + "GS*HP*ACME1*LONESTAR*20261008*1200*3*X*005010X221A1~ST*835*0001~"
                + "BPR*I*1942.56*C*ACH*CCP*01*111000025*DA*123456789*1123456789**01*113000023*DA*987654321*20261008~"
                + "CLP*LS03000002*1*14551.10*1942.56**12*ERA0030000002*11*1~DTM*232*20260820~"
                + "SVC*HC:64483:50*2400*1300.55**1~DTM*472*20260820~DTP*472*RD8*20260819-20260820~"
                + "DMG*D8*19600704*F~SE*9*0001~GE*1*3~IEA*1*000000003~";
        String moved = new String(on(LocalDate.of(2026, 12, 4)).shiftX12(file.getBytes(StandardCharsets.ISO_8859_1)),
                StandardCharsets.ISO_8859_1);
        assertTrue(moved.contains("*261015*1200*"), "ISA09 (YYMMDD) a week on: " + moved);
        assertTrue(moved.contains("GS*HP*ACME1*LONESTAR*20261015*1200"));
        assertTrue(moved.contains("*987654321*20261015~") && moved.contains("DTM*232*20260827~") && moved.contains("DTM*472*20260827~")
                && moved.contains("DTP*472*RD8*20260826-20260827~"), "payment, statement, service dates a week on: " + moved);
        assertTrue(moved.contains("CLP*LS03000002*1*14551.10*1942.56**12*ERA0030000002*11*1~"), "amounts and ids untouched");
        assertTrue(moved.contains("DMG*D8*19600704*F"), "a birth date does not move");
        assertEquals(file.length(), moved.length(), "the ISA header keeps its fixed width");
        assertEquals(file, new String(on(LocalDate.of(2026, 11, 25)).shiftX12(file.getBytes(StandardCharsets.ISO_8859_1)),
                StandardCharsets.ISO_8859_1), "in the written week nothing moves");
    }

    @Test
    void everyBundledDemoFileKeepsItsSegmentsAndDelimiters() throws IOException {
        DemoCalendar inAYear = on(DemoCalendar.WRITTEN_FOR.plusWeeks(52).plusDays(3));
        for (String name : DemoImports.FILES) {
            byte[] written;
            try (InputStream in = DemoImports.class.getResourceAsStream("/demo/x12/" + name)) {
                written = in.readAllBytes();
            }
            byte[] moved = inAYear.shiftX12(written);
            String a = new String(written, StandardCharsets.ISO_8859_1);
            String b = new String(moved, StandardCharsets.ISO_8859_1);
            assertEquals(a.length(), b.length(), name);
            char terminator = a.charAt(a.indexOf("ISA") + 105);
            List<String> before = Arrays.asList(a.split(java.util.regex.Pattern.quote(String.valueOf(terminator))));
            List<String> after = Arrays.asList(b.split(java.util.regex.Pattern.quote(String.valueOf(terminator))));
            assertEquals(before.size(), after.size(), name);
            int changed = 0;
            for (int i = 0; i < before.size(); i++) {
                String id = before.get(i).strip().split("[*|^~]", 2)[0];
                if (!before.get(i).equals(after.get(i))) {
                    changed++;
                    assertTrue(List.of("ISA", "GS", "BPR", "DTM", "DTP", "BHT").contains(id), name + ": " + before.get(i) + " → " + after.get(i));
                }
            }
            assertTrue(changed > 3, name + " moved only " + changed + " segments");
        }
    }
}
