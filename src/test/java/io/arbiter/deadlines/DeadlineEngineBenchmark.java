package io.arbiter.deadlines;

import io.arbiter.calendar.BusinessDayCalendar;
import io.arbiter.calendar.FederalHolidays;
import io.arbiter.rules.Track;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Throughput of the deadline engine (excluded from surefire; run with
 * {@code mvn -B -o test -Dtest=DeadlineEngineBenchmark -Dsurefire.excludes=none}).
 * Baseline in the same run: business-day arithmetic on a calendar whose holiday set is recomputed on every
 * look-up (no per-year cache), i.e. what a naive implementation does.
 */
class DeadlineEngineBenchmark {

    @Test
    void benchmark() {
        DeadlineEngine engine = Engines.standard();
        Map<String, LocalDate> events = Engines.events("INITIAL_PAYMENT_RECEIVED", "2026-11-02", "OPEN_NEGOTIATION_STARTED",
                "2026-12-01", "IDR_INITIATED", "2027-01-20", "IDRE_SELECTED", "2027-01-25", "DETERMINATION_ISSUED", "2027-03-09");
        FederalHolidays cached = Engines.calendars().federalHolidays();
        BusinessDayCalendar fast = new BusinessDayCalendar("cached", cached::isObservedHoliday);
        BusinessDayCalendar naive = new BusinessDayCalendar("naive",
                d -> new FederalHolidays(cached.definitions()).isObservedHoliday(d));
        assertEquals(fast.businessDaysAfter(LocalDate.of(2027, 3, 9), 30), naive.businessDaysAfter(LocalDate.of(2027, 3, 9), 30));

        for (int round = 0; round < 2; round++) { // round 0 warms the JIT
            long t0 = System.nanoTime();
            int n = 0;
            while (System.nanoTime() - t0 < 2_000_000_000L) {
                engine.calculate(Track.FEDERAL_IDR, events, DeadlineOptions.DEFAULTS);
                n++;
            }
            double engineOps = n / ((System.nanoTime() - t0) / 1e9);
            t0 = System.nanoTime();
            int m = 0;
            while (System.nanoTime() - t0 < 2_000_000_000L) {
                fast.businessDaysAfter(LocalDate.of(2027, 3, 9), 30);
                m++;
            }
            double fastOps = m / ((System.nanoTime() - t0) / 1e9);
            t0 = System.nanoTime();
            int k = 0;
            while (System.nanoTime() - t0 < 2_000_000_000L) {
                naive.businessDaysAfter(LocalDate.of(2027, 3, 9), 30);
                k++;
            }
            double naiveOps = k / ((System.nanoTime() - t0) / 1e9);
            System.out.printf("round %d: full FEDERAL_IDR calculation (13 deadlines x 3 calendar readings): %.0f/s; "
                    + "30-BD count cached holidays: %.0f/s; baseline uncached: %.0f/s (%.1fx)%n",
                    round, engineOps, fastOps, naiveOps, fastOps / naiveOps);
        }
    }
}
