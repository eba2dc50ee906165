package io.arbiter.findings.scrubber;

import io.arbiter.findings.ScanClaim;
import io.arbiter.pricing.PricingPolicies;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/** IMG-01: 77003/77012/76000 billed on the same date as a code whose descriptor includes guidance: bundled, not separately payable. */
@Singleton
public class BundledImagingRule implements ScrubberRule {

    private final PricingPolicies policies;

    public BundledImagingRule(PricingPolicies policies) {
        this.policies = policies;
    }

    @Override
    public String id() {
        return "IMG-01";
    }

    @Override
    public List<RuleHit> check(ScrubContext ctx, RuleConfig config) {
        List<RuleHit> hits = new ArrayList<>();
        for (ScanClaim.Line l : ctx.claim().lines()) {
            if (!policies.imagingCodes().contains(l.code())) {
                continue;
            }
            ctx.claim().lines().stream().filter(o -> policies.guidanceInclusiveCodes().contains(o.code()) && o.serviceDate().equals(l.serviceDate()))
                    .findFirst().ifPresent(p -> hits.add(new RuleHit(l.id(), l.code() + " billed with " + p.code() + " (line " + p.lineNumber()
                            + "), whose descriptor already includes imaging guidance: remove " + l.code())));
        }
        return hits;
    }
}
