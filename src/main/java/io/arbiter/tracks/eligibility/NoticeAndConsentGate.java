package io.arbiter.tracks.eligibility;

import io.arbiter.rules.RuleSet;

import java.time.LocalDate;

/**
 * No valid notice-and-consent waiver (45 CFR 149.420): a waiver is never valid for ancillary services
 * (anesthesia, radiology, pathology, laboratory, assistant surgeons, hospitalists) nor for emergency services.
 */
public class NoticeAndConsentGate implements EligibilityGate {

    private final RuleSet rules;

    public NoticeAndConsentGate(RuleSet rules) {
        this.rules = rules;
    }

    @Override
    public String name() {
        return "NO_VALID_NOTICE_AND_CONSENT";
    }

    @Override
    public GateResult evaluate(EligibilityInput in) {
        LocalDate dos = GateSupport.dos(in);
        var cite = GateSupport.cite(rules, "TRACKS.NOTICE_CONSENT_ANCILLARY", dos);
        var f = in.facts();
        if (!f.noticeConsentOnFile()) {
            return new GateResult(name(), GateStatus.PASS, "No notice-and-consent waiver is on file", cite);
        }
        if (f.emergency()) {
            return new GateResult(name(), GateStatus.PASS, "Consent cannot waive protections for emergency services", cite);
        }
        if (f.providerType() == null) {
            return new GateResult(name(), GateStatus.UNKNOWN, "Consent is on file and the provider type is unknown", cite);
        }
        if (f.providerType().ancillary()) {
            return new GateResult(name(), GateStatus.PASS, "Consent on file is not valid for an ancillary service ("
                    + f.providerType() + ")", cite);
        }
        return new GateResult(name(), GateStatus.FAIL, "A notice-and-consent waiver is on file for a non-ancillary service", cite);
    }
}
