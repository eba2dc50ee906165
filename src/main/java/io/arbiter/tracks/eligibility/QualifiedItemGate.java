package io.arbiter.tracks.eligibility;

import io.arbiter.practice.NetworkStatus;
import io.arbiter.rules.RuleSet;

import java.time.LocalDate;

/**
 * Qualified IDR item or service (42 U.S.C. 300gg-111(a)–(c); federal-idr.md §1.1): emergency services,
 * non-emergency services at a participating facility (hospital, HOPD, CAH, ASC), or air ambulance.
 */
public class QualifiedItemGate implements EligibilityGate {

    private final RuleSet rules;

    public QualifiedItemGate(RuleSet rules) {
        this.rules = rules;
    }

    @Override
    public String name() {
        return "QUALIFIED_ITEM";
    }

    @Override
    public GateResult evaluate(EligibilityInput in) {
        LocalDate dos = GateSupport.dos(in);
        var f = in.facts();
        LocalDate start = GateSupport.rule(rules, "TRACKS.FEDERAL_NSA_START", dos).value().requireDate();
        if (f.serviceDate() != null && f.serviceDate().isBefore(start)) {
            return new GateResult(name(), GateStatus.FAIL, "Service on " + f.serviceDate() + " predates the No Surprises Act ("
                    + start + ")", GateSupport.cite(rules, "TRACKS.FEDERAL_NSA_START", dos));
        }
        String pos = f.placeOfService();
        if (f.emergency() || GateSupport.codes(rules, "TRACKS.EMERGENCY_POS", dos).contains(pos)) {
            return new GateResult(name(), GateStatus.PASS, "Emergency services are qualified IDR items",
                    GateSupport.cite(rules, "TRACKS.EMERGENCY_POS", dos));
        }
        if (GateSupport.codes(rules, "TRACKS.AIR_AMBULANCE_POS", dos).contains(pos)) {
            return new GateResult(name(), GateStatus.PASS, "Air ambulance services are qualified IDR items",
                    GateSupport.cite(rules, "TRACKS.AIR_AMBULANCE_POS", dos));
        }
        var facilityCite = GateSupport.cite(rules, "TRACKS.FACILITY_POS", dos);
        if (pos == null) {
            return new GateResult(name(), GateStatus.UNKNOWN, "Place of service unknown", facilityCite);
        }
        if (!GateSupport.codes(rules, "TRACKS.FACILITY_POS", dos).contains(pos)) {
            return new GateResult(name(), GateStatus.FAIL, "Non-emergency care at place of service " + pos
                    + " is not furnished at a hospital, hospital outpatient department or ambulatory surgical center", facilityCite);
        }
        NetworkStatus fac = f.facilityNetworkStatus();
        if (fac == NetworkStatus.IN_NETWORK) {
            return new GateResult(name(), GateStatus.PASS, "Non-emergency care at a participating facility (place of service "
                    + pos + ")", facilityCite);
        }
        if (fac == NetworkStatus.OUT_OF_NETWORK) {
            return new GateResult(name(), GateStatus.FAIL, "The facility does not participate with the plan", facilityCite);
        }
        return new GateResult(name(), GateStatus.UNKNOWN, "The facility's network status is unknown", facilityCite);
    }
}
