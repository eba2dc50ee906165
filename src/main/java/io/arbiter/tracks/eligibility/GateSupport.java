package io.arbiter.tracks.eligibility;

import io.arbiter.common.Citation;
import io.arbiter.rules.RuleEntry;
import io.arbiter.rules.RuleSet;

import java.time.LocalDate;
import java.util.List;

/** Rule look-ups shared by the gates (latest version when the date is outside every version). */
final class GateSupport {

    private GateSupport() {
    }

    static RuleEntry rule(RuleSet rules, String key, LocalDate on) {
        return rules.find(key, on).orElseGet(() -> {
            List<RuleEntry> all = rules.versions(key);
            return all.get(all.size() - 1);
        });
    }

    static Citation cite(RuleSet rules, String key, LocalDate on) {
        return rule(rules, key, on).citation();
    }

    static List<String> codes(RuleSet rules, String key, LocalDate on) {
        return rule(rules, key, on).codes();
    }

    static LocalDate dos(EligibilityInput in) {
        return in.facts().serviceDate() != null ? in.facts().serviceDate() : in.asOf();
    }
}
