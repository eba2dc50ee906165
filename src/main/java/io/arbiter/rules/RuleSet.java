package io.arbiter.rules;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The validated, date-versioned rule data. Other packages (cases, pricing) read it through
 * {@link #find}, {@link #require} and {@link #versions}. Immutable after loading.
 */
public final class RuleSet {

    private final List<RuleEntry> entries;
    private final Map<String, List<RuleEntry>> byKey = new LinkedHashMap<>();

    public RuleSet(List<RuleEntry> entries) {
        this.entries = List.copyOf(entries);
        for (RuleEntry e : entries) {
            byKey.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e);
        }
    }

    public List<RuleEntry> all() {
        return entries;
    }

    /** All versions and variants of a key, in file order. */
    public List<RuleEntry> versions(String key) {
        return Collections.unmodifiableList(byKey.getOrDefault(key, List.of()));
    }

    /** Keys starting with a prefix (e.g. "FEDERAL_IDR."), in file order. */
    public List<String> keysWithPrefix(String prefix) {
        return byKey.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
    }

    /** The default-variant version of a key that applies on a date. */
    public Optional<RuleEntry> find(String key, LocalDate on) {
        return find(key, RuleEntry.DEFAULT_VARIANT, on);
    }

    public Optional<RuleEntry> find(String key, @Nullable String variant, LocalDate on) {
        String v = variant == null ? RuleEntry.DEFAULT_VARIANT : variant;
        return versions(key).stream().filter(e -> e.variant().equals(v) && e.appliesOn(on)).findFirst();
    }

    /** Like {@link #find} but a missing rule is a programming/data error. */
    public RuleEntry require(String key, LocalDate on) {
        return find(key, on).orElseThrow(() -> new IllegalStateException("No rule " + key + " in force on " + on));
    }

    public List<RuleEntry> ofKind(RuleKind kind) {
        return entries.stream().filter(e -> e.kind() == kind).toList();
    }
}
