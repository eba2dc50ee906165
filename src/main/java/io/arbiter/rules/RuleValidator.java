package io.arbiter.rules;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks rule entries: citations, date ranges, overlaps, and the parameters each kind needs. */
final class RuleValidator {

    static final Set<String> DAY_TYPES = Set.of("BUSINESS", "CALENDAR");
    static final Set<String> CONVENTIONS = Set.of("PERIOD_BEGINNING_ON", "DAYS_AFTER", "WINDOW_AFTER_PERIOD",
            "MONTHS_AFTER", "YEARS_AFTER", "FIRST_DAY_OF_MONTH_AFTER");
    static final Set<String> ROLL_FORWARD = Set.of("NONE", "TEXAS");

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
            if (e.effectiveTo() != null && e.effectiveTo().isBefore(e.effectiveFrom())) {
                p.add(w + ": effectiveTo " + e.effectiveTo() + " is before effectiveFrom " + e.effectiveFrom());
            }
            byKeyVariant.computeIfAbsent(e.key() + "#" + e.variant(), k -> new ArrayList<>()).add(e);
            switch (e.kind()) {
                case DEADLINE -> deadline(e, w, p, deadlineKeysSeen);
                case FEE -> fee(e, w, p);
                case VALUE -> {
                    if (!e.params().containsKey("value")) {
                        p.add(w + ": VALUE rule needs params.value (null allowed)");
                    }
                }
                case CODE_LIST -> {
                    if (e.codes().isEmpty()) {
                        p.add(w + ": CODE_LIST rule needs a non-empty params.codes");
                    }
                }
                case HOLIDAY -> holiday(e, w, p);
                case CLOSURE -> {
                    try {
                        e.date("date");
                    } catch (RuntimeException ex) {
                        p.add(w + ": CLOSURE rule needs params.date");
                    }
                }
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
        boolean aEndsBeforeB = a.effectiveTo() != null && a.effectiveTo().isBefore(b.effectiveFrom());
        boolean bEndsBeforeA = b.effectiveTo() != null && b.effectiveTo().isBefore(a.effectiveFrom());
        return !aEndsBeforeB && !bEndsBeforeA;
    }

    private static void deadline(RuleEntry e, String w, List<String> p, Set<String> seen) {
        for (String f : List.of("track", "from", "count", "dayType", "convention")) {
            if (!e.has(f)) {
                p.add(w + ": DEADLINE rule needs params." + f);
                return;
            }
        }
        String track = e.string("track");
        if (!e.key().startsWith(track + ".")) {
            p.add(w + ": key must start with its track " + track);
        }
        try {
            if (e.integer("count") < 0) {
                p.add(w + ": count must not be negative");
            }
        } catch (RuntimeException ex) {
            p.add(w + ": count must be a whole number");
        }
        if (!DAY_TYPES.contains(e.string("dayType"))) {
            p.add(w + ": dayType must be one of " + DAY_TYPES);
        }
        if (!CONVENTIONS.contains(e.string("convention"))) {
            p.add(w + ": convention must be one of " + CONVENTIONS);
        }
        String roll = e.stringOrNull("rollForward");
        if (roll != null && !ROLL_FORWARD.contains(roll)) {
            p.add(w + ": rollForward must be one of " + ROLL_FORWARD);
        }
        String from = e.string("from");
        // A trigger is either an event key or an earlier deadline of the same track.
        if (from.equals(from.toUpperCase()) && seen.stream().noneMatch(k -> k.equals(track + "." + from))
                && !TriggerEvents.isEvent(track, from)) {
            p.add(w + ": from '" + from + "' is neither an event of " + track + " nor an earlier deadline");
        }
        for (Map<String, Object> alt : e.maps("alternatives")) {
            if (alt.get("reading") == null) {
                p.add(w + ": every alternative needs a reading");
            }
        }
        seen.add(e.key());
    }

    private static void fee(RuleEntry e, String w, List<String> p) {
        try {
            if (e.has("amount")) {
                if (e.money("amount").signum() < 0) {
                    p.add(w + ": amount must not be negative");
                }
            } else if (e.has("min") && e.has("max")) {
                if (e.money("min").compareTo(e.money("max")) > 0) {
                    p.add(w + ": min is above max");
                }
            } else {
                p.add(w + ": FEE rule needs params.amount or params.min and params.max");
            }
        } catch (RuntimeException ex) {
            p.add(w + ": fee amounts must be decimal strings with at most two decimals");
        }
    }

    private static void holiday(RuleEntry e, String w, List<String> p) {
        try {
            int month = e.integer("month");
            if (month < 1 || month > 12) {
                p.add(w + ": month must be 1-12");
            }
            if (e.has("day")) {
                int day = e.integer("day");
                if (day < 1 || day > 31) {
                    p.add(w + ": day must be 1-31");
                }
            } else {
                DayOfWeek.valueOf(e.string("weekday"));
                int nth = e.integer("nth");
                if (nth == 0 || nth < -1 || nth > 5) {
                    p.add(w + ": nth must be 1-5 or -1 (last)");
                }
            }
        } catch (RuntimeException ex) {
            p.add(w + ": HOLIDAY rule needs month and day, or month, weekday and nth (" + ex.getMessage() + ")");
        }
    }
}
