package io.arbiter.findings;

import io.arbiter.rules.RuleNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** rules/denials-playbooks.yml: denial categories by CARC/RARC, each with its playbook and evidence checklist. */
public record PlaybookRules(Map<String, Category> categories, Set<String> nonDenialCarcs) {

    /** A category: the codes that name it and what to do about it. */
    public record Category(DenialClassifier.Playbook playbook, List<String> carcs, List<String> rarcs,
                           Map<String, Set<String>> rarcOnlyWithCarcs) {
    }

    static PlaybookRules bind(RuleNode root) {
        Map<String, Category> out = new LinkedHashMap<>();
        root.entries("categories").forEach((name, c) -> {
            Map<String, Set<String>> only = new LinkedHashMap<>();
            c.entries("rarcOnlyWithCarcs").forEach((rarc, carcs) -> only.put(rarc,
                    Set.copyOf(carcs.items().stream().map(RuleNode::scalar).toList())));
            out.put(name, new Category(new DenialClassifier.Playbook(name, c.text("playbook"), c.strings("evidence"), c.citation("citation")),
                    c.strings("carcs"), c.strings("rarcs"), only));
        });
        return new PlaybookRules(out, Set.copyOf(root.strings("nonDenialCarcs")));
    }
}
