package io.arbiter.deadlines;

import io.arbiter.calendar.CalendarSettings;
import io.arbiter.calendar.Calendars;
import io.arbiter.rules.RuleLoader;
import io.arbiter.rules.RuleSet;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the engine on the shipped rule data without an application context (pure unit tests). */
public final class Engines {

    public static final RuleSet RULES = RuleLoader.classpath().load();

    private Engines() {
    }

    public static DeadlineEngine standard() {
        return with(new CalendarSettings(), new DeadlineSettings());
    }

    public static DeadlineEngine with(CalendarSettings cs, DeadlineSettings ds) {
        return new DeadlineEngine(RULES, new Calendars(RULES, cs), ds);
    }

    public static Calendars calendars() {
        return new Calendars(RULES, new CalendarSettings());
    }

    public static Map<String, LocalDate> events(String... keyDatePairs) {
        Map<String, LocalDate> m = new LinkedHashMap<>();
        for (int i = 0; i < keyDatePairs.length; i += 2) {
            m.put(keyDatePairs[i], LocalDate.parse(keyDatePairs[i + 1]));
        }
        return m;
    }
}
