package io.arbiter.findings.scrubber;

import io.arbiter.findings.ScanClaim;
import io.arbiter.pricing.PricingPolicies;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** IMG-02: 62320/62322 (no imaging) billed with separate 77003/77012: the guided code 62321/62323 applies instead. */
@Singleton
public class UnguidedEsiWithImagingRule implements ScrubberRule {

    private final PricingPolicies policies;

    public UnguidedEsiWithImagingRule(PricingPolicies policies) {
        this.policies = policies;
    }

    @Override
    public String id() {
        return "IMG-02";
    }

    @Override
    public List<RuleHit> check(ScrubContext ctx, RuleConfig config) {
        Map<String, List<String>> unguided = config.codeMap("unguidedCodes");
        List<RuleHit> hits = new ArrayList<>();
        for (ScanClaim.Line l : ctx.claim().lines()) {
            if (!unguided.containsKey(l.code())) {
                continue;
            }
            ctx.claim().lines().stream().filter(o -> policies.imagingCodes().contains(o.code()) && o.serviceDate().equals(l.serviceDate()))
                    .findFirst().ifPresent(img -> hits.add(new RuleHit(l.id(), l.code() + " (no imaging) billed with " + img.code()
                            + ": code " + String.join(" or ", unguided.get(l.code())) + ", which includes the guidance, and drop " + img.code())));
        }
        return hits;
    }
}
