package io.arbiter.tracks.eligibility;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;

/**
 * An earlier IDR payment determination that may start a cooling-off period (42 U.S.C. 300gg-111(c)(5)(E)).
 * Party keys are whatever the configured {@link CoolingOffSettings} identity policy compares (TIN/NPI, payer entity).
 */
@Serdeable
public record PriorDetermination(String initiatingParty, String otherParty, String serviceCode, LocalDate determinationDate,
                                 boolean batched, @Nullable LocalDate openNegotiationStarted) {
}
