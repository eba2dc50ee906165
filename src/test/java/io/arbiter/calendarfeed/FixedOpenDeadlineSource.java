package io.arbiter.calendarfeed;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.List;

/** Stands in for the case book's deadline feed in CalendarFeedApiTest only (property-gated); CaseLifecycleTest covers the real one. */
@Singleton
@io.micronaut.context.annotation.Replaces(io.arbiter.cases.CaseDeadlineFeed.class)
@Requires(property = "arbiter.test.calendar-source", value = "fixed")
public class FixedOpenDeadlineSource implements OpenDeadlineSource {

    @Override
    public List<OpenDeadline> forUser(String username) {
        return List.of(new OpenDeadline("case-7-IDR_INITIATION_DUE", LocalDate.of(2024, 7, 19),
                "Case 7: IDR initiation due", "Federal IDR, 4-business-day window 2024-07-16..2024-07-19", "/ui/cases/7"));
    }
}
