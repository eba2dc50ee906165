package io.arbiter.tracks.eligibility;

import io.arbiter.deadlines.DisputeType;
import io.arbiter.tracks.TrackFacts;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;

/**
 * What the federal IDR screen needs. Dates that have not happened yet are null; {@code asOf} is "today"
 * for gates that can already tell a window was missed.
 *
 * @param initiatingParty the initiating party's key for cooling-off (TIN, or NPI)
 * @param otherParty      the non-initiating party's key (payer legal entity, or payer code)
 * @param serviceCodes    the dispute's service codes (CPT/HCPCS)
 * @param batchItems      the line items when {@code disputeType} is BATCHED
 */
@Serdeable
public record EligibilityInput(TrackFacts facts, @Nullable LocalDate initialPaymentReceived,
                               @Nullable LocalDate openNegotiationStarted, @Nullable LocalDate initiationDate,
                               LocalDate asOf, DisputeType disputeType, @Nullable String initiatingParty,
                               @Nullable String otherParty, List<String> serviceCodes, List<BatchItem> batchItems,
                               List<PriorDetermination> priorDeterminations) {

    public EligibilityInput {
        serviceCodes = serviceCodes == null ? List.of() : List.copyOf(serviceCodes);
        batchItems = batchItems == null ? List.of() : List.copyOf(batchItems);
        priorDeterminations = priorDeterminations == null ? List.of() : List.copyOf(priorDeterminations);
        disputeType = disputeType == null ? DisputeType.SINGLE : disputeType;
    }
}
