package io.arbiter.rules;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds the {@code params} of a dated rule entry to the {@link RuleTerms} record of its kind. A missing or malformed
 * value is a problem at its file and path; the record still comes back (with a harmless default) so the rest is read.
 */
final class RuleTermsBinder {

    private RuleTermsBinder() {
    }

    static RuleTerms bind(RuleKind kind, RuleNode params) {
        return switch (kind) {
            case DEADLINE -> deadline(params);
            case FEE -> fee(params);
            case VALUE -> value(params);
            case CODE_LIST -> codeList(params);
            case HOLIDAY -> holiday(params);
            case CLOSURE -> new RuleTerms.Closure(params.date("date"));
        };
    }

    private static RuleTerms.Deadline deadline(RuleNode p) {
        Track track = p.enumValue("track", Track.class);
        String from = p.text("from");
        int count = p.integer("count");
        if (count < 0) {
            p.problem("count", "must not be negative");
        }
        DayType dayType = orDefault(p.enumValue("dayType", DayType.class), DayType.CALENDAR);
        Convention convention = orDefault(p.enumValue("convention", Convention.class), Convention.DAYS_AFTER);
        RuleTerms.RollForward roll = orDefault(p.optionalEnum("rollForward", RuleTerms.RollForward.class),
                RuleTerms.RollForward.NONE);
        List<RuleTerms.Alternative> alternatives = new ArrayList<>();
        for (RuleNode alt : p.list("alternatives")) {
            alternatives.add(new RuleTerms.Alternative(alt.text("reading"),
                    orDefault(alt.optionalEnum("convention", Convention.class), convention), alt.optionalInteger("count"),
                    orDefault(alt.optionalEnum("dayType", DayType.class), dayType)));
        }
        return new RuleTerms.Deadline(orDefault(track, Track.NOT_DISPUTABLE), from, count, dayType, convention, roll,
                p.optionalEnum("requires", RuleTerms.Requirement.class),
                p.optionalEnum("configurableCount", RuleTerms.ConfigurableCount.class), List.copyOf(alternatives));
    }

    private static RuleTerms.Fee fee(RuleNode p) {
        BigDecimal amount = money(p, "amount");
        BigDecimal min = money(p, "min");
        BigDecimal max = money(p, "max");
        if (amount == null && (min == null || max == null)) {
            p.problem("a FEE rule needs amount, or min and max");
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            p.problem("min", min + " is above max " + max);
        }
        RuleTerms.BatchIncrement increment = null;
        if (p.has("baseLines") || p.has("incrementBlock") || p.has("incrementMin") || p.has("incrementMax")) {
            int block = p.integer("incrementBlock");
            if (block <= 0) {
                p.problem("incrementBlock", "must be a positive number of lines");
                block = 1;
            }
            increment = new RuleTerms.BatchIncrement(p.integer("baseLines"), block,
                    orDefault(money(p, "incrementMin"), BigDecimal.ZERO.setScale(2)),
                    orDefault(money(p, "incrementMax"), BigDecimal.ZERO.setScale(2)));
        }
        return new RuleTerms.Fee(amount, min, max, increment);
    }

    /** A non-negative amount with at most two decimals, written as text ("115.00") so YAML never rounds it. */
    private static @Nullable BigDecimal money(RuleNode p, String key) {
        BigDecimal d = p.optionalDecimal(key);
        if (d == null) {
            return null;
        }
        if (d.signum() < 0 || d.scale() > 2) {
            p.problem(key, "must be an amount of dollars and cents, not negative, got " + d.toPlainString());
            return null;
        }
        return d.setScale(2);
    }

    private static RuleTerms.Value value(RuleNode p) {
        if (!p.contains("value")) {
            p.problem("value", "is required (a date, a whole number, true/false, or null for 'not set')");
            return new RuleTerms.Value(null, null, null);
        }
        RuleNode v = p.get("value");
        if (!v.present()) {
            return new RuleTerms.Value(null, null, null);
        }
        if (v.isFlag()) {
            return new RuleTerms.Value(null, null, p.flag("value"));
        }
        if (v.isNumber()) {
            return new RuleTerms.Value(null, p.optionalInteger("value"), null);
        }
        String text = v.scalar();
        try {
            return new RuleTerms.Value(LocalDate.parse(String.valueOf(text).trim()), null, null);
        } catch (DateTimeParseException e) {
            v.problem("must be a date (YYYY-MM-DD), a whole number or true/false, got '" + text + "'");
            return new RuleTerms.Value(null, null, null);
        }
    }

    private static RuleTerms.CodeList codeList(RuleNode p) {
        List<String> codes = p.strings("codes");
        if (codes.isEmpty()) {
            p.problem("codes", "must list at least one code");
        }
        return new RuleTerms.CodeList(List.copyOf(codes));
    }

    private static RuleTerms.Holiday holiday(RuleNode p) {
        String name = p.text("name");
        int month = p.integer("month");
        if (month < 1 || month > 12) {
            p.problem("month", "must be 1-12, got " + month);
        }
        Integer day = p.optionalInteger("day");
        DayOfWeek weekday = null;
        int nth = 0;
        if (day != null) {
            if (day < 1 || day > 31) {
                p.problem("day", "must be 1-31, got " + day);
            }
        } else {
            weekday = orDefault(p.enumValue("weekday", DayOfWeek.class), DayOfWeek.MONDAY);
            nth = p.integer("nth");
            if (nth == 0 || nth < -1 || nth > 5) {
                p.problem("nth", "must be 1-5 or -1 (last), got " + nth);
            }
        }
        Integer offset = p.optionalInteger("offsetDays");
        return new RuleTerms.Holiday(name, month, day, weekday, nth, offset == null ? 0 : offset);
    }

    private static <T> T orDefault(@Nullable T value, T fallback) {
        return value == null ? fallback : value;
    }
}
