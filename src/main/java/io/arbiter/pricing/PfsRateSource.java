package io.arbiter.pricing;

import io.arbiter.common.Citation;
import io.arbiter.common.Money;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Unit amounts from relative values: [(work x wGPCI) + (PE x peGPCI) + (MP x mpGPCI)] x multiplier, where the
 * multiplier is the Medicare conversion factor of the PPRRVU release or, for a workers' comp schedule, the
 * schedule's conversion factor for the category (texas-and-workers-comp.md §3.1, §5.2). The Medicare amount is
 * rounded to the cent per unit (the locality fee schedule amount CMS publishes) before any percentage applies.
 */
public final class PfsRateSource implements UnitRateSource {

    private final FeeScheduleStore store;
    private final MedicareLocalities localities;
    private final PricingPolicies policies;
    private final @Nullable WorkersCompSchedules.Schedule schedule;
    private final boolean gpciCarryForward;

    public PfsRateSource(FeeScheduleStore store, MedicareLocalities localities, PricingPolicies policies,
                         @Nullable WorkersCompSchedules.Schedule schedule) {
        this(store, localities, policies, schedule, false);
    }

    /**
     * @param gpciCarryForward when no GPCI release covers a date of service, use the latest earlier release instead of
     *                         leaving the line unpriced (a deployment setting, off by default; every such line says UNVERIFIED)
     */
    public PfsRateSource(FeeScheduleStore store, MedicareLocalities localities, PricingPolicies policies,
                         @Nullable WorkersCompSchedules.Schedule schedule, boolean gpciCarryForward) {
        this.store = store;
        this.localities = localities;
        this.policies = policies;
        this.schedule = schedule;
        this.gpciCarryForward = gpciCarryForward;
    }

    @Override
    public String basis() {
        return schedule == null ? "Medicare PFS" : schedule.name();
    }

