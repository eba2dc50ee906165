package io.arbiter.web;

import io.arbiter.common.Citation;
import io.arbiter.rules.RuleNode;

import java.util.HashMap;
import java.util.Map;

/**
 * Group codes, CARCs and RARCs in plain words for the claim view, from rules/carc-rarc-descriptions.yml
 * (cited rule data; entries absent from the domain references are flagged unverified).
 */
public final class RemarkCodeDictionary {

    /** A code's meaning with where it comes from. */
    public record Meaning(String code, String text, Citation citation) {
    }

    private final Map<String, Meaning> groups = new HashMap<>();
    private final Map<String, Meaning> carcs = new HashMap<>();
    private final Map<String, Meaning> rarcs = new HashMap<>();

    private RemarkCodeDictionary() {
    }

    /**
     * Binds rules/carc-rarc-descriptions.yml. A verified entry cites the X12 code list (the file's citation); an entry
     * marked unverified keeps its own page and says so. The pages beside verified entries are the research trail only.
     */
    static RemarkCodeDictionary bind(RuleNode root) {
        root.period();
        Citation list = root.citation("citation");
        RemarkCodeDictionary d = new RemarkCodeDictionary();
        load(root.entries("groups"), d.groups, list);
        load(root.entries("carcs"), d.carcs, list);
        load(root.entries("rarcs"), d.rarcs, list);
        return d;
    }

    private static void load(Map<String, RuleNode> entries, Map<String, Meaning> into, Citation list) {
        entries.forEach((code, e) -> {
            Citation c = e.flag("unverified")
                    ? new Citation("X12 list wording, not in the domain references (unverified)", e.optionalText("url"), true)
                    : list;
            into.put(code, new Meaning(code, e.text("text"), c));
        });
    }

    public Meaning group(String code) {
        return find(groups, code, "adjustment group");
    }

    public Meaning carc(String code) {
        return find(carcs, code, "reason code");
    }

    public Meaning rarc(String code) {
        return find(rarcs, code, "remark code");
    }

    private static Meaning find(Map<String, Meaning> map, String code, String kind) {
        Meaning m = code == null ? null : map.get(code.trim());
        return m != null ? m : new Meaning(code, "No description on file for this " + kind, new Citation("", "", true));
    }
}
