package io.arbiter.tracks.eligibility;

import io.arbiter.practice.NetworkStatus;
import io.arbiter.rules.RuleSet;

import java.time.LocalDate;

/** The provider is out of network with the plan (in-network claims are ineligible; federal-idr.md §1.6). */
public class OutOfNetworkGate implements EligibilityGate {

    private final RuleSet rules;

    public OutOfNetworkGate(RuleSet rules) {
        this.rules = rules;
    }

    @Override
    public String name() {
        return "OUT_OF_NETWORK";
    }

    @Override
    public GateResult evaluate(EligibilityInput in) {
        LocalDate dos = GateSupport.dos(in);
        var cite = GateSupport.cite(rules, "TRACKS.OUT_OF_NETWORK_REQUIRED", dos);
        NetworkStatus s = in.facts().planNetworkStatus();
        if (s == NetworkStatus.OUT_OF_NETWORK) {
            return new GateResult(name(), GateStatus.PASS, "The provider is out of network with the plan", cite);
        }
        if (s == NetworkStatus.IN_NETWORK) {
            return new GateResult(name(), GateStatus.FAIL, "The provider is in network with the plan: not an IDR dispute", cite);
        }
        return new GateResult(name(), GateStatus.UNKNOWN, "The provider's network status with the plan is unknown", cite);
    }
}
