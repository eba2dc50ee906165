package io.arbiter.priorauth;

import io.arbiter.practice.PlanType;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** Request bodies; constants are matched in any case and a wrong one is a 422 naming its field (common.EnumValueErrorHandler). */
public final class PriorAuthRequests {

    private PriorAuthRequests() {
    }

    @Serdeable
    public record Create(@Nullable Long patientId, @Nullable Long payerId, @Nullable PlanType planType, @Nullable AuthFamily family,
                         @Nullable @Size(max = 60) String authNumber, @Nullable AuthStatus status, @Nullable LocalDate requestedDate,
                         @Nullable LocalDate decisionDate, @Nullable LocalDate validFrom, @Nullable LocalDate validTo,
                         @Nullable @Size(max = 20) List<@NotBlank @Size(max = 8) String> approvedCodes,
                         @Nullable @Max(99) Integer approvedLevels, @Nullable Laterality laterality,
                         @Nullable @Max(9999) Integer approvedUnits, @Nullable Boolean expedited, @Nullable @Size(max = 500) String note) {
    }

    /** A step of the timeline; a decision may carry the approved scope. */
    @Serdeable
    public record Event(@Nullable AuthStatus status, @Nullable LocalDate date, @Nullable @Size(max = 500) String note,
                        @Nullable @Size(max = 60) String authNumber, @Nullable LocalDate validFrom, @Nullable LocalDate validTo,
                        @Nullable @Size(max = 20) List<@NotBlank @Size(max = 8) String> approvedCodes,
                        @Nullable @Max(99) Integer approvedLevels, @Nullable Laterality laterality,
                        @Nullable @Max(9999) Integer approvedUnits) {
    }

    @Serdeable
    public record ScsTrial(@Nullable Long patientId, @Nullable LocalDate trialStart, @Nullable LocalDate trialEnd,
                           @Nullable Integer reliefPercent, @Nullable LocalDate psychEvalDate, @Nullable String psychResult) {
    }
}
