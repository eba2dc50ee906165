package io.arbiter.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks what binding one entry cannot: citations, overlapping versions of a key, and deadlines triggered by an event
 * of their track or by an earlier deadline. (Each value's type and range is checked by {@link RuleTermsBinder}.)
 */
final class RuleValidator {

    private RuleValidator() {
    }

    static List<String> validate(List<RuleEntry> entries, PrimarySources primarySources) {
        List<String> p = new ArrayList<>();
        Map<String, List<RuleEntry>> byKeyVariant = new HashMap<>();
        Set<String> deadlineKeysSeen = new HashSet<>();
        for (RuleEntry e : entries) {
            String w = e.source() + " " + e.key() + " [" + e.version() + "]";
            if (!e.citationUrl().matches("https?://\\S+")) {
                p.add(w + ": citation must be an http(s) URL, got '" + e.citationUrl() + "'");
            } else if (!e.unverified() && !primarySources.isPrimary(e.citationUrl())) {
                p.add(w + ": citation '" + e.citationUrl() + "' is not a primary source (rules/primary-sources.yml): cite the "
                        + "statute, regulation or agency page, or mark the rule unverified: true");
            }
            byKeyVariant.computeIfAbsent(e.key() + "#" + e.variant(), k -> new ArrayList<>()).add(e);
            if (e.terms() instanceof RuleTerms.Deadline d) {
                deadline(e, d, w, p, deadlineKeysSeen);
            }
        }
        for (List<RuleEntry> versions : byKeyVariant.values()) {
            for (int i = 0; i < versions.size(); i++) {
                for (int j = i + 1; j < versions.size(); j++) {
                    RuleEntry a = versions.get(i);
                    RuleEntry b = versions.get(j);
                    if (overlap(a, b)) {
                        p.add(a.key() + " (" + a.variant() + "): versions " + a.version() + " and " + b.version()
                                + " overlap in time");
                    }
                }
            }
        }
        return p;
    }

    private static boolean overlap(RuleEntry a, RuleEntry b) {
        return new EffectivePeriod(a.effectiveFrom(), a.effectiveTo())
                .overlaps(new EffectivePeriod(b.effectiveFrom(), b.effectiveTo()));
    }

    private static void deadline(RuleEntry e, RuleTerms.Deadline d, String w, List<String> p, Set<String> seen) {
        String track = d.track().name();
        if (!e.key().startsWith(track + ".")) {
            p.add(w + ": key must start with its track " + track);
        }
        String from = d.from();
        // A trigger is either an event key or an earlier deadline of the same track.
        if (from.equals(from.toUpperCase()) && !seen.contains(track + "." + from) && !TriggerEvents.isEvent(track, from)) {
            p.add(w + ": from '" + from + "' is neither an event of " + track + " nor an earlier deadline");
        }
        seen.add(e.key());
    }
}
