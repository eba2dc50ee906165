package io.arbiter.rules;

/** Counting conventions of deadline-computation.md. */
public enum Convention {
    /** "Period beginning on X": X is day 1 (or the next business day when X is not one); due on day N. */
    PERIOD_BEGINNING_ON,
    /** "N days after X": X is day 0; the first counted day is the next day of the right type. */
    DAYS_AFTER,
    /** A window opening the day after a period ends at X and closing on its Nth day. */
    WINDOW_AFTER_PERIOD,
    MONTHS_AFTER,
    YEARS_AFTER,
    /** "The first day of the Nth month after X" (CPRC §146.002). */
    FIRST_DAY_OF_MONTH_AFTER
}
