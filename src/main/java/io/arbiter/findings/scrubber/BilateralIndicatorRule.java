package io.arbiter.findings.scrubber;

import io.arbiter.findings.ScanClaim;
import io.arbiter.pricing.RvuValue;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** BIL-02 / ESI-01: 50, RT or LT on a code whose MPFS bilateral indicator forbids it (0 or 9, e.g. 62320-62323). */
@Singleton
public class BilateralIndicatorRule implements ScrubberRule {

    @Override
    public String id() {
        return "BIL-02";
    }

    @Override
    public List<RuleHit> check(ScrubContext ctx, RuleConfig config) {
        List<String> forbidding = config.strings("forbiddingIndicators");
        List<RuleHit> hits = new ArrayList<>();
        for (ScanClaim.Line l : ctx.claim().lines()) {
            if (!(l.has("50") || l.has("RT") || l.has("LT"))) {
                continue;
            }
            Optional<RvuValue> ind = ctx.indicators(l.code(), l.serviceDate());
            if (ind.isPresent() && forbidding.contains(ind.get().bilateralIndicator())) {
                String mods = String.join("/", l.modifiers().stream().filter(m -> m.equals("50") || m.equals("RT") || m.equals("LT")).toList());
                hits.add(new RuleHit(l.id(), l.code() + " has bilateral indicator " + ind.get().bilateralIndicator()
                        + ": modifier " + mods + " must not be reported"));
            }
        }
        return hits;
    }
}
