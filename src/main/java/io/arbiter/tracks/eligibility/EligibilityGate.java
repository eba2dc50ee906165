package io.arbiter.tracks.eligibility;

/** One federal IDR eligibility rule (federal-idr.md §1.6). */
public interface EligibilityGate {

    String name();

    GateResult evaluate(EligibilityInput input);
}
