package io.arbiter.rules;

import java.util.List;
import java.util.Map;

/**
 * Event keys of the API contract's deadline table, per track, in the order they must happen.
 * (The table is part of the HTTP contract, not a regulatory number, so it lives in code.)
 */
public final class TriggerEvents {

    public static final Map<String, List<String>> BY_TRACK = Map.of(
            "FEDERAL_IDR", List.of("INITIAL_PAYMENT_RECEIVED", "OPEN_NEGOTIATION_STARTED", "IDR_INITIATED",
                    "IDRE_SELECTED", "DETERMINATION_ISSUED"),
            "TEXAS_ARBITRATION", List.of("INITIAL_PAYMENT_RECEIVED", "ARBITRATION_REQUESTED", "DECISION_ISSUED"),
            "TEXAS_PIP", List.of("DATE_OF_SERVICE", "PROOF_OF_CLAIM_RECEIVED"),
            "WORKERS_COMP", List.of("DATE_OF_SERVICE", "BILL_RECEIVED_BY_CARRIER", "CARRIER_ACTION_RECEIVED"),
            "COMMERCIAL_APPEAL", List.of("DENIAL_RECEIVED"));

    private TriggerEvents() {
    }

    public static boolean isEvent(String track, String key) {
        return BY_TRACK.getOrDefault(track, List.of()).contains(key);
    }
}
