package io.arbiter.calendar;

import io.arbiter.rules.RuleKind;
import io.arbiter.rules.RuleSet;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/**
 * Texas Code Construction Act roll-forward (Gov't Code §311.014): when the last day of a period is a
 * Saturday, Sunday or legal holiday the period runs to the next day that is none of these. The national
 * holidays of Gov't Code §662.003(a) (rules/holidays.yml, TX_NATIONAL_HOLIDAY.*) are settled and always
 * closed; the state holidays of §662.003(b) (TX_STATE_HOLIDAY.*) are UNVERIFIED and applied at the caller's choice.
 * Texas holidays are taken on their actual dates (no weekend shifting).
 */
public final class TexasCalendar {

    private final List<HolidayDefinition> national;
    private final List<HolidayDefinition> state;

    public TexasCalendar(List<HolidayDefinition> national, List<HolidayDefinition> state) {
        this.national = List.copyOf(national);
        this.state = List.copyOf(state);
    }

    public static TexasCalendar fromRules(RuleSet rules) {
        return new TexasCalendar(holidays(rules, "TX_NATIONAL_HOLIDAY."), holidays(rules, "TX_STATE_HOLIDAY."));
    }

    private static List<HolidayDefinition> holidays(RuleSet rules, String prefix) {
        return rules.ofKind(RuleKind.HOLIDAY).stream().filter(e -> e.key().startsWith(prefix)).map(HolidayDefinition::of).toList();
    }

    /** A national holiday of §662.003(a): closed whatever the setting. */
    public boolean isNationalHoliday(LocalDate d) {
        return falls(national, d);
    }

    /** A state holiday of §662.003(b) (UNVERIFIED list). */
    public boolean isStateHoliday(LocalDate d) {
        return falls(state, d);
    }

    private static boolean falls(List<HolidayDefinition> holidays, LocalDate d) {
        for (HolidayDefinition h : holidays) {
            if (d.equals(h.dateIn(d.getYear()))) {
                return true;
            }
        }
        return false;
    }

    public boolean isOpen(LocalDate d, boolean withStateHolidays) {
        DayOfWeek w = d.getDayOfWeek();
        return w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY && !isNationalHoliday(d)
                && !(withStateHolidays && isStateHoliday(d));
    }

    /** The last day itself when it is open, else the next open day. */
    public LocalDate rollForward(LocalDate lastDay, boolean withStateHolidays) {
        LocalDate d = lastDay;
        while (!isOpen(d, withStateHolidays)) {
            d = d.plusDays(1);
        }
        return d;
    }

    public List<HolidayDefinition> nationalHolidays() {
        return national;
    }

    public List<HolidayDefinition> stateHolidays() {
        return state;
    }
}
