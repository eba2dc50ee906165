package io.arbiter.calendar;

import io.arbiter.rules.RuleEntry;
import io.arbiter.rules.RuleKind;
import io.arbiter.rules.RuleSet;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Observed Federal legal public holidays (5 U.S.C. 6103) computed for any year from the holiday
 * definitions in rules/holidays.yml. Observance (6103(b), EO 11582): Saturday → the Friday before,
 * Sunday → the Monday after; so New Year's Day on a Saturday is observed on December 31 of the prior year.
 */
public final class FederalHolidays {

    private final List<HolidayDefinition> definitions;
    private final Map<Integer, Map<LocalDate, String>> cache = new ConcurrentHashMap<>();

    public FederalHolidays(List<HolidayDefinition> definitions) {
        this.definitions = List.copyOf(definitions);
    }

    public static FederalHolidays fromRules(RuleSet rules) {
        return new FederalHolidays(rules.ofKind(RuleKind.HOLIDAY).stream()
                .filter(e -> e.key().startsWith("FEDERAL_HOLIDAY."))
                .map(HolidayDefinition::of).toList());
    }

    /** Saturday → Friday before; Sunday → Monday after; weekdays unchanged. */
    public static LocalDate observe(LocalDate actual) {
        if (actual.getDayOfWeek() == DayOfWeek.SATURDAY) {
            return actual.minusDays(1);
        }
        if (actual.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return actual.plusDays(1);
        }
        return actual;
    }

    /** Observed dates falling in the given calendar year, with the holiday name. */
    public Map<LocalDate, String> observedIn(int year) {
        return cache.computeIfAbsent(year, y -> {
            Map<LocalDate, String> out = new TreeMap<>();
            // Neighbouring years matter: Jan 1 of y+1 on a Saturday is observed on Dec 31 of y.
            for (int yy = y - 1; yy <= y + 1; yy++) {
                for (HolidayDefinition def : definitions) {
                    LocalDate actual = def.dateIn(yy);
                    if (actual == null) {
                        continue;
                    }
                    LocalDate observed = observe(actual);
                    if (observed.getYear() == y) {
                        out.put(observed, def.name());
                    }
                }
            }
            return Collections.unmodifiableMap(out);
        });
    }

    public boolean isObservedHoliday(LocalDate date) {
        return observedIn(date.getYear()).containsKey(date);
    }

    public List<HolidayDefinition> definitions() {
        return definitions;
    }

    static List<LocalDate> closureDates(RuleSet rules) {
        return rules.ofKind(RuleKind.CLOSURE).stream().map(e -> e.closure().date()).toList();
    }

    static List<RuleEntry> closures(RuleSet rules) {
        return rules.ofKind(RuleKind.CLOSURE);
    }
}
