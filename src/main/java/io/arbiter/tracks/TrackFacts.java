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
 * {@link TrackFactsService} (or by a caller such as cases). Unknown values are null / UNKNOWN; a plan type of
 * {@link PlanType#OTHER} is unknown too (commercial filing indicators cannot tell self-funded from fully insured).
 *
 * @param planNetworkStatus     whether the rendering provider is in the plan's network
 * @param facilityNetworkStatus whether the facility where the service was furnished participates with the plan
 * @param remarkCodes           the claim's RARCs (claim and line level)
 * @param denied                the claim was denied (835 CLP02 = 4) or nothing was paid on it
 * @param claimFilingIndicator  835 CLP06 / 837P SBR09: which program the claim was filed under (VA, OF, LM, CI, ...)
 * @param adjustmentReasonCodes the claim's current CARCs without group code ("50", "45", ...)
 * @param unknownFacts          facts nobody has given and no remittance tells (e.g. {@link ClaimFact#EMERGENCY} when
 *                              the place of service is missing); null / UNKNOWN values above are unknown as well
 */
@Serdeable
public record TrackFacts(@Nullable PlanType planType, @Nullable String planRegulatorState,
                         @Nullable NetworkStatus planNetworkStatus, @Nullable String serviceState,
                         @Nullable String placeOfService, @Nullable NetworkStatus facilityNetworkStatus,
                         @Nullable ProviderType providerType, boolean noticeConsentOnFile, boolean emergency,
                         @Nullable LocalDate serviceDate, Set<String> remarkCodes, boolean denied,
                         @Nullable String claimFilingIndicator, Set<String> adjustmentReasonCodes,
                         Set<ClaimFact> unknownFacts) {

    public TrackFacts {
        remarkCodes = remarkCodes == null ? Set.of() : Set.copyOf(remarkCodes);
        adjustmentReasonCodes = adjustmentReasonCodes == null ? Set.of() : Set.copyOf(adjustmentReasonCodes);
        unknownFacts = unknownFacts == null ? Set.of() : Set.copyOf(unknownFacts);
    }

    /** Facts without a filing indicator, adjustment codes or unknown-fact markers (callers that only know the basics). */
    public TrackFacts(@Nullable PlanType planType, @Nullable String planRegulatorState, @Nullable NetworkStatus planNetworkStatus,
                      @Nullable String serviceState, @Nullable String placeOfService, @Nullable NetworkStatus facilityNetworkStatus,
                      @Nullable ProviderType providerType, boolean noticeConsentOnFile, boolean emergency,
                      @Nullable LocalDate serviceDate, Set<String> remarkCodes, boolean denied) {
        this(planType, planRegulatorState, planNetworkStatus, serviceState, placeOfService, facilityNetworkStatus, providerType,
                noticeConsentOnFile, emergency, serviceDate, remarkCodes, denied, null, Set.of(), Set.of());
    }

    public boolean planTypeKnown() {
        return planType != null && planType != PlanType.OTHER;
    }

    public boolean facilityNetworkStatusKnown() {
        return facilityNetworkStatus != null && facilityNetworkStatus != NetworkStatus.UNKNOWN;
    }
}
