package io.arbiter.findings.scrubber;

import io.arbiter.common.Citation;
import io.arbiter.findings.ScanClaim;
import io.arbiter.pricing.RuleData;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A rule's row of rules/scrubber-pain.yml: title, severity, payer scope, effective dates, citation, parameters. */
public record RuleConfig(String id, String title, String severity, List<String> payerScope, LocalDate effectiveFrom,
                         LocalDate effectiveTo, boolean enabled, Citation citation, Map<String, Object> params) {

    static RuleConfig of(String id, Map<String, Object> m) {
        Object scope = m.get("payerScope");
        List<String> payerScope = scope instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of(String.valueOf(scope));
        return new RuleConfig(id, RuleData.string(m, "title"), RuleData.string(m, "severity"), payerScope,
                RuleData.date(m, "effectiveFrom", LocalDate.MIN), RuleData.date(m, "effectiveTo", LocalDate.MAX),
                !Boolean.FALSE.equals(m.get("enabled")), RuleData.citation(m, "citation"), m);
    }

    public boolean appliesTo(ScanClaim claim) {
        if (!enabled || claim.serviceDate().isBefore(effectiveFrom) || claim.serviceDate().isAfter(effectiveTo)) {
            return false;
        }
        if (payerScope.contains("ALL")) {
            return true;
        }
        if (payerScope.contains("MEDICARE") && claim.medicare()) {
            return true;
        }
        return claim.payerCode() != null && payerScope.contains(claim.payerCode());
    }

    public int integer(String key, int dflt) {
        return RuleData.integer(params, key, dflt);
    }

    public List<String> strings(String key) {
        return RuleData.strings(params, key);
    }

    public Map<String, Object> map(String key) {
        return RuleData.map(params, key);
    }
}
