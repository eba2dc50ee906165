package io.arbiter.tracks.eligibility;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** ELIGIBLE when every gate passes, INELIGIBLE when any fails, NEEDS_REVIEW otherwise. */
@Serdeable
public record EligibilityResult(Outcome outcome, List<GateResult> gates) {

    public enum Outcome { ELIGIBLE, INELIGIBLE, NEEDS_REVIEW }

    public static EligibilityResult of(List<GateResult> gates) {
        Outcome o = gates.stream().anyMatch(g -> g.status() == GateStatus.FAIL) ? Outcome.INELIGIBLE
                : gates.stream().anyMatch(g -> g.status() == GateStatus.UNKNOWN) ? Outcome.NEEDS_REVIEW : Outcome.ELIGIBLE;
        return new EligibilityResult(o, List.copyOf(gates));
    }
}
