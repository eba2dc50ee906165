package io.arbiter.cases;

import java.util.Map;
import java.util.Set;

/**
 * Which recorded event meets which deadline. Informational dates (a window opening, the end of a
 * cooling-off period, the day interest starts) never drive the work queue.
 */
final class DeadlineSatisfaction {

    private static final Map<String, Set<CaseEventType>> MET_BY = Map.ofEntries(
            Map.entry("OPEN_NEGOTIATION_NOTICE_DUE", Set.of(CaseEventType.OPEN_NEGOTIATION_STARTED)),
            Map.entry("OPEN_NEGOTIATION_RESPONSE_DUE", Set.of(CaseEventType.PAYER_OFFER_RECEIVED, CaseEventType.IDR_INITIATED)),
            Map.entry("IDR_INITIATION_DUE", Set.of(CaseEventType.IDR_INITIATED)),
            Map.entry("IDRE_JOINT_SELECTION_DUE", Set.of(CaseEventType.IDRE_SELECTED)),
            Map.entry("IDRE_DEPARTMENT_SELECTION_DUE", Set.of(CaseEventType.IDRE_SELECTED)),
            Map.entry("OFFER_AND_FEES_DUE", Set.of(CaseEventType.OFFER_SUBMITTED, CaseEventType.DETERMINATION_ISSUED)),
            Map.entry("DETERMINATION_DUE", Set.of(CaseEventType.DETERMINATION_ISSUED)),
            Map.entry("FEE_REFUND_DUE", Set.of(CaseEventType.FEE_REFUND_RECEIVED)),
            Map.entry("ARBITRATION_REQUEST_DUE", Set.of(CaseEventType.ARBITRATION_REQUESTED)),
            Map.entry("ARBITRATOR_SELECTION_DUE", Set.of(CaseEventType.ARBITRATOR_SELECTED, CaseEventType.DECISION_ISSUED)),
            Map.entry("DECISION_DUE", Set.of(CaseEventType.DECISION_ISSUED)),
            Map.entry("ARBITRATOR_FEE_DUE", Set.of(CaseEventType.FEE_PAID)),
            Map.entry("BILLING_DUE", Set.of(CaseEventType.PROOF_OF_CLAIM_RECEIVED)),
            Map.entry("BILL_DUE", Set.of(CaseEventType.BILL_RECEIVED_BY_CARRIER)),
            Map.entry("CARRIER_ACTION_DUE", Set.of(CaseEventType.CARRIER_ACTION_RECEIVED)),
            Map.entry("RECONSIDERATION_DUE", Set.of(CaseEventType.RECONSIDERATION_REQUESTED, CaseEventType.MFDR_FILED)),
            Map.entry("MFDR_DUE", Set.of(CaseEventType.MFDR_FILED, CaseEventType.MFDR_DECIDED)),
            Map.entry("APPEAL_DUE", Set.of(CaseEventType.APPEAL_SUBMITTED)));

    private static final Set<String> INFORMATIONAL = Set.of("OPEN_NEGOTIATION_ENDS", "IDR_INITIATION_WINDOW_OPENS",
            "COOLING_OFF_ENDS", "COOLING_OFF_FILING_WINDOW_ENDS", "INTEREST_ACCRUES_FROM");

    private DeadlineSatisfaction() {
    }

    /**
     * Whether a deadline no longer needs anyone's action on this case: the case is closed, the date is
     * informational, or an event that meets it happened on or after the deadline's trigger date (an open
     * negotiation offer does not meet the offer deadline that IDRE selection starts).
     */
    static boolean met(String key, java.time.LocalDate fromDate, DisputeCase c, java.util.List<CaseEvent> history) {
        Set<CaseEventType> recorded = java.util.EnumSet.noneOf(CaseEventType.class);
        history.stream().filter(e -> !e.eventDate().isBefore(fromDate)).forEach(e -> recorded.add(e.type()));
        if (!c.open() || INFORMATIONAL.contains(key)) {
            return true;
        }
        if (key.equals("PAYMENT_DUE")) {
            if (c.getTrack() == io.arbiter.rules.Track.TEXAS_PIP) {
                return recorded.contains(CaseEventType.PAYMENT_RECEIVED);
            }
            // The 30-day payment after a determination is met once nothing is outstanding.
            return c.getDetermination() != null && c.outstanding().signum() == 0;
        }
        Set<CaseEventType> by = MET_BY.get(key);
        return by != null && by.stream().anyMatch(recorded::contains);
    }
}
