package io.arbiter.cases;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** Something that happened on a case, who recorded it, and the stage change it caused. Append-only. */
@MappedEntity("case_event")
public record CaseEvent(
        @Id @GeneratedValue @Nullable Long id,
        Long caseId,
        CaseEventType type,
        LocalDate eventDate,
        @Nullable BigDecimal amount,
        @Nullable FeeKind feeKind,
        @Nullable Outcome outcome,
        @Nullable String note,
        String actor,
        @Nullable CaseStage stageBefore,
        @Nullable CaseStage stageAfter,
        @DateCreated @Nullable LocalDateTime createdAt) {
}
