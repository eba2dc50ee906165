package io.arbiter.findings;

/** Contract types plus MISSING_BENCHMARK: a line that could not be priced because its data is absent (reported, not guessed). */
public enum FindingType { UNDERPAYMENT, CODING, DENIAL, MISSING_BENCHMARK }
