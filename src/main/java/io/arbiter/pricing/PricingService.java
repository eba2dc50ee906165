package io.arbiter.pricing;

import io.arbiter.claims.Claim;
import io.arbiter.claims.ClaimLine;
import io.arbiter.claims.ClaimLines;
import io.arbiter.claims.Claims;
import io.arbiter.common.ApiException;
import io.arbiter.common.DemoMode;
import io.arbiter.practice.BilateralFormat;
import io.arbiter.practice.Payer;
import io.arbiter.practice.Payers;
import io.arbiter.practice.Plan;
import io.arbiter.practice.Plans;
import io.arbiter.practice.PlanType;
import io.arbiter.practice.Practice;
import io.arbiter.practice.Practices;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Java API for cases and packets: expected amount with explanation for a claim or line, benchmark
 * lookups (e.g. Texas arbitration's 80th BILLED and 50th ALLOWED), and the basis a claim is priced on.
 */
@Singleton
public class PricingService {

    private final PricingEngine engine;
    private final BenchmarkStore benchmarks;
    private final FeeScheduleStore feeSchedules;
    private final MedicareLocalities localities;
    private final WorkersCompSchedules workersComp;
    private final PricingPolicies policies;
    private final Claims claims;
    private final ClaimLines lines;
    private final Payers payers;
    private final Plans plans;
    private final Practices practices;
    private final boolean gpciCarryForward;

    public PricingService(PricingEngine engine, BenchmarkStore benchmarks, FeeScheduleStore feeSchedules, MedicareLocalities localities,
                          WorkersCompSchedules workersComp, PricingPolicies policies, Claims claims, ClaimLines lines,
                          Payers payers, Plans plans, Practices practices,
                          @Value("${arbiter.pricing.gpci-carry-forward:}") String gpciCarryForward, DemoMode demoMode) {
        // Unset: on in demo mode only (the demo bundles GPCI 2025 with RVU 2026; its 2026 Medicare lines then say UNVERIFIED).
        this.gpciCarryForward = gpciCarryForward == null || gpciCarryForward.isBlank() ? demoMode.enabled() : Boolean.parseBoolean(gpciCarryForward.trim());
        this.engine = engine;
        this.benchmarks = benchmarks;
        this.feeSchedules = feeSchedules;
        this.localities = localities;
        this.workersComp = workersComp;
        this.policies = policies;
        this.claims = claims;
        this.lines = lines;
        this.payers = payers;
        this.plans = plans;
        this.practices = practices;
    }

    /** A benchmark amount for one unit of a code in a geozip on a date (e.g. 80th BILLED, 50th ALLOWED). */
    @Serdeable
    public record BenchmarkAmount(String set, BenchmarkKind kind, int percentile, String code, String modifier, String geozip,
                                  LocalDate date, BigDecimal amount) {
    }

    public Optional<BenchmarkAmount> benchmark(String set, BenchmarkKind kind, int percentile, String code, @Nullable String modifier,
                                               String geozip, LocalDate date) {
        String mod = modifier == null ? "" : modifier;
        return benchmarks.table(set, kind, percentile).amount(code, mod, geozip, date)
                .map(a -> new BenchmarkAmount(set, kind, percentile, code, mod, geozip, date, a));
    }

    /** Texas arbitration figures (Ins. Code §1467.083): 80th percentile BILLED and 50th percentile ALLOWED in the geozip. */
    @Serdeable
    public record TexasBenchmarks(Optional<BenchmarkAmount> billed80th, Optional<BenchmarkAmount> allowed50th) {
    }

    public TexasBenchmarks texasArbitrationBenchmarks(String set, String code, @Nullable String modifier, String geozip, LocalDate date) {
        return new TexasBenchmarks(benchmark(set, BenchmarkKind.BILLED, 80, code, modifier, geozip, date),
                benchmark(set, BenchmarkKind.ALLOWED, 50, code, modifier, geozip, date));
    }

    /** The basis a claim is priced on by default: Medicare PFS for Medicare, Medicare Advantage, TRICARE and Medicaid
     * managed care (what a non-contracted provider is owed; rules/pricing-policies.yml medicareBasedPlanTypes), the state WC schedule for
     * workers' comp, else the practice's UCR choice (overridable per call). */
    public PricingBasis defaultBasis(Claim claim, @Nullable String set, @Nullable BenchmarkKind kind, @Nullable Integer percentile) {
        PlanType type = claim.planId() == null ? null : plans.findById(claim.planId()).map(Plan::planType).orElse(null);
        if (policies.pricedOnMedicarePfs(type)) {
            return new PricingBasis.MedicarePfs();
        }
        if (type == PlanType.WORKERS_COMP) {
            String state = claim.serviceState() != null ? claim.serviceState() : "TX";
            return workersComp.forState(state).<PricingBasis>map(s -> new PricingBasis.WorkersComp(s.state(), s.program()))
                    .orElseGet(() -> ucrBasis(claim.practiceId(), set, kind, percentile));
        }
        return ucrBasis(claim.practiceId(), set, kind, percentile);
    }

    public PricingBasis.Ucr ucrBasis(Long practiceId, @Nullable String set, @Nullable BenchmarkKind kind, @Nullable Integer percentile) {
        Practice practice = practiceId == null ? null : practices.findById(practiceId).orElse(null);
        String s = set != null ? set : practice != null ? practice.benchmarkSet() : null;
        BenchmarkKind k = kind != null ? kind : practice != null ? BenchmarkKind.valueOf(practice.benchmarkKind()) : BenchmarkKind.BILLED;
        int p = percentile != null ? percentile : practice != null ? practice.benchmarkPercentile() : 80;
        return new PricingBasis.Ucr(s == null ? "" : s, k, p);
    }

    public UnitRateSource rateSource(PricingBasis basis) {
        if (basis instanceof PricingBasis.Ucr u) {
            return new UcrRateSource(benchmarks.table(u.set(), u.kind(), u.percentile()), policies);
        }
        if (basis instanceof PricingBasis.WorkersComp w) {
            return new PfsRateSource(feeSchedules, localities, policies, workersComp.schedule(w.state(), w.program())
                    .orElseThrow(() -> ApiException.badRequest("no fee schedule " + w.state() + " " + w.program())), gpciCarryForward);
        }
        return new PfsRateSource(feeSchedules, localities, policies, null, gpciCarryForward);
    }

    /** Expected amounts with explanations for every line of a stored claim. */
    public ClaimPricing priceClaim(Long claimId, @Nullable PricingBasis basis) {
        Claim claim = claims.findById(claimId).orElseThrow(() -> ApiException.notFound("Claim " + claimId));
        List<ClaimLine> claimLines = lines.findByClaimIdOrderByLineNumber(claimId);
        PricingBasis b = basis != null ? basis : defaultBasis(claim, null, null, null);
        return engine.price(input(claim, claimLines), rateSource(b));
    }

    /** The expected amount of one stored line, priced in the context of its whole claim (ranking, pairs). */
    public PricedLine priceLine(Long lineId, @Nullable PricingBasis basis) {
        ClaimLine line = lines.findById(lineId).orElseThrow(() -> ApiException.notFound("Claim line " + lineId));
        return priceClaim(line.claimId(), basis).lines().stream().filter(l -> lineId.equals(l.lineId())).findFirst().orElseThrow();
    }

    public PricingInput input(Claim claim, List<ClaimLine> claimLines) {
        BilateralFormat format = claim.payerId() == null ? BilateralFormat.MODIFIER_50
                : payers.findById(claim.payerId()).map(Payer::bilateralFormat).orElse(BilateralFormat.MODIFIER_50);
        PlanType type = claim.planId() == null ? null : plans.findById(claim.planId()).map(Plan::planType).orElse(null);
        return new PricingInput(claim.id(), claim.placeOfService(), claim.serviceZip(), claim.serviceState(),
                claim.serviceDateFrom(), format, type,
                claimLines.stream().map(l -> new PricingInput.Line(l.id(), l.lineNumber(), l.procedureCode(), l.modifiers(), l.units(),
                        l.charge(), l.serviceDate())).toList());
    }

    public PricingEngine engine() {
        return engine;
    }
}
