package io.arbiter.denials;

import io.arbiter.common.Citation;
import io.arbiter.rules.RuleNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** rules/denials-checklists.yml: which playbook evidence items must be attached before an appeal letter is generated. */
public record ChecklistRules(Map<String, Requirement> categories, Citation citation) {

    /** An item that becomes required when the denied line's code is one of {@code codes}. */
    public record CodeCondition(int item, Set<String> codes) {
    }

    public record Requirement(Set<Integer> required, List<CodeCondition> requiredForCodes) {

        /** The required item indexes for a denied line's procedure code. */
        public Set<Integer> requiredFor(String procedureCode) {
            Set<Integer> out = new TreeSet<>(required);
            requiredForCodes.stream().filter(c -> c.codes().contains(procedureCode)).forEach(c -> out.add(c.item()));
            return out;
        }
    }

    public Requirement forCategory(String category) {
        return categories.getOrDefault(category, new Requirement(Set.of(), List.of()));
    }

    static ChecklistRules bind(RuleNode root) {
        Map<String, Requirement> out = new LinkedHashMap<>();
        root.entries("categories").forEach((category, c) -> {
            Set<Integer> required = new TreeSet<>();
            for (RuleNode i : c.list("required")) {
                String s = i.scalar();
                try {
                    required.add(Integer.parseInt(s));
                } catch (NumberFormatException e) {
                    i.problem("must be an item index (a whole number), got '" + s + "'");
                }
            }
            List<CodeCondition> conditions = c.list("requiredForCodes").stream()
                    .map(n -> new CodeCondition(n.integer("item"), Set.copyOf(n.strings("codes")))).toList();
            out.put(category, new Requirement(Set.copyOf(required), conditions));
        });
        return new ChecklistRules(out, root.citation("citation"));
    }
}
