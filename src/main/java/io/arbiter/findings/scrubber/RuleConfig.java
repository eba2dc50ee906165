package io.arbiter.findings.scrubber;

import io.arbiter.common.Citation;
import io.arbiter.findings.ScanClaim;
import io.arbiter.rules.EffectivePeriod;
import io.arbiter.rules.RuleNode;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** A rule's row of rules/scrubber-pain.yml: title, severity, payer scope, effective dates, citation, typed parameters. */
public record RuleConfig(String id, String title, String severity, List<String> payerScope, EffectivePeriod period,
                         boolean enabled, Citation citation, ScrubberParameters params) {

    static final Set<String> SEVERITIES = Set.of("ERROR", "WARNING", "INFO");

    static RuleConfig bind(String id, RuleNode row) {
        List<String> payerScope = row.get("payerScope").isList() ? row.strings("payerScope") : List.of(row.text("payerScope"));
        String severity = row.text("severity");
        if (!severity.isEmpty() && !SEVERITIES.contains(severity)) {
            row.problem("severity", "must be one of " + SEVERITIES + ", got '" + severity + "'");
        }
        return new RuleConfig(id, row.text("title"), severity, payerScope, row.period(),
                !row.has("enabled") || row.flag("enabled"), row.citation("citation"), ScrubberParameters.bind(row));
    }

    public boolean appliesTo(ScanClaim claim) {
        if (!enabled || !period.covers(claim.serviceDate())) {
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
        return params.integer(key, dflt);
    }

    public List<String> strings(String key) {
        return params.codes(key);
    }

    public Map<String, List<String>> codeMap(String key) {
        return params.codeMap(key);
    }

    public Map<String, Integer> numberMap(String key) {
        return params.numberMap(key);
    }
}
