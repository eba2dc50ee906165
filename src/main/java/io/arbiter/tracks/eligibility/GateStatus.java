package io.arbiter.tracks.eligibility;

public enum GateStatus { PASS, FAIL, UNKNOWN }
