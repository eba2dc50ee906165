package io.arbiter.cases;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDate;

/** Another reading of a case deadline (V81): the date it would be due and the reading under which it would. */
@MappedEntity("case_deadline_alternative")
public record CaseDeadlineAlternative(
        @Id @GeneratedValue @Nullable Long id,
        Long caseDeadlineId,
        int ordinal,
        @Nullable LocalDate dueDate,
        String reading) {
}
