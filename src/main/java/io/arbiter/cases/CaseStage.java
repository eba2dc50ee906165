package io.arbiter.cases;

/**
 * Every stage a case can be in, across tracks. Which stages a track uses, and in which order,
 * is the track's {@link CaseWorkflow}.
 */
public enum CaseStage {
    DRAFT,
    // federal IDR
    OPEN_NEGOTIATION, READY_TO_INITIATE, IDR_INITIATED, IDRE_SELECTED, OFFERS_SUBMITTED, DETERMINED,
    // Texas arbitration
    ARBITRATION_REQUESTED, ARBITRATOR_SELECTED, DECIDED,
    // Texas PIP
    PROOF_OF_CLAIM_SENT, DEMAND_SENT,
    // workers' comp
    BILLED_TO_CARRIER, RECONSIDERATION_REQUESTED, RECONSIDERATION_DECIDED, MFDR_FILED, MFDR_DECIDED,
    // commercial appeal
    APPEAL_SUBMITTED, APPEAL_DECIDED,
    // money and exits
    PAID, PAYMENT_OVERDUE, CLOSED, SETTLED, WITHDRAWN, INELIGIBLE;

    /** Terminal stages accept no further workflow events (money corrections aside). */
    public boolean terminal() {
        return this == CLOSED || this == WITHDRAWN || this == INELIGIBLE;
    }

    /** Open cases are worked in the queue and carry live deadlines. */
    public boolean open() {
        return !terminal() && this != SETTLED && this != PAID;
    }
}
