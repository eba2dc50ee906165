package io.arbiter.findings.scrubber;

import io.arbiter.rules.RuleNode;

import java.util.LinkedHashMap;
import java.util.Map;

/** rules/scrubber-pain.yml: each configured scrubber rule by id, in file order. */
public record ScrubberRules(Map<String, RuleConfig> rules) {

    public static ScrubberRules bind(RuleNode root) {
        Map<String, RuleConfig> out = new LinkedHashMap<>();
        root.entries("rules").forEach((id, row) -> out.put(id, RuleConfig.bind(id, row)));
        return new ScrubberRules(out);
    }
}
