package io.arbiter.findings.scrubber;

import io.arbiter.rules.RuleBook;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs every configured rule of rules/scrubber-pain.yml whose payer scope and dates match the claim. */
@Singleton
public class Scrubber {

    public record Hit(RuleConfig rule, Long lineId, String message) {
    }

    private final Map<String, ScrubberRule> rules = new LinkedHashMap<>();
    private final Map<String, RuleConfig> configs = new LinkedHashMap<>();

    public Scrubber(List<ScrubberRule> implementations, RuleBook book) {
        for (ScrubberRule r : implementations) {
            rules.put(r.id(), r);
        }
        book.get(ScrubberRules.class).rules().forEach((id, config) -> {
            if (!rules.containsKey(id)) {
                throw new IllegalStateException("rules/scrubber-pain.yml rules." + id + ": no scrubber rule class implements it");
            }
            configs.put(id, config);
        });
    }

    public List<Hit> scrub(ScrubContext ctx) {
        List<Hit> hits = new ArrayList<>();
        for (RuleConfig config : configs.values()) {
            if (config.appliesTo(ctx.claim())) {
                for (ScrubberRule.RuleHit h : rules.get(config.id()).check(ctx, config)) {
                    hits.add(new Hit(config, h.lineId(), h.message()));
                }
            }
        }
        return hits;
    }

    public List<RuleConfig> configs() {
        return List.copyOf(configs.values());
    }

    /** Test hook: run one rule alone (with its configured parameters), ignoring the others. */
    public List<Hit> scrubOnly(String ruleId, ScrubContext ctx) {
        RuleConfig config = configs.get(ruleId);
        List<Hit> hits = new ArrayList<>();
        if (config != null && config.appliesTo(ctx.claim())) {
            for (ScrubberRule.RuleHit h : rules.get(ruleId).check(ctx, config)) {
                hits.add(new Hit(config, h.lineId(), h.message()));
            }
        }
        return hits;
    }
}
