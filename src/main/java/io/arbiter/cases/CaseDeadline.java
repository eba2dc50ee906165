package io.arbiter.cases;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.LocalDate;

/** A computed deadline of a case, kept so the queue and the calendar feed can sort and list them. */
@MappedEntity("case_deadline")
public record CaseDeadline(
        @Id @GeneratedValue @Nullable Long id,
        Long caseId,
        @MappedProperty("deadline_key") String key,
        LocalDate dueDate,
        io.arbiter.rules.DayType dayType,
        @MappedProperty("day_count") int count,
        String fromKey,
        LocalDate fromDate,
        @Nullable String citation,
        @Nullable String ruleVersion,
        boolean met) {
}
