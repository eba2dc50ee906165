package io.arbiter.pricing;

import io.arbiter.common.Citation;
import io.arbiter.common.Money;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one pricing engine. For each line of a claim: unit rate from the basis (UCR benchmark, Medicare
 * PFS or a workers' comp schedule, facility/non-facility PE by place of service), then bundled imaging,
 * units and bilateral handling, the multiple-procedure ranking, the lower of charge or fee, and a single
 * half-up rounding to the cent. Every step is written into the line's explanation with its figures.
 */
@Singleton
public class PricingEngine {

    private final FeeScheduleStore feeSchedules;
    private final PricingPolicies policies;
    private final SiteOfServicePolicy siteOfService;
    private final BundledImagingPolicy bundledImaging;
    private final BilateralPricingPolicy bilateral;
    private final MultipleProcedurePolicy multipleProcedure;

    public PricingEngine(FeeScheduleStore feeSchedules, PricingPolicies policies, SiteOfServicePolicy siteOfService,
                         BundledImagingPolicy bundledImaging, BilateralPricingPolicy bilateral, MultipleProcedurePolicy multipleProcedure) {
        this.feeSchedules = feeSchedules;
        this.policies = policies;
        this.siteOfService = siteOfService;
        this.bundledImaging = bundledImaging;
        this.bilateral = bilateral;
        this.multipleProcedure = multipleProcedure;
    }

    /** MPFS payment-policy indicators of a code for a date (the release covering it, else the latest before it). */
    public Optional<RvuValue> indicators(String code, String pricingModifier, LocalDate dos) {
        for (FeeRelease r : releaseOrder(dos)) {
            Optional<RvuValue> v = feeSchedules.rvu(r.id(), code, pricingModifier);
            if (v.isPresent()) {
                return v;
            }
        }
        return Optional.empty();
    }

    /** Releases to look a code up in for a date, cached per date until the set of releases changes (every line asks). */
    private List<FeeRelease> releaseOrder(LocalDate dos) {
        List<FeeRelease> releases = feeSchedules.rvuReleases();
        ReleaseOrder cache = releaseOrder;
        if (cache == null || cache.releases != releases) {
            cache = new ReleaseOrder(releases, new ConcurrentHashMap<>());
            releaseOrder = cache;
        }
        return cache.byDate.computeIfAbsent(dos, d -> {
            List<FeeRelease> ordered = new ArrayList<>();
            feeSchedules.rvuReleaseFor(d).ifPresent(ordered::add);
            releases.stream().filter(r -> !r.effectiveFrom().isAfter(d) && !ordered.contains(r)).forEach(ordered::add);
            releases.stream().filter(r -> !ordered.contains(r)).forEach(ordered::add);
            return List.copyOf(ordered);
        });
    }

    private record ReleaseOrder(List<FeeRelease> releases, Map<LocalDate, List<FeeRelease>> byDate) {
    }

    private volatile ReleaseOrder releaseOrder;

    public ClaimPricing price(PricingInput claim, UnitRateSource rates) {
        boolean facility = siteOfService.facility(claim.placeOfService());
        List<LineWork> works = new ArrayList<>();
        for (PricingInput.Line line : claim.lines()) {
            LineWork w = new LineWork(line, indicators(line.code(), line.pricingModifier(), claim.dateOf(line)).orElse(null));
            works.add(w);
        }
        bundledImaging.apply(claim, works);
        for (LineWork w : works) {
            if (w.bundled) {
                continue;
            }
            w.rate = rates.unitRate(claim, w.line, facility);
            if (w.rate.amount() != null) {
                w.steps.addAll(w.rate.steps());
                w.citations.addAll(w.rate.citations());
                if (facility && rates instanceof UcrRateSource) {
                    w.steps.add("Place of service " + claim.placeOfService() + " is a facility setting; the UCR benchmark is the professional charge, unchanged by site");
                }
            }
        }
        bilateral.apply(claim, works);
        multipleProcedure.apply(claim, works);

        List<PricedLine> out = new ArrayList<>();
        BigDecimal total = Money.ZERO;
        boolean complete = true;
        for (LineWork w : works) {
            List<String> mods = w.line.modifiers();
            if (w.bundled) {
                out.add(new PricedLine(w.line.lineId(), w.line.lineNumber(), w.line.code(), mods, Money.ZERO, rates.basis(),
                        List.copyOf(w.steps), distinct(w.citations), List.copyOf(w.flags), null));
                continue;
            }
            if (w.rate.amount() == null) {
                complete = false;
                out.add(new PricedLine(w.line.lineId(), w.line.lineNumber(), w.line.code(), mods, null, rates.basis(),
                        List.of("Not priced: " + w.rate.missing()), List.of(), List.of("UNPRICED"), w.rate.missing()));
                continue;
            }
            BigDecimal amount = w.amount;
            if (w.line.charge() != null && w.line.charge().signum() > 0 && amount.compareTo(w.line.charge()) > 0) {
                w.steps.add("Lower of charge or fee: $" + MultipleProcedurePolicy.plain(amount) + " exceeds the charge $" + w.line.charge()
                        + ", so the charge applies");
                w.citations.add(policies.lowerOfChargeCitation());
                amount = w.line.charge();
            }
            BigDecimal rounded = Money.cents(amount);
            w.steps.add("Expected $" + rounded + " (rounded half-up to the cent after all adjustments)");
            total = total.add(rounded);
            out.add(new PricedLine(w.line.lineId(), w.line.lineNumber(), w.line.code(), mods, rounded, rates.basis(),
                    List.copyOf(w.steps), distinct(w.citations), List.copyOf(w.flags), null));
        }
        return new ClaimPricing(claim.claimId(), rates.basis(), List.copyOf(out), total, complete);
    }

    private static List<Citation> distinct(List<Citation> c) {
        return c.size() < 2 ? List.copyOf(c) : List.copyOf(new LinkedHashSet<>(c));
    }
}
