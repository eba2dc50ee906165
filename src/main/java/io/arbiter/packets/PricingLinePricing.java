package io.arbiter.packets;

import io.arbiter.claims.Claim;
import io.arbiter.claims.ClaimLine;
import io.arbiter.claims.ClaimLines;
import io.arbiter.claims.Claims;
import io.arbiter.findings.DenialClassifier;
import io.arbiter.practice.Plans;
import io.arbiter.practice.PlanType;
import io.arbiter.practice.Practices;
import io.arbiter.pricing.BenchmarkKind;
import io.arbiter.pricing.PricedLine;
import io.arbiter.pricing.PricingBasis;
import io.arbiter.pricing.PricingService;
import io.arbiter.rules.RuleBook;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/** Packet facts from pricing: plain-language code descriptions, benchmarks, workers' comp MAR and denial playbooks. */
@Singleton
public class PricingLinePricing implements PacketContextFactory.LinePricing {

    private final PricingService pricing;
    private final DenialClassifier denials;
    private final Practices practices;
    private final Claims claims;
    private final ClaimLines lines;
    private final Plans plans;
    private final Map<String, String> descriptions;

    public PricingLinePricing(PricingService pricing, DenialClassifier denials, Practices practices,
                              Claims claims, ClaimLines lines, Plans plans, RuleBook book) {
        this.pricing = pricing;
        this.denials = denials;
        this.practices = practices;
        this.claims = claims;
        this.lines = lines;
        this.plans = plans;
        this.descriptions = book.get(CodeDescriptions.class).codes();
    }

    @Override
    public @Nullable String description(String code) {
        return descriptions.get(code);
    }

    @Override
    public @Nullable BigDecimal benchmark(Long practiceId, String code, @Nullable String modifier, @Nullable String geozip,
                                          LocalDate dateOfService, String kind, int percentile) {
        String set = practices.findById(practiceId).map(p -> p.benchmarkSet()).orElse(null);
        if (set == null || geozip == null) {
            return null;
        }
        return pricing.benchmark(set, BenchmarkKind.valueOf(kind), percentile, code, modifier, geozip, dateOfService)
                .or(() -> pricing.benchmark(set, BenchmarkKind.valueOf(kind), percentile, code, null, geozip, dateOfService))
                .map(PricingService.BenchmarkAmount::amount).orElse(null);
    }

    @Override
    public @Nullable Mar mar(Long claimLineId) {
        ClaimLine line = lines.findById(claimLineId).orElse(null);
        Claim claim = line == null ? null : claims.findById(line.claimId()).orElse(null);
        if (claim == null || claim.planId() == null
                || plans.findById(claim.planId()).map(p -> p.planType() != PlanType.WORKERS_COMP).orElse(true)) {
            return null;
        }
        PricingBasis basis = pricing.defaultBasis(claim, null, null, null);
        if (!(basis instanceof PricingBasis.WorkersComp)) {
            return null;
        }
        PricedLine priced = pricing.priceLine(claimLineId, basis);
        return priced.priced() ? new Mar(priced.expected(), priced.explanation()) : null;
    }

    @Override
    public @Nullable Playbook playbook(String carc, @Nullable String rarc) {
        return denials.playbook(carc, rarc).map(p -> new Playbook(p.title(), "The payer's " + p.category().toLowerCase().replace('_', ' ')
                + " denial asks for: " + String.join("; ", p.evidence()), p.evidence(), p.citation())).orElse(null);
    }
}
