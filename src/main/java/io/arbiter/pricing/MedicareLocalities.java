package io.arbiter.pricing;

import io.arbiter.common.Citation;
import io.arbiter.rules.RuleNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** ZIP -> Medicare PFS locality, as configurable data (rules/pricing-medicare-localities.yml). */
public final class MedicareLocalities {

    public record Locality(String state, String locality, String name) {
    }

    private final Map<String, Locality> zip5 = new HashMap<>();
    private final Map<String, Locality> zip3 = new HashMap<>();
    private final Map<String, String> zip3State = new HashMap<>();
    private final Map<String, String> stateDefault = new HashMap<>();
    private final Citation citation;

    private MedicareLocalities(Citation citation) {
        this.citation = citation;
    }

    static MedicareLocalities bind(RuleNode root) {
        root.period(); // the table is dated and cited like every rule file
        MedicareLocalities m = new MedicareLocalities(root.citation("citation"));
        root.entries("zip5").forEach((k, v) -> m.zip5.put(k, locality(v)));
        root.entries("zip3").forEach((k, v) -> m.zip3.put(k, locality(v)));
        root.entries("default").forEach((k, v) -> m.stateDefault.put(k, v.scalar()));
        root.entries("states").forEach((state, zips) -> zips.items().forEach(z -> m.zip3State.put(z.scalar(), state)));
        return m;
    }

    private static Locality locality(RuleNode v) {
        return new Locality(v.text("state"), v.text("locality"), v.text("name"));
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
