package io.arbiter.rules;

import io.arbiter.common.Citation;
import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.util.List;

/**
 * One dated version of a regulatory rule, loaded from src/main/resources/rules/*.yml.
 * {@code variant} separates parallel rules under one key (e.g. the batched cooling-off period); {@code terms} is what
 * the rule says, typed by its kind.
 */
public record RuleEntry(String key, String variant, RuleKind kind, String version, LocalDate effectiveFrom,
                        @Nullable LocalDate effectiveTo, KeysOn keysOn, String citationUrl, String citationText,
                        boolean unverified, @Nullable String note, RuleTerms terms, String source) {

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

    /** The deadline this entry sets (a DEADLINE entry). */
    public RuleTerms.Deadline deadline() {
        return terms(RuleTerms.Deadline.class);
    }

    public RuleTerms.Fee fee() {
        return terms(RuleTerms.Fee.class);
    }

    public RuleTerms.Value value() {
        return terms(RuleTerms.Value.class);
    }

    public List<String> codes() {
        return terms(RuleTerms.CodeList.class).codes();
    }

    public RuleTerms.Holiday holiday() {
        return terms(RuleTerms.Holiday.class);
    }

    public RuleTerms.Closure closure() {
        return terms(RuleTerms.Closure.class);
    }

    private <T extends RuleTerms> T terms(Class<T> type) {
        if (!type.isInstance(terms)) {
            throw new IllegalStateException(key + " is a " + kind + " rule, not " + type.getSimpleName());
        }
        return type.cast(terms);
    }
}
