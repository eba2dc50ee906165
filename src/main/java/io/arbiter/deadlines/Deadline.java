package io.arbiter.deadlines;

import io.arbiter.rules.Convention;
import io.arbiter.rules.DayType;

import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;

/**
 * One computed deadline (API contract fields plus convention, citation text, UNVERIFIED flag and note).
 * {@code from} is the trigger: an event key, or a deadline key for derived dates (e.g. OPEN_NEGOTIATION_ENDS).
 */
@Serdeable
public record Deadline(String key, LocalDate dueDate, DayType dayType, int count, String from, LocalDate fromDate,
                       String citation, String ruleVersion, List<Alternative> alternatives,
                       Convention convention, String citationText, boolean unverified, String note) {

    @Serdeable
    public record Alternative(LocalDate dueDate, String reading) {
    }
}
