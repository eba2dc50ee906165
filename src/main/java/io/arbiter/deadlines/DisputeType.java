package io.arbiter.deadlines;

public enum DisputeType { SINGLE, BUNDLED, BATCHED }
