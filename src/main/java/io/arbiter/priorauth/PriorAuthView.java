package io.arbiter.priorauth;

import io.arbiter.common.Citation;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;

/** An authorization with its timeline and turnaround clock. */
@Serdeable
public record PriorAuthView(Long id, @Nullable Long patientId, Long payerId, @Nullable String planType, String family,
                            @Nullable String authNumber, String status, LocalDate requestedDate, @Nullable LocalDate decisionDate,
                            @Nullable LocalDate validFrom, @Nullable LocalDate validTo, List<String> approvedCodes,
                            @Nullable Integer approvedLevels, @Nullable String laterality, @Nullable Integer approvedUnits,
                            boolean expedited, @Nullable String note, List<Step> timeline, Clock clock) {

    @Serdeable
    public record Step(String status, LocalDate date, @Nullable String note, String recordedBy) {
    }

    /**
     * Turnaround: calendar days from the request to the decision (or to today while pending), the date the
     * decision is due under the payer type's rule when one is known, and whether it is (or was) late.
     */
    @Serdeable
    public record Clock(long days, boolean decided, @Nullable LocalDate decisionDue, @Nullable Boolean late, @Nullable Citation citation) {
    }
}
