package io.arbiter.cases;

/** The outcome of one eligibility gate for a case: passed, failed, or not decidable from what is on file. */
public enum GateOutcome { PASS, FAIL, UNKNOWN }
