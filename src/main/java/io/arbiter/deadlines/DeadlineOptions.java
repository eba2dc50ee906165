package io.arbiter.deadlines;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Per-calculation choices. Nulls mean "use configuration / rule data".
 *
 * @param disputeType            SINGLE (default), BUNDLED or BATCHED (selects the batched cooling-off rule)
 * @param appealWindowDays       the payer's appeal window (Payer.appealWindowDays) for COMMERCIAL_APPEAL
 * @param openNegotiationResponse force the 2026 Open Negotiation Response deadline on/off (announcement-triggered)
 * @param wcReconsiderationMonths 10 or 11 (texas-and-workers-comp.md §7 conflict 2)
 * @param payerId                look the appeal window up on this payer (API only)
 */
@Serdeable
public record DeadlineOptions(@Nullable DisputeType disputeType, @Nullable Integer appealWindowDays,
                              @Nullable Boolean openNegotiationResponse, @Nullable Integer wcReconsiderationMonths,
                              @Nullable Long payerId) {

    public static final DeadlineOptions DEFAULTS = new DeadlineOptions(null, null, null, null, null);

    public DisputeType disputeTypeOrDefault() {
        return disputeType == null ? DisputeType.SINGLE : disputeType;
    }

    public DeadlineOptions withAppealWindowDays(@Nullable Integer days) {
        return new DeadlineOptions(disputeType, days, openNegotiationResponse, wcReconsiderationMonths, payerId);
    }
}
