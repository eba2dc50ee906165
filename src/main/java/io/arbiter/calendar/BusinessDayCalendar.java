package io.arbiter.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.function.Predicate;

/**
 * Monday–Friday minus a set of closed days, with the counting conventions of deadline-computation.md.
 */
public final class BusinessDayCalendar {

    private final String name;
    private final Predicate<LocalDate> closed;

    public BusinessDayCalendar(String name, Predicate<LocalDate> closed) {
        this.name = name;
        this.closed = closed;
    }

    public String name() {
        return name;
    }

    public boolean isBusinessDay(LocalDate d) {
        DayOfWeek w = d.getDayOfWeek();
        return w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY && !closed.test(d);
    }

    /** The first business day strictly after {@code d}. */
    public LocalDate nextBusinessDay(LocalDate d) {
        LocalDate x = d.plusDays(1);
        while (!isBusinessDay(x)) {
            x = x.plusDays(1);
        }
        return x;
    }

    /** {@code d} when it is a business day, else the next one. */
    public LocalDate onOrAfter(LocalDate d) {
        return isBusinessDay(d) ? d : nextBusinessDay(d);
    }

    /**
     * "Period beginning on X": X is day 1 when it is a business day (else the next business day is);
     * returns business day {@code n} of the period.
     */
    public LocalDate dayOfPeriodBeginning(LocalDate x, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("a period has at least one day");
        }
        LocalDate d = onOrAfter(x);
        for (int i = 1; i < n; i++) {
            d = nextBusinessDay(d);
        }
        return d;
    }

    /**
     * "N business days after X": X is day 0 and the first counted day is the next business day.
     * Also the last day of an N-day window that opens the day after a period ends at X.
     */
    public LocalDate businessDaysAfter(LocalDate x, int n) {
        LocalDate d = x;
        for (int i = 0; i < n; i++) {
            d = nextBusinessDay(d);
        }
        return d;
    }

    /** Business days in [from, to], both inclusive. */
    public int countBetweenInclusive(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (isBusinessDay(d)) {
                n++;
            }
        }
        return n;
    }
}
