package io.arbiter.intake;

import io.arbiter.common.Citation;
import io.arbiter.practice.PlanType;
import io.arbiter.rules.RuleBook;
import io.arbiter.rules.RuleNode;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps the 837P claim filing indicator (SBR09) to the plan type of a payer's first plan, from
 * rules/claim-filing-indicator.yml. Commercial indicators map to a configurable default because X12
 * does not say whether a commercial plan is self-funded (ERISA) or fully insured.
 */
@Singleton
public class PlanTypes {

    private final Map<String, PlanType> mapping = new HashMap<>();
    private final PlanType commercial;

    /**
     * rules/claim-filing-indicator.yml bound: indicator to plan type; an indicator mapped to {@code commercial} has no plan
     * type of its own (null here) and takes the configured commercial default.
     */
    public record FilingIndicators(Map<String, PlanType> mapping, Set<String> commercial, Citation citation) {

        static FilingIndicators bind(RuleNode root) {
            root.period();
            Map<String, PlanType> mapping = new HashMap<>();
            Set<String> commercial = new HashSet<>();
            root.entries("mapping").forEach((indicator, v) -> {
                String type = v.scalar();
                if ("commercial".equals(type)) {
                    commercial.add(indicator);
                    return;
                }
                try {
                    mapping.put(indicator, PlanType.valueOf(type));
                } catch (IllegalArgumentException | NullPointerException e) {
                    v.problem("'" + type + "' is neither a plan type " + List.of(PlanType.values()) + " nor commercial");
                }
            });
            return new FilingIndicators(Map.copyOf(mapping), Set.copyOf(commercial), root.citation("citation"));
        }
    }

    public PlanTypes(RuleBook book, @Value("${arbiter.intake.commercial-plan-type:OTHER}") String commercialPlanType) {
        this.commercial = PlanType.valueOf(commercialPlanType);
        FilingIndicators indicators = book.get(FilingIndicators.class);
        this.mapping.putAll(indicators.mapping());
        indicators.commercial().forEach(i -> this.mapping.put(i, null));
    }

    public PlanType forFilingIndicator(String sbr09) {
        if (sbr09 == null || !mapping.containsKey(sbr09)) {
            return sbr09 == null ? commercial : PlanType.OTHER;
        }
        PlanType t = mapping.get(sbr09);
        return t == null ? commercial : t;
    }
}
