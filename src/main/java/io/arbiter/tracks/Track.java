package io.arbiter.tracks;

/** Dispute tracks of the API contract. */
public enum Track {
    FEDERAL_IDR, TEXAS_ARBITRATION, TEXAS_PIP, WORKERS_COMP, COMMERCIAL_APPEAL, NOT_DISPUTABLE;

    /** Tracks the deadline calculator knows (NOT_DISPUTABLE has no deadlines). */
    public boolean hasDeadlines() {
        return this != NOT_DISPUTABLE;
    }
}
