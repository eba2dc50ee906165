package io.arbiter.tracks.eligibility;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;

/** One line item proposed for a batched dispute. {@code conditionCode} is the primary ICD-10-CM code. */
@Serdeable
public record BatchItem(@Nullable String billingNpi, @Nullable String billingTin, String payerKey, LocalDate serviceDate,
                        String procedureCode, @Nullable String conditionCode) {
}
