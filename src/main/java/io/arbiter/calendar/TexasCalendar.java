package io.arbiter.calendar;

import io.arbiter.rules.RuleKind;
import io.arbiter.rules.RuleSet;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/**
 * Texas Code Construction Act roll-forward (Gov't Code §311.014): when the last day of a period is a
 * Saturday, Sunday or legal holiday the period runs to the next day that is none of these. The
 * holiday list (rules/holidays.yml, TX_HOLIDAY.*) is UNVERIFIED; whether it is applied is the caller's choice.
 * Texas holidays are taken on their actual dates (no weekend shifting).
 */
public final class TexasCalendar {

    private final List<HolidayDefinition> holidays;

    public TexasCalendar(List<HolidayDefinition> holidays) {
        this.holidays = List.copyOf(holidays);
    }

    public static TexasCalendar fromRules(RuleSet rules) {
        return new TexasCalendar(rules.ofKind(RuleKind.HOLIDAY).stream()
                .filter(e -> e.key().startsWith("TX_HOLIDAY.")).map(HolidayDefinition::of).toList());
    }

    public boolean isHoliday(LocalDate d) {
        for (HolidayDefinition h : holidays) {
            if (d.equals(h.dateIn(d.getYear()))) {
                return true;
            }
        }
        return false;
    }

    public boolean isOpen(LocalDate d, boolean withHolidays) {
        DayOfWeek w = d.getDayOfWeek();
        return w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY && !(withHolidays && isHoliday(d));
    }

    /** The last day itself when it is open, else the next open day. */
    public LocalDate rollForward(LocalDate lastDay, boolean withHolidays) {
        LocalDate d = lastDay;
        while (!isOpen(d, withHolidays)) {
            d = d.plusDays(1);
        }
        return d;
    }

    public List<HolidayDefinition> holidays() {
        return holidays;
    }
}
