package io.arbiter.rules;

import java.util.List;
import java.util.Locale;

/**
 * The sources a citation may name as the authority for a rule (statute, regulation, CMS/TDI/DWC page, official code
 * list), from {@code rules/primary-sources.yml}. A citation elsewhere must be marked unverified in the rule data, and
 * an outgoing document leaves it out.
 */
public record PrimarySources(List<String> prefixes) {

    public PrimarySources {
        prefixes = prefixes.stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
    }

    public boolean isPrimary(String url) {
        if (url == null) {
            return false;
        }
        String u = url.trim().toLowerCase(Locale.ROOT);
        return prefixes.stream().anyMatch(u::startsWith);
    }

    static PrimarySources bind(RuleNode root) {
        List<String> prefixes = root.strings("prefixes");
        if (prefixes.isEmpty()) {
            root.problem("prefixes", "must list at least one URL prefix");
        }
        for (String p : prefixes) {
            if (!p.matches("https://\\S+/\\S*")) {
                root.problem("prefixes", "'" + p + "' is not an https URL prefix");
            }
        }
        return new PrimarySources(prefixes);
    }
}
