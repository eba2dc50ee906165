package io.arbiter.calendar;

import io.arbiter.rules.RuleSet;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;

/**
 * The calendars deadlines are computed on: the Federal business-day calendar (with and without
 * executive-order closure days) and the Texas roll-forward calendar. Other packages inject this.
 */
@Singleton
public class Calendars {

    private final FederalHolidays federalHolidays;
    private final Set<LocalDate> closureDays;
    private final BusinessDayCalendar federal;
    private final BusinessDayCalendar federalWithClosures;
    private final TexasCalendar texas;
    private final CalendarSettings settings;

    public Calendars(RuleSet rules, CalendarSettings settings) {
        this.settings = settings;
        this.federalHolidays = FederalHolidays.fromRules(rules);
        TreeSet<LocalDate> closures = new TreeSet<>(FederalHolidays.closureDates(rules));
        closures.addAll(settings.getExtraClosureDays());
        this.closureDays = closures;
        this.federal = new BusinessDayCalendar("FEDERAL", federalHolidays::isObservedHoliday);
        this.federalWithClosures = new BusinessDayCalendar("FEDERAL+CLOSURES",
                d -> federalHolidays.isObservedHoliday(d) || closures.contains(d));
        this.texas = TexasCalendar.fromRules(rules);
    }

    public FederalHolidays federalHolidays() {
        return federalHolidays;
    }

    /** The configured default federal calendar (closure days off unless arbiter.calendar.count-closure-days). */
    public BusinessDayCalendar federal() {
        return settings.isCountClosureDays() ? federalWithClosures : federal;
    }

    /** The other reading of closure days, for alternatives. */
    public BusinessDayCalendar federalAlternative() {
        return settings.isCountClosureDays() ? federal : federalWithClosures;
    }

    public boolean closureDaysCounted() {
        return settings.isCountClosureDays();
    }

    public Set<LocalDate> closureDays() {
        return closureDays;
    }

    public TexasCalendar texas() {
        return texas;
    }

    public boolean texasHolidaysApplied() {
        return settings.isTexasApplyUnverifiedHolidays();
    }
}