    @Override
    public UnitRate unitRate(PricingInput claim, PricingInput.Line line, boolean facility) {
        var dos = claim.dateOf(line);
        Optional<FeeRelease> release = store.rvuReleaseFor(dos);
        if (release.isEmpty()) {
            return UnitRate.missing("no PPRRVU release loaded for date of service " + dos);
        }
        String mod = line.pricingModifier();
        Optional<RvuValue> rvu = store.rvu(release.get().id(), line.code(), mod);
        if (rvu.isEmpty()) {
            return UnitRate.missing(line.code() + " is not in PPRRVU release " + release.get().name());
        }
        RvuValue v = rvu.get();
        if (v.statusCode() != null && !List.of("A", "R", "T").contains(v.statusCode())) {
            return UnitRate.missing(line.code() + " has PFS status " + v.statusCode() + " (not separately priced) in " + release.get().name());
        }
        Optional<FeeRelease> gRelease = store.gpciReleaseFor(dos);
        boolean carriedForward = false;
        if (gRelease.isEmpty() && gpciCarryForward) {
            gRelease = store.gpciReleases().stream().filter(r -> r.effectiveTo().isBefore(dos))
                    .max(Comparator.comparing(FeeRelease::effectiveTo).thenComparing(FeeRelease::id));
            carriedForward = gRelease.isPresent();
        }
        if (gRelease.isEmpty()) {
            return UnitRate.missing("no GPCI release loaded for date of service " + dos);
        }
        Optional<MedicareLocalities.Locality> loc = localities.forZip(claim.serviceZip());
        if (loc.isEmpty()) {
            return UnitRate.missing("no Medicare locality configured for service ZIP " + claim.serviceZip());
        }
        GpciValue g = store.gpciTable(gRelease.get().id()).get(loc.get().state() + ":" + loc.get().locality());
        if (g == null) {
            return UnitRate.missing("GPCI release " + gRelease.get().name() + " has no locality " + loc.get().state() + " " + loc.get().locality());
        }
        List<String> steps = new ArrayList<>();
        List<Citation> cites = new ArrayList<>(List.of(policies.rvuFileCitation(), policies.gpciCitation(), localities.citation(),
                policies.siteOfServiceCitation()));
        BigDecimal pe = facility ? v.facPeRvu() : v.nonFacPeRvu();
        boolean na = facility ? v.facNa() : v.nonFacNa();
        if (carriedForward) {
            steps.add("UNVERIFIED: no GPCI release covers " + dos + "; the GPCIs of " + gRelease.get().name() + " (to "
                    + gRelease.get().effectiveTo() + ") are carried forward by configuration (arbiter.pricing.gpci-carry-forward)");
            cites.add(policies.gpciCarryForwardCitation());
        }
        steps.add((facility ? "Facility" : "Non-facility") + " place of service " + claim.placeOfService() + ": "
                + (facility ? "FACILITY PE RVU" : "NON-FAC PE RVU") + " " + pe + (na ? " (CMS marks this setting NA)" : ""));
        BigDecimal adjusted = v.workRvu().multiply(g.work()).add(pe.multiply(g.pe())).add(v.mpRvu().multiply(g.mp()));
        steps.add("GPCI-adjusted RVUs (" + release.get().name() + ", " + gRelease.get().name() + " locality " + g.state() + " " + g.locality()
                + " " + g.localityName() + "): " + v.workRvu() + " x " + g.work() + " + " + pe + " x " + g.pe() + " + " + v.mpRvu() + " x "
                + g.mp() + " = " + adjusted.stripTrailingZeros().toPlainString());
        BigDecimal multiplier;
        if (schedule == null) {
            multiplier = release.get().conversionFactor() != null ? release.get().conversionFactor() : v.convFactor();
            if (multiplier == null) {
                return UnitRate.missing("PPRRVU release " + release.get().name() + " carries no conversion factor");
            }
            steps.add("x Medicare conversion factor " + multiplier);
            cites.add(0, policies.medicareFormulaCitation());
            Citation programRule = policies.medicareBasisCitation(claim.planType());
            if (programRule != null) {
                steps.add(0, "Plan type " + claim.planType() + ": a non-contracted provider is owed the Medicare amount, so the line is priced on the "
                        + "Medicare PFS, not on billed-charge UCR" + (programRule.unverified() ? " (UNVERIFIED, configurable)" : ""));
                cites.add(0, programRule);
            }
        } else {
            WorkersCompSchedules.Category category = schedule.category(line.code(), facility);
            Optional<WorkersCompSchedules.Factor> f = schedule.factor(category, dos);
            if (f.isEmpty() || f.get().value() == null) {
                return UnitRate.missing(schedule.name() + ": no " + category + " conversion factor configured for " + dos
                        + (f.isPresent() ? " (" + f.get().citation().text() + ")" : ""));
            }
            multiplier = f.get().value();
            steps.add("x " + schedule.state() + " " + schedule.program() + " " + category + " conversion factor " + multiplier
                    + (f.get().unverified() ? " (UNVERIFIED, configurable default)" : "")
                    + (schedule.categoryMappingUnverified() ? "; category by CPT range (UNVERIFIED mapping)" : ""));
            cites.add(0, schedule.citation());
            cites.add(1, f.get().citation());
        }
        BigDecimal amount = adjusted.multiply(multiplier, MathContext.DECIMAL64);
        if (schedule == null) {
            // CMS publishes the locality fee schedule amount in cents and applies 150% / 50% etc. to that amount;
            // rounding only at the end is a cent off (64484-50 Dallas facility 65.77 instead of CMS's 65.78).
            BigDecimal feeScheduleAmount = Money.cents(amount);
            steps.add("= $" + amount.stripTrailingZeros().toPlainString() + ", rounded to the cent as the locality fee schedule amount: $"
                    + feeScheduleAmount + " per unit (bilateral and multiple-procedure percentages apply to this amount)");
            cites.add(policies.feeScheduleRoundingCitation());
            return new UnitRate(feeScheduleAmount, steps, cites, null);
        }
        steps.add("= $" + amount.stripTrailingZeros().toPlainString() + " per unit (unrounded)");
        return new UnitRate(amount, steps, cites, null);
    }
}
