package io.arbiter.cases;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** One gate of a case's eligibility screen as last run (V79): replaced whole each time the case is screened. */
@MappedEntity("case_eligibility_gate")
public record CaseEligibilityGate(
        @Id @GeneratedValue @Nullable Long id,
        Long caseId,
        int ordinal,
        String name,
        GateOutcome status,
        String reason,
        @Nullable String citation) {
}
