package io.arbiter.tracks;

import io.arbiter.practice.NetworkStatus;
import io.arbiter.practice.PlanType;
import io.arbiter.practice.ProviderType;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.Set;

/**
 * Everything track selection and eligibility look at, assembled from the database by
 * {@link TrackFactsService} (or by a caller such as cases). Unknown values are null / UNKNOWN.
 *
 * @param planNetworkStatus     whether the rendering provider is in the plan's network
 * @param facilityNetworkStatus whether the facility where the service was furnished participates with the plan
 * @param remarkCodes           the claim's RARCs (claim and line level)
 * @param denied                the claim was denied (835 CLP02 = 4)
 */
@Serdeable
public record TrackFacts(@Nullable PlanType planType, @Nullable String planRegulatorState,
                         @Nullable NetworkStatus planNetworkStatus, @Nullable String serviceState,
                         @Nullable String placeOfService, @Nullable NetworkStatus facilityNetworkStatus,
                         @Nullable ProviderType providerType, boolean noticeConsentOnFile, boolean emergency,
                         @Nullable LocalDate serviceDate, Set<String> remarkCodes, boolean denied) {

    public TrackFacts {
        remarkCodes = remarkCodes == null ? Set.of() : Set.copyOf(remarkCodes);
    }
}
