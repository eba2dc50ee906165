package io.arbiter.calendar;

import io.arbiter.deadlines.Deadline;
import io.arbiter.deadlines.DeadlineEngine;
import io.arbiter.deadlines.DeadlineOptions;
import io.arbiter.deadlines.DeadlineSettings;
import io.arbiter.deadlines.Engines;
import io.arbiter.rules.Track;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.arbiter.deadlines.Engines.events;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Texas Code Construction Act roll-forward (Gov't Code §311.014) over the national holidays of Gov't Code
 * §662.003(a), which always apply; only the state holidays of §662.003(b) are a setting (deadline-computation.md).
 */
class TexasNationalHolidaysTest {

    private final DeadlineEngine engine = Engines.standard();

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    private static Deadline due(DeadlineEngine e, Track track, String key, String... events) {
        return e.calculate(track, events(events), DeadlineOptions.DEFAULTS).deadlines().stream()
                .filter(x -> x.key().equals(key)).findFirst().orElseThrow();
    }

    private static List<LocalDate> alternatives(Deadline d) {
        return d.alternatives().stream().map(Deadline.Alternative::dueDate).toList();
    }

    @Test
    void arbitrationRequestEndingOnSundayBeforeLaborDayIsDueTuesday() {
        // The example: 2025-06-02 + 90 CD = Sun 2025-08-31; Mon 2025-09-01 is Labor Day (§662.003(a)) → Tue 09-02.
        Deadline request = due(engine, Track.TEXAS_ARBITRATION, "ARBITRATION_REQUEST_DUE", "INITIAL_PAYMENT_RECEIVED", "2025-06-02");
        assertEquals(d("2025-09-02"), request.dueDate());
        assertFalse(alternatives(request).contains(d("2025-09-01")), "Labor Day is never offered as a reading: " + request.alternatives());
    }

    @Test
    void everyNationalHolidayRollsTheDeadlineWhateverTheStateHolidaySetting() {
        CalendarSettings stateHolidaysOn = new CalendarSettings();
        stateHolidaysOn.setTexasApplyUnverifiedHolidays(true);
        DeadlineEngine withState = Engines.with(stateHolidaysOn, new DeadlineSettings());
        for (DeadlineEngine e : List.of(engine, withState)) {
            // 2026-10-03 + 90 = Fri 2027-01-01, New Year's Day → Mon 2027-01-04.
            assertEquals(d("2027-01-04"), due(e, Track.TEXAS_ARBITRATION, "ARBITRATION_REQUEST_DUE",
                    "INITIAL_PAYMENT_RECEIVED", "2026-10-03").dueDate());
            // 2026-09-26 + 90 = Fri 2026-12-25, Christmas → Mon 2026-12-28.
            assertEquals(d("2026-12-28"), due(e, Track.TEXAS_ARBITRATION, "ARBITRATION_REQUEST_DUE",
                    "INITIAL_PAYMENT_RECEIVED", "2026-09-26").dueDate());
            // Workers' comp bill: DOS 2026-02-19 + 95 = Mon 2026-05-25, Memorial Day → Tue 05-26.
            assertEquals(d("2026-05-26"), due(e, Track.WORKERS_COMP, "BILL_DUE", "DATE_OF_SERVICE", "2026-02-19").dueDate());
            // Arbitrator fee: decision 2027-10-12 + 30 = Thu 2027-11-11, Veterans Day → Fri 11-12.
            assertEquals(d("2027-11-12"), due(e, Track.TEXAS_ARBITRATION, "ARBITRATOR_FEE_DUE", "DECISION_ISSUED", "2027-10-12").dueDate());
            // 2024-04-08 + 90 = Sun 2024-07-07: a weekend only, no holiday → Mon 07-08.
            assertEquals(d("2024-07-08"), due(e, Track.TEXAS_ARBITRATION, "ARBITRATION_REQUEST_DUE",
                    "INITIAL_PAYMENT_RECEIVED", "2024-04-08").dueDate());
        }
    }

    @Test
    void thanksgivingRollsByDefaultAndTheDayAfterIsTheStateHolidayAlternative() {
        // 2026-08-28 + 90 = Thu 2026-11-26, Thanksgiving (§662.003(a)) → Fri 11-27 by default; the Friday after
        // Thanksgiving is a §662.003(b) state holiday (UNVERIFIED): with it, Mon 11-30 — shown as the alternative.
        Deadline request = due(engine, Track.TEXAS_ARBITRATION, "ARBITRATION_REQUEST_DUE", "INITIAL_PAYMENT_RECEIVED", "2026-08-28");
        assertEquals(d("2026-11-27"), request.dueDate());
        assertEquals(List.of(d("2026-11-30")), alternatives(request));
        assertTrue(request.alternatives().get(0).reading().contains("662.003(b)"), request.alternatives().get(0).reading());
    }

    @Test
    void calendarKnowsWhichHolidaysAreNationalAndWhichAreState() {
        TexasCalendar tx = Engines.calendars().texas();
        // 2025 (a): Jan 1, Jan 20, Feb 17, May 26, Jul 4, Sep 1, Nov 11, Nov 27, Dec 25.
        for (String day : List.of("2025-01-01", "2025-01-20", "2025-02-17", "2025-05-26", "2025-07-04", "2025-09-01",
                "2025-11-11", "2025-11-27", "2025-12-25")) {
            assertFalse(tx.isOpen(d(day), false), day + " is closed even without the state list");
        }
        // (b): Texas Independence Day, San Jacinto Day, Emancipation Day, LBJ Day,
        // Friday after Thanksgiving, Dec 24, Dec 26 (on weekdays) — closed only with the state list.
        for (String day : List.of("2026-03-02", "2025-04-21", "2025-06-19", "2025-08-27", "2025-11-28", "2025-12-24", "2025-12-26")) {
            assertTrue(tx.isOpen(d(day), false), day);
            assertFalse(tx.isOpen(d(day), true), day);
        }
        // Columbus Day is a federal holiday but not in §662.003(a): Mon 2025-10-13 is open in Texas.
        assertTrue(tx.isOpen(d("2025-10-13"), true));
    }
}
