package io.arbiter.pricing;

import io.arbiter.practice.BilateralFormat;
import io.arbiter.practice.PlanType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14 item 2: the multiple-procedure reduction ranks only procedures on the same date of service
 * (CMS Claims Processing Manual ch. 12 §40.6), on the UCR, Medicare PFS and workers' comp paths.
 */
@MicronautTest(transactional = false)
class SameDateMultipleProcedureTest {

    @Inject PricingTestData data;
    @Inject PricingService pricing;
    @Inject PricingEngine engine;

    @BeforeEach
    void load() {
        data.load();
    }

    /** Lines "CODE@CHARGE@YYYY-MM-DD", one unit each, no modifiers; the claim's service date is the first line's. */
    private static PricingInput claim(String pos, String... specs) {
        List<PricingInput.Line> out = new ArrayList<>();
        int n = 1;
        for (String spec : specs) {
            String[] a = spec.split("@");
            out.add(new PricingInput.Line((long) n, n, a[0], List.of(), BigDecimal.ONE, new BigDecimal(a[1]), LocalDate.parse(a[2])));
            n++;
        }
        return new PricingInput(null, pos, "770301234", "TX", out.get(0).serviceDate(), BilateralFormat.MODIFIER_50, PlanType.OTHER, out);
    }

    private static void assertAmount(String expected, PricedLine line) {
        assertEquals(new BigDecimal(expected), line.expected(), line.code() + ": " + line.explanation());
    }

    private ClaimPricing ucr(PricingInput in) {
        return engine.price(in, pricing.rateSource(new PricingBasis.Ucr("DEMO-SYNTHETIC-2026", BenchmarkKind.BILLED, 80)));
    }

    @Test
    void reportedExampleTwoTfesiSessionsTwoWeeksApartAreEachPaidInFull() {
        // 64483 80th BILLED geozip 770 = 1086.20 on each date: each is the only procedure of its day, 100% (was 543.10 for the second)
        ClaimPricing p = ucr(claim("11", "64483@2400@2026-08-03", "64483@2400@2026-08-17"));
        assertAmount("1086.20", p.lines().get(0));
        assertAmount("1086.20", p.lines().get(1));
        assertTrue(p.lines().get(1).explanation().contains("rank 1 of 1 on date of service 2026-08-17"), p.lines().get(1).explanation());
        assertTrue(p.lines().get(1).citations().stream().anyMatch(c -> c.text().contains("§40.6")));
    }

    @Test
    void ucrThreeLinesOverTwoDatesRankEachDateOnItsOwn() {
        // 2026-08-03: 62323 1135.28 (rank 1, 100%) and 64493 791.57 (rank 2, 50% = 395.785 -> 395.79);
        // 2026-08-24: 64493 791.57 alone, 100%.
        ClaimPricing p = ucr(claim("11", "64493@2100@2026-08-03", "62323@1800@2026-08-03", "64493@2100@2026-08-24"));
        assertAmount("395.79", p.lines().get(0));
        assertAmount("1135.28", p.lines().get(1));
        assertAmount("791.57", p.lines().get(2));
        assertEquals(new BigDecimal("2322.64"), p.total());
    }

    @Test
    void medicarePfsRanksEachDateOnItsOwn() {
        // RVU25D x GPCI2025 Houston (18), office (non-facility), CF 32.3465, fee schedule amount rounded to the cent first:
        // 62323 (1.80x1.014 + 5.66x1.003 + 0.17x1.409) x 32.3465 = 250.417223 -> 250.42 (rank 1 on 2025-08-04)
        // 64493 (1.52x1.014 + 3.64x1.003 + 0.16x1.409) x 32.3465 = 175.241692 -> 175.24; rank 2 on 2025-08-04: 87.62
        // 64493 on 2025-08-18 alone: 175.24
        ClaimPricing p = engine.price(claim("11", "64493@2100@2025-08-04", "62323@1800@2025-08-04", "64493@2100@2025-08-18"),
                pricing.rateSource(new PricingBasis.MedicarePfs()));
        assertAmount("87.62", p.lines().get(0));
        assertAmount("250.42", p.lines().get(1));
        assertAmount("175.24", p.lines().get(2));
        // the reported shape on the PFS: 64483 NF (1.90x1.014 + 5.24x1.003 + 0.16x1.409) x 32.3465 = 239.615109 -> 239.62 on each date
        ClaimPricing two = engine.price(claim("11", "64483@2400@2025-08-04", "64483@2400@2025-08-18"),
                pricing.rateSource(new PricingBasis.MedicarePfs()));
        assertAmount("239.62", two.lines().get(0));
        assertAmount("239.62", two.lines().get(1));
    }

    @Test
    void workersCompRanksEachDateOnItsOwn() {
        // Texas DWC 2025, ASC (POS 24): GPCI2025 Houston facility RVUs x SURGERY_FACILITY CF 88.10 (DERIVED, UNVERIFIED), unrounded unit:
        // 62323 3.06773 x 88.10 = 270.267013 (rank 1 on 2025-08-04) -> 270.27
        // 64493 2.81987 x 88.10 = 248.430547; rank 2 on 2025-08-04: 124.2152735 -> 124.22; alone on 2025-08-18: 248.43
        ClaimPricing p = engine.price(claim("24", "64493@2100@2025-08-04", "62323@1800@2025-08-04", "64493@2100@2025-08-18"),
                pricing.rateSource(new PricingBasis.WorkersComp("TX", "DWC_PROF")));
        assertAmount("124.22", p.lines().get(0));
        assertAmount("270.27", p.lines().get(1));
        assertAmount("248.43", p.lines().get(2));
    }
}
