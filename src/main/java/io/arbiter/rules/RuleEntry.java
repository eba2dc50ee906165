package io.arbiter.rules;

import io.arbiter.common.Citation;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One dated version of a regulatory rule, loaded from src/main/resources/rules/*.yml.
 * {@code variant} separates parallel rules under one key (e.g. the batched cooling-off period).
 */
public record RuleEntry(String key, String variant, RuleKind kind, String version, LocalDate effectiveFrom,
                        @Nullable LocalDate effectiveTo, KeysOn keysOn, String citationUrl, String citationText,
                        boolean unverified, @Nullable String note, Map<String, Object> params, String source) {

    public static final String DEFAULT_VARIANT = "DEFAULT";

    public boolean appliesOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }

    public Citation citation() {
        return new Citation(citationText, citationUrl, unverified);
    }

    /** "version (from..to)" as shown in results. */
    public String versionLabel() {
        return version + " (" + effectiveFrom + ".." + (effectiveTo == null ? "" : effectiveTo) + ")";
    }

    public boolean has(String name) {
        return params.get(name) != null;
    }

    public @Nullable Object raw(String name) {
        return params.get(name);
    }

    public String string(String name) {
        Object v = params.get(name);
        if (v == null) {
            throw new IllegalStateException(key + ": parameter " + name + " missing");
        }
        return v.toString();
    }

    public @Nullable String stringOrNull(String name) {
        Object v = params.get(name);
        return v == null ? null : v.toString();
    }

    public int integer(String name) {
        Object v = params.get(name);
        if (v instanceof Number n) {
            return n.intValue();
        }
        if (v == null) {
            throw new IllegalStateException(key + ": parameter " + name + " missing");
        }
        return Integer.parseInt(v.toString());
    }

    public @Nullable Integer integerOrNull(String name) {
        return params.get(name) == null ? null : integer(name);
    }

    public BigDecimal money(String name) {
        return new BigDecimal(string(name)).setScale(2);
    }

    public LocalDate date(String name) {
        Object v = params.get(name);
        if (v instanceof LocalDate d) {
            return d;
        }
        return LocalDate.parse(string(name)); // dates arrive as text (RuleYaml)
    }

    public List<String> codes() {
        Object v = params.get("codes");
        if (v instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> maps(String name) {
        Object v = params.get(name);
        if (v instanceof List<?> l) {
            return (List<Map<String, Object>>) l;
        }
        return List.of();
    }
}
