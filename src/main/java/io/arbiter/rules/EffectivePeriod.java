package io.arbiter.rules;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;

/** When a version of a rule is in force: from its first day to its last (open-ended when {@code to} is null). */
public record EffectivePeriod(LocalDate from, @Nullable LocalDate to) {

    public static final EffectivePeriod ALWAYS = new EffectivePeriod(LocalDate.MIN, null);

    public boolean covers(LocalDate date) {
        return !date.isBefore(from) && (to == null || !date.isAfter(to));
    }

    public boolean overlaps(EffectivePeriod other) {
        boolean endsBefore = to != null && to.isBefore(other.from);
        boolean startsAfter = other.to != null && other.to.isBefore(from);
        return !endsBefore && !startsAfter;
    }
}
