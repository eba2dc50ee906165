package io.arbiter.calendar;

import io.arbiter.deadlines.Engines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * 5 U.S.C. 6103 holidays and business-day arithmetic, checked against an independent implementation
 * written here from the statute's wording (day-of-month arithmetic, no TemporalAdjusters, no rule data).
 */
class FederalHolidaysPropertyTest {

    private final Calendars calendars = Engines.calendars();
    private final BusinessDayCalendar cal = calendars.federal();

    /** Independent: is {@code d} the actual date of one of the eleven 6103(a) holidays? */
    static boolean isActualHoliday(LocalDate d) {
        int m = d.getMonthValue();
        int day = d.getDayOfMonth();
        DayOfWeek w = d.getDayOfWeek();
        int weekOfMonth = (day - 1) / 7 + 1; // 1st..5th occurrence of this weekday in the month
        boolean lastOccurrence = day + 7 > d.lengthOfMonth();
        return (m == 1 && day == 1)
                || (m == 1 && w == DayOfWeek.MONDAY && weekOfMonth == 3)
                || (m == 2 && w == DayOfWeek.MONDAY && weekOfMonth == 3)
                || (m == 5 && w == DayOfWeek.MONDAY && lastOccurrence)
                || (m == 6 && day == 19 && d.getYear() >= 2021)
                || (m == 7 && day == 4)
                || (m == 9 && w == DayOfWeek.MONDAY && weekOfMonth == 1)
                || (m == 10 && w == DayOfWeek.MONDAY && weekOfMonth == 2)
                || (m == 11 && day == 11)
                || (m == 11 && w == DayOfWeek.THURSDAY && weekOfMonth == 4)
                || (m == 12 && day == 25);
    }

    /** Independent observed set for a year: scan every day of y-1..y+1 and shift weekend holidays. */
    static Set<LocalDate> independentObserved(int year) {
        Set<LocalDate> out = new TreeSet<>();
        for (LocalDate d = LocalDate.of(year - 1, 1, 1); d.getYear() <= year + 1; d = d.plusDays(1)) {
            if (isActualHoliday(d)) {
                LocalDate o = d.getDayOfWeek() == DayOfWeek.SATURDAY ? d.minusDays(1)
                        : d.getDayOfWeek() == DayOfWeek.SUNDAY ? d.plusDays(1) : d;
                if (o.getYear() == year) {
                    out.add(o);
                }
            }
        }
        return out;
    }

    static boolean independentBusinessDay(LocalDate d) {
        return d.getDayOfWeek().getValue() <= 5 && !independentObserved(d.getYear()).contains(d);
    }

    @ParameterizedTest
    @ValueSource(ints = {2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030})
    void observedHolidaysMatchIndependentImplementation(int year) {
        assertEquals(independentObserved(year), new TreeSet<>(calendars.federalHolidays().observedIn(year).keySet()));
        // 11 per year, minus one when this year's Jan 1 is a Saturday (observed on Dec 31 of the year before,
        // e.g. 2022 and 2028), plus one when next year's Jan 1 is (observed on Dec 31 of this year, e.g. 2027).
        int expected = 11 - (LocalDate.of(year, 1, 1).getDayOfWeek() == DayOfWeek.SATURDAY ? 1 : 0)
                + (LocalDate.of(year + 1, 1, 1).getDayOfWeek() == DayOfWeek.SATURDAY ? 1 : 0);
        assertEquals(expected, calendars.federalHolidays().observedIn(year).size());
    }

    @ParameterizedTest
    @ValueSource(ints = {2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030})
    void businessDayArithmeticMatchesNaiveCounting(int year) {
        Random random = new Random(year); // seeded: reproducible property samples
        for (int i = 0; i < 200; i++) {
            LocalDate x = LocalDate.of(year, 1, 1).plusDays(random.nextInt(365));
            int n = 1 + random.nextInt(40);
            // naive "N business days after X": walk day by day counting business days
            LocalDate d = x;
            int counted = 0;
            while (counted < n) {
                d = d.plusDays(1);
                if (independentBusinessDay(d)) {
                    counted++;
                }
            }
            assertEquals(d, cal.businessDaysAfter(x, n), "businessDaysAfter(" + x + ", " + n + ")");
            // naive "period beginning on X": X counts as day 1 when it is a business day
            LocalDate p = x;
            int c = independentBusinessDay(x) ? 1 : 0;
            while (c < n) {
                p = p.plusDays(1);
                if (independentBusinessDay(p)) {
                    c++;
                }
            }
            assertEquals(p, cal.dayOfPeriodBeginning(x, n), "dayOfPeriodBeginning(" + x + ", " + n + ")");
            assertEquals(independentBusinessDay(x), cal.isBusinessDay(x));
        }
    }

    @Test
    void observedDates2025FromDeadlineComputationReference() {
        assertEquals(dates("2025-01-01", "2025-01-20", "2025-02-17", "2025-05-26", "2025-06-19", "2025-07-04",
                        "2025-09-01", "2025-10-13", "2025-11-11", "2025-11-27", "2025-12-25"),
                new TreeSet<>(calendars.federalHolidays().observedIn(2025).keySet()));
    }

    @Test
    void observedDates2026IncludeFridayJuly3() {
        assertEquals(dates("2026-01-01", "2026-01-19", "2026-02-16", "2026-05-25", "2026-06-19", "2026-07-03",
                        "2026-09-07", "2026-10-12", "2026-11-11", "2026-11-26", "2026-12-25"),
                new TreeSet<>(calendars.federalHolidays().observedIn(2026).keySet()));
    }

    @Test
    void observedDates2027IncludeShiftedJuneteenthJulyChristmasAndNewYear2028() {
        assertEquals(dates("2027-01-01", "2027-01-18", "2027-02-15", "2027-05-31", "2027-06-18", "2027-07-05",
                        "2027-09-06", "2027-10-11", "2027-11-11", "2027-11-25", "2027-12-24", "2027-12-31"),
                new TreeSet<>(calendars.federalHolidays().observedIn(2027).keySet()));
        assertEquals("New Year's Day", calendars.federalHolidays().observedIn(2027).get(LocalDate.of(2027, 12, 31)));
    }

    @Test
    void thanksgiving2026IsNotABusinessDayAndClosureDaysAreOffByDefault() {
        assertEquals(false, cal.isBusinessDay(LocalDate.of(2026, 11, 26)));
        assertEquals(true, cal.isBusinessDay(LocalDate.of(2025, 12, 24)), "EO closure days count as business days by default");
        assertEquals(false, calendars.federalAlternative().isBusinessDay(LocalDate.of(2025, 12, 24)));
    }

    private static Set<LocalDate> dates(String... s) {
        return new TreeSet<>(List.of(s).stream().map(LocalDate::parse).toList());
    }
}
