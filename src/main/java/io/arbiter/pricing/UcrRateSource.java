package io.arbiter.pricing;

import java.util.List;

/** Unit amounts from a UCR benchmark table (set, kind, percentile) in the service geozip. */
public final class UcrRateSource implements UnitRateSource {

    private final BenchmarkTable table;
    private final PricingPolicies policies;

    public UcrRateSource(BenchmarkTable table, PricingPolicies policies) {
        this.table = table;
        this.policies = policies;
    }

    @Override
    public String basis() {
        return table.basis();
    }

    @Override
    public UnitRate unitRate(PricingInput claim, PricingInput.Line line, boolean facility) {
        String geozip = claim.geozip();
        if (geozip == null) {
            return UnitRate.missing("the claim has no service ZIP, so no geozip for the benchmark");
        }
        String mod = line.pricingModifier();
        return table.amount(line.code(), mod, geozip, claim.dateOf(line))
                .map(a -> new UnitRate(a, List.of("Benchmark " + table.basis() + " for " + line.code() + (mod.isEmpty() ? "" : "-" + mod)
                        + " in geozip " + geozip + " on " + claim.dateOf(line) + ": $" + a + " per unit"),
                        List.of(policies.ucrCitation()), null))
                .orElseGet(() -> UnitRate.missing("no benchmark in " + table.basis() + " for " + line.code() + (mod.isEmpty() ? "" : "-" + mod)
                        + " in geozip " + geozip + " on " + claim.dateOf(line)));
    }
}
