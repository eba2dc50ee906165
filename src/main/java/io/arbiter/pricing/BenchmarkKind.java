package io.arbiter.pricing;

/** BILLED = percentile of billed charges; ALLOWED = percentile of allowed (paid) amounts (benchmarks/README.md). */
public enum BenchmarkKind { BILLED, ALLOWED }
