package io.arbiter.tracks.eligibility;

import io.arbiter.practice.PlanType;
import io.arbiter.rules.RuleSet;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * No All-Payer Model Agreement and no specified State law sets the rate (42 U.S.C. 300gg-111(a)(3)(K);
 * order APM → State law → federal, federal-idr.md §1.2).
 */
public class NoStateLawOrAllPayerModelGate implements EligibilityGate {

    private final RuleSet rules;

    public NoStateLawOrAllPayerModelGate(RuleSet rules) {
        this.rules = rules;
    }

    @Override
    public String name() {
        return "NO_STATE_LAW_OR_ALL_PAYER_MODEL";
    }

    @Override
    public GateResult evaluate(EligibilityInput in) {
        LocalDate dos = GateSupport.dos(in);
        var f = in.facts();
        List<String> apm = GateSupport.codes(rules, "TRACKS.RARC_ALL_PAYER_MODEL", dos).stream().filter(f.remarkCodes()::contains).toList();
        if (!apm.isEmpty()) {
            return new GateResult(name(), GateStatus.FAIL, "Remark code " + String.join(", ", apm)
                    + ": the rate is set under an All-Payer Model Agreement", GateSupport.cite(rules, "TRACKS.RARC_ALL_PAYER_MODEL", dos));
        }
        List<String> state = GateSupport.codes(rules, "TRACKS.RARC_STATE_LAW", dos).stream().filter(f.remarkCodes()::contains).toList();
        if (!state.isEmpty()) {
            return new GateResult(name(), GateStatus.FAIL, "Remark code " + String.join(", ", state)
                    + ": the payment was made under a specified state law", GateSupport.cite(rules, "TRACKS.RARC_STATE_LAW", dos));
        }
        var stateCite = GateSupport.cite(rules, "TRACKS.SPECIFIED_STATE_LAW_STATES", dos);
        PlanType plan = f.planType();
        if (plan == PlanType.FULLY_INSURED_STATE || plan == PlanType.STATE_EMPLOYEE) {
            if (f.planRegulatorState() != null
                    && GateSupport.codes(rules, "TRACKS.SPECIFIED_STATE_LAW_STATES", dos).contains(f.planRegulatorState())) {
                return new GateResult(name(), GateStatus.FAIL, "The plan is regulated by " + f.planRegulatorState()
                        + ", which has a specified state law for out-of-network rates", stateCite);
            }
            return new GateResult(name(), GateStatus.UNKNOWN, "State-regulated plan (" + f.planRegulatorState()
                    + "): whether that state has a specified law is not in the rule data", stateCite);
        }
        if (plan == null || plan == PlanType.OTHER) {
            return new GateResult(name(), GateStatus.UNKNOWN, "Plan type unknown: cannot rule out a specified state law", stateCite);
        }
        if (Set.of(PlanType.SELF_FUNDED_ERISA, PlanType.FEHB).contains(plan)) {
            return new GateResult(name(), GateStatus.PASS, "Self-funded ERISA and FEHB plans fall under federal law "
                    + "(unless the plan opted into a state process)", stateCite);
        }
        return new GateResult(name(), GateStatus.FAIL, "Plan type " + plan + " is not a group health plan or issuer under the NSA",
                GateSupport.cite(rules, "TRACKS.PUBLIC_COVERAGE", dos));
    }
}
