package io.arbiter.reconciliation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An 835 PLB adjustment as intake stored it (read only here: intake writes provider_adjustment in the import). */
@MappedEntity("provider_adjustment")
public record ProviderAdjustmentRow(
        @Id Long id,
        Long importId,
        @Nullable Long practiceId,
        String providerIdentifier,
        @Nullable LocalDate fiscalPeriodDate,
        String reasonCode,
        @Nullable String reference,
        BigDecimal amount,
        @Nullable String payerName,
        @Nullable LocalDate paymentDate,
        @Nullable String trace) {
}
