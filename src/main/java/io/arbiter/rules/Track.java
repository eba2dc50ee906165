package io.arbiter.rules;

/** Dispute tracks of the API contract: the vocabulary rule entries are written in (each entry names its track). */
public enum Track {
    FEDERAL_IDR, TEXAS_ARBITRATION, TEXAS_PIP, WORKERS_COMP, COMMERCIAL_APPEAL, NOT_DISPUTABLE;

    /** Tracks the deadline calculator knows (NOT_DISPUTABLE has no deadlines). */
    public boolean hasDeadlines() {
        return this != NOT_DISPUTABLE;
    }
}
