package io.arbiter.calendar;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code arbiter.calendar.*}. Both switches default to the safe side (earlier date): closure days and the
 * UNVERIFIED Texas state holidays (Gov't Code §662.003(b)) are not applied, and the later date is shown as an
 * alternative. The national holidays of §662.003(a) are settled and always applied; no setting turns them off.
 */
@ConfigurationProperties("arbiter.calendar")
public class CalendarSettings {

    /** Count executive-order closure days (rules/holidays.yml FEDERAL_CLOSURE.* plus extraClosureDays) as non-business days. */
    private boolean countClosureDays = false;
    /** Additional closure dates (e.g. a new executive order) on top of the data file. */
    private List<LocalDate> extraClosureDays = new ArrayList<>();
    /** Also apply the UNVERIFIED Texas state holidays (§662.003(b)) in the Code Construction Act roll-forward. */
    private boolean texasApplyUnverifiedHolidays = false;

    public boolean isCountClosureDays() {
        return countClosureDays;
    }

    public void setCountClosureDays(boolean countClosureDays) {
        this.countClosureDays = countClosureDays;
    }

    public List<LocalDate> getExtraClosureDays() {
        return extraClosureDays;
    }

    public void setExtraClosureDays(List<LocalDate> extraClosureDays) {
        this.extraClosureDays = extraClosureDays == null ? new ArrayList<>() : extraClosureDays;
    }

    public boolean isTexasApplyUnverifiedHolidays() {
        return texasApplyUnverifiedHolidays;
    }

    public void setTexasApplyUnverifiedHolidays(boolean texasApplyUnverifiedHolidays) {
        this.texasApplyUnverifiedHolidays = texasApplyUnverifiedHolidays;
    }
}
