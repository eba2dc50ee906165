package io.arbiter.pricing;

import io.arbiter.common.Citation;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Unit amounts from relative values: [(work x wGPCI) + (PE x peGPCI) + (MP x mpGPCI)] x multiplier, where the
 * multiplier is the Medicare conversion factor of the PPRRVU release or, for a workers' comp schedule, the
 * schedule's conversion factor for the category (texas-and-workers-comp.md §3.1, §5.2).
 */
public final class PfsRateSource implements UnitRateSource {

    private final FeeScheduleStore store;
    private final MedicareLocalities localities;
    private final PricingPolicies policies;
    private final @Nullable WorkersCompSchedules.Schedule schedule;

    public PfsRateSource(FeeScheduleStore store, MedicareLocalities localities, PricingPolicies policies,
                         @Nullable WorkersCompSchedules.Schedule schedule) {
        this.store = store;
        this.localities = localities;
        this.policies = policies;
        this.schedule = schedule;
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
        steps.add("= $" + amount.stripTrailingZeros().toPlainString() + " per unit (unrounded)");
        return new UnitRate(amount, steps, cites, null);
    }
}
