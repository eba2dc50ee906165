package io.arbiter.intake;

import io.arbiter.practice.PlanType;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Maps the 837P claim filing indicator (SBR09) to the plan type of a payer's first plan, from
 * rules/claim-filing-indicator.yml. Commercial indicators map to a configurable default because X12
 * does not say whether a commercial plan is self-funded (ERISA) or fully insured.
 */
@Singleton
public class PlanTypes {

    private final Map<String, PlanType> mapping = new HashMap<>();
    private final PlanType commercial;

    public PlanTypes(@Value("${arbiter.intake.commercial-plan-type:OTHER}") String commercialPlanType) {
        this.commercial = PlanType.valueOf(commercialPlanType);
        try (InputStream in = PlanTypes.class.getResourceAsStream("/rules/claim-filing-indicator.yml")) {
            if (in == null) {
                throw new IllegalStateException("rules/claim-filing-indicator.yml missing");
            }
            Map<String, Object> doc = new Yaml().load(in);
            @SuppressWarnings("unchecked")
            Map<Object, Object> m = (Map<Object, Object>) doc.get("mapping");
            m.forEach((k, v) -> mapping.put(String.valueOf(k),
                    "commercial".equals(String.valueOf(v)) ? null : PlanType.valueOf(String.valueOf(v))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public PlanType forFilingIndicator(String sbr09) {
        if (sbr09 == null || !mapping.containsKey(sbr09)) {
            return sbr09 == null ? commercial : PlanType.OTHER;
        }
        PlanType t = mapping.get(sbr09);
        return t == null ? commercial : t;
    }
}
