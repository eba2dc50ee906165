package io.arbiter.denials;

import io.arbiter.rules.RuleNode;

import java.util.List;

/** rules/denials-routing.yml (or the practice's own file): the ordered routing rules; the first match assigns the owner. */
public record RoutingRules(List<DenialRouter.Rule> rules) {

    static RoutingRules bind(RuleNode root) {
        return new RoutingRules(root.list("rules").stream().map(r -> new DenialRouter.Rule(r.text("id"), r.optionalText("category"),
                r.optionalText("payerCode"), r.optionalText("practiceNpi"), r.optionalEnum("workType", WorkType.class), r.text("owner")))
                .toList());
    }
}
