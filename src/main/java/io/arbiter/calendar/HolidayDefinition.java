package io.arbiter.calendar;

import io.arbiter.rules.RuleEntry;
import io.arbiter.rules.RuleTerms;
import io.micronaut.core.annotation.Nullable;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** A holiday rule: a fixed month/day, or the nth (or last, nth = -1) weekday of a month, plus an offset. */
public record HolidayDefinition(String key, String name, int month, @Nullable Integer day, @Nullable DayOfWeek weekday,
                                int nth, int offsetDays, LocalDate effectiveFrom, @Nullable LocalDate effectiveTo,
                                boolean unverified, String citationUrl) {

    public static HolidayDefinition of(RuleEntry e) {
        RuleTerms.Holiday h = e.holiday();
        return new HolidayDefinition(e.key(), h.name(), h.month(), h.day(), h.weekday(), h.nth(), h.offsetDays(),
                e.effectiveFrom(), e.effectiveTo(), e.unverified(), e.citationUrl());
    }

    /** The actual (unshifted) date in a year, or null when the definition is not in force that year. */
    public @Nullable LocalDate dateIn(int year) {
        LocalDate first = LocalDate.of(year, month, 1);
        LocalDate d;
        if (day != null) {
            d = first.withDayOfMonth(day);
        } else if (nth == -1) {
            d = first.with(TemporalAdjusters.lastInMonth(weekday));
        } else {
            d = first.with(TemporalAdjusters.dayOfWeekInMonth(nth, weekday));
        }
        d = d.plusDays(offsetDays);
        if (d.isBefore(effectiveFrom) || (effectiveTo != null && d.isAfter(effectiveTo))) {
            return null;
        }
        return d;
    }
}
