package io.arbiter.denials;

import io.arbiter.rules.RuleBook;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Assigns a denial to an owner by the first matching routing rule (rules/denials-routing.yml, or the file
 * named by arbiter.denials.routing-file): conditions on category, payer code, practice NPI and work type.
 */
@Singleton
public class DenialRouter {

    public record Rule(String id, @Nullable String category, @Nullable String payerCode, @Nullable String practiceNpi,
                       @Nullable WorkType workType, String owner) {

        boolean matches(Subject s) {
            return (category == null || category.equals(s.category()))
                    && (payerCode == null || payerCode.equals(s.payerCode()))
                    && (practiceNpi == null || practiceNpi.equals(s.practiceNpi()))
                    && (workType == null || workType == s.workType());
        }
    }

    /** What routing looks at. */
    public record Subject(String category, @Nullable String payerCode, @Nullable String practiceNpi, WorkType workType) {
    }

    public record Assignment(String owner, String ruleId) {
    }

    private final List<Rule> rules;

    public DenialRouter(RuleBook book) {
        this.rules = book.get(RoutingRules.class).rules();
    }

    public @Nullable Assignment route(Subject s) {
        return rules.stream().filter(r -> r.matches(s)).findFirst().map(r -> new Assignment(r.owner(), r.id())).orElse(null);
    }

    public List<Rule> rules() {
        return List.copyOf(rules);
    }
}
