package io.arbiter.cases;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Request bodies of the cases API. Shape and size are declared here and checked by micronaut-validation before a
 * controller runs (400 naming the field); what the case's rules refuse is a 422 from the service.
 */
public final class CaseRequests {

    private CaseRequests() {
    }

    /**
     * {@code claimIds} or {@code lineIds}. {@code initialPaymentReceived} overrides the remittance's
     * payment date when the specialist knows the payment arrived on another day.
     */
    @Serdeable
    public record Create(@Nullable @Size(max = 500) List<@NotNull Long> claimIds,
                         @Nullable @Size(max = 2000) List<@NotNull Long> lineIds,
                         @Nullable @Size(max = 100) String assignee,
                         @Nullable LocalDate initialPaymentReceived) {
    }

    /** {@code version}, when sent, must match the case's current version (else 409: someone else changed it). */
    @Serdeable
    public record Event(@NotNull CaseEventType type,
                        @NotNull LocalDate date,
                        @Nullable @Digits(integer = 10, fraction = 2) @DecimalMin("-9999999999.99") @DecimalMax("9999999999.99") BigDecimal amount,
                        @Nullable @Size(max = 2000) String note,
                        @Nullable FeeKind feeKind,
                        @Nullable Outcome outcome,
                        @Nullable Long version) {
    }

    @Serdeable
    public record Share(@NotBlank @Size(max = 100) String username) {
    }

    @Serdeable
    public record Assign(@jakarta.validation.constraints.NotEmpty @Size(max = 1000) List<@NotNull Long> caseIds,
                         @NotBlank @Size(max = 100) String assignee) {
    }
}
