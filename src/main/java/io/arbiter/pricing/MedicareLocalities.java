package io.arbiter.pricing;

import io.arbiter.common.Citation;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** ZIP -> Medicare PFS locality, as configurable data (rules/pricing-medicare-localities.yml). */
@Singleton
public class MedicareLocalities {

    public record Locality(String state, String locality, String name) {
    }

    private final Map<String, Locality> zip5 = new HashMap<>();
    private final Map<String, Locality> zip3 = new HashMap<>();
    private final Map<String, String> zip3State = new HashMap<>();
    private final Map<String, String> stateDefault = new HashMap<>();
    private final Citation citation;

    public MedicareLocalities() {
        Map<String, Object> root = RuleData.load("/rules/pricing-medicare-localities.yml");
        citation = RuleData.citation(root, "citation");
        RuleData.map(root, "zip5").forEach((k, v) -> zip5.put(k, locality(v)));
        RuleData.map(root, "zip3").forEach((k, v) -> zip3.put(k, locality(v)));
        RuleData.map(root, "default").forEach((k, v) -> stateDefault.put(k, String.valueOf(v)));
        Map<String, Object> states = RuleData.map(root, "states");
        for (String state : states.keySet()) {
            for (String z : RuleData.strings(states, state)) {
                zip3State.put(z, state);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Locality locality(Object v) {
        Map<String, Object> m = (Map<String, Object>) v;
        return new Locality(RuleData.string(m, "state"), RuleData.string(m, "locality"), RuleData.string(m, "name"));
    }

    /** The locality of a service ZIP; empty when the ZIP's state has no configured mapping. */
    public Optional<Locality> forZip(String zip) {
        if (zip == null || zip.length() < 3) {
            return Optional.empty();
        }
        if (zip.length() >= 5 && zip5.containsKey(zip.substring(0, 5))) {
            return Optional.of(zip5.get(zip.substring(0, 5)));
        }
        String z3 = zip.substring(0, 3);
        if (zip3.containsKey(z3)) {
            return Optional.of(zip3.get(z3));
        }
        String state = zip3State.get(z3);
        if (state != null && stateDefault.containsKey(state)) {
            return Optional.of(new Locality(state, stateDefault.get(state), "REST OF " + state));
        }
        return Optional.empty();
    }

    public Citation citation() {
        return citation;
    }

    public List<String> states() {
        return List.copyOf(stateDefault.keySet());
    }
}
