package io.arbiter.packets;

import io.arbiter.common.Citation;
import io.arbiter.rules.RuleNode;

import java.util.LinkedHashMap;
import java.util.Map;

/** rules/code-descriptions.yml: plain-language descriptions of pain-management codes (not the AMA CPT descriptors). */
public record CodeDescriptions(Map<String, String> codes, Citation citation) {

    static CodeDescriptions bind(RuleNode root) {
        Map<String, String> codes = new LinkedHashMap<>();
        root.entries("codes").forEach((code, text) -> codes.put(code, text.scalar()));
        return new CodeDescriptions(Map.copyOf(codes), root.citation("citation"));
    }
}
