package io.arbiter.cases;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Request bodies of the cases API. */
public final class CaseRequests {

    private CaseRequests() {
    }

    /**
     * {@code claimIds} or {@code lineIds}. {@code initialPaymentReceived} overrides the remittance's
     * payment date when the specialist knows the payment arrived on another day.
     */
    @Serdeable
    public record Create(@Nullable List<Long> claimIds, @Nullable List<Long> lineIds, @Nullable String assignee,
                         @Nullable LocalDate initialPaymentReceived) {
    }

    /** {@code version}, when sent, must match the case's current version (else 409: someone else changed it). */
    @Serdeable
    public record Event(String type, LocalDate date, @Nullable BigDecimal amount, @Nullable String note,
                        @Nullable String feeKind, @Nullable String outcome, @Nullable Long version) {
    }

    @Serdeable
    public record Share(@jakarta.validation.constraints.NotBlank String username) {
    }

    @Serdeable
    public record Assign(@jakarta.validation.constraints.NotEmpty List<@jakarta.validation.constraints.NotNull Long> caseIds,
                         @jakarta.validation.constraints.NotBlank String assignee) {
    }
}
