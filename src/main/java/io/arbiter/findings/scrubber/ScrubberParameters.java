package io.arbiter.findings.scrubber;

import io.arbiter.rules.RuleNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A scrubber rule's parameters from rules/scrubber-pain.yml, typed when the file is loaded: whole numbers (unquoted),
 * code lists, code maps (code → quoted code or codes) and per-payer numbers (payer → whole number). A value of another
 * shape is a load problem.
 */
public record ScrubberParameters(Map<String, Integer> numbers, Map<String, List<String>> codeLists,
                                 Map<String, Map<String, List<String>>> codeMaps, Map<String, Map<String, Integer>> numberMaps) {

    /** The keys every rule row has; the rest are the rule's own parameters. */
    static final Set<String> COMMON = Set.of("title", "severity", "payerScope", "effectiveFrom", "effectiveTo", "enabled",
            "citation", "unverified", "note");

    public int integer(String key, int dflt) {
        return numbers.getOrDefault(key, dflt);
    }

    public List<String> codes(String key) {
        return codeLists.getOrDefault(key, List.of());
    }

    public Map<String, List<String>> codeMap(String key) {
        return codeMaps.getOrDefault(key, Map.of());
    }

    public Map<String, Integer> numberMap(String key) {
        return numberMaps.getOrDefault(key, Map.of());
    }

    static ScrubberParameters bind(RuleNode row) {
        Map<String, Integer> numbers = new LinkedHashMap<>();
        Map<String, List<String>> lists = new LinkedHashMap<>();
        Map<String, Map<String, List<String>>> maps = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> numberMaps = new LinkedHashMap<>();
        row.entries().forEach((key, value) -> {
            if (COMMON.contains(key) || !value.present()) {
                return;
            }
            if (value.isList()) {
                lists.put(key, row.strings(key));
            } else if (value.isMap()) {
                Map<String, RuleNode> entries = value.entries();
                if (!entries.isEmpty() && entries.values().stream().allMatch(v -> v.isNumber() && isWholeNumber(v.scalar()))) {
                    Map<String, Integer> m = new LinkedHashMap<>();
                    entries.forEach((k, v) -> m.put(k, Integer.parseInt(v.scalar())));
                    numberMaps.put(key, m);
                } else {
                    Map<String, List<String>> m = new LinkedHashMap<>();
                    entries.forEach((k, v) -> m.put(k, v.isList() ? v.items().stream().map(RuleNode::scalar).toList() : List.of(v.scalar())));
                    maps.put(key, m);
                }
            } else if (value.isNumber() && isWholeNumber(value.scalar())) {
                numbers.put(key, Integer.parseInt(value.scalar()));
            } else {
                value.problem("a rule parameter must be a whole number, a list of codes or a map of codes, got '" + value.scalar() + "'");
            }
        });
        return new ScrubberParameters(numbers, lists, maps, numberMaps);
    }

    private static boolean isWholeNumber(String s) {
        return s != null && s.matches("-?\\d{1,9}");
    }
}
