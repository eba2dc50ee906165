package io.arbiter.cases;

/** How a case ended, for win rates. */
public enum Outcome { WON, LOST, SETTLED, WITHDRAWN, INELIGIBLE }
