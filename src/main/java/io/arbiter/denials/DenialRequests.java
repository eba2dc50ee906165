package io.arbiter.denials;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

public final class DenialRequests {

    private DenialRequests() {
    }

    @Serdeable
    public record Sync(@Nullable @jakarta.validation.constraints.Size(max = 10000) List<@jakarta.validation.constraints.NotNull Long> claimIds) {
    }

    @Serdeable
    public record SyncResult(int claimsScanned, int created, int updated, int unchanged, Map<String, Integer> byCategory) {
    }

    /** Marks checklist items attached (or detached with attached=false), referencing an uploaded case document. */
    @Serdeable
    public record Evidence(@jakarta.validation.constraints.NotEmpty @jakarta.validation.constraints.Size(max = 50)
                           List<@jakarta.validation.constraints.NotNull @jakarta.validation.constraints.PositiveOrZero Integer> items,
                           @Nullable Long documentId, @Nullable Boolean attached) {
    }

    @Serdeable
    public record Outcome(@jakarta.validation.constraints.NotNull DenialStatus status, @Nullable BigDecimal recoveredAmount) {
    }

    @Serdeable
    public record Assign(@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 100) String owner) {
    }
}
