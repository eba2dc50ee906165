package io.arbiter.pricing;

import io.micronaut.serde.annotation.Serdeable;

/** What a line is priced from: a UCR benchmark percentile, the Medicare PFS, or a workers' comp fee schedule. */
public sealed interface PricingBasis {

    String describe();

    @Serdeable
    record Ucr(String set, BenchmarkKind kind, int percentile) implements PricingBasis {
        public String describe() {
            return "UCR " + set + ", " + kind + ", " + percentile + "th percentile";
        }
    }

    @Serdeable
    record MedicarePfs() implements PricingBasis {
        public String describe() {
            return "Medicare PFS (PPRRVU x GPCI x CF)";
        }
    }

    @Serdeable
    record WorkersComp(String state, String program) implements PricingBasis {
        public String describe() {
            return "Workers' comp fee schedule " + state + " " + program;
        }
    }
}
