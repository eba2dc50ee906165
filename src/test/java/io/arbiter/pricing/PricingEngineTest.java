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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hand-computed expected amounts for the pain scenarios of issue 4, on the Medicare PFS (RVU25D x
 * GPCI2025 Houston locality 18: work 1.014, PE 1.003, MP 1.409; CF 32.3465) and on the UCR set
 * DEMO-SYNTHETIC-2026 (80th percentile BILLED, geozip 770).
 */
@MicronautTest(transactional = false)
class PricingEngineTest {

    static final LocalDate DOS_2025 = LocalDate.of(2025, 9, 15);
    static final LocalDate DOS_2026 = LocalDate.of(2026, 9, 15);

    @Inject PricingTestData data;
    @Inject PricingService pricing;
    @Inject PricingEngine engine;

    @BeforeEach
    void load() {
        data.load();
    }

    private static PricingInput claim(LocalDate dos, String pos, BilateralFormat format, String... lines) {
        List<PricingInput.Line> out = new ArrayList<>();
        int n = 1;
        for (String spec : lines) {
            // CODE[-MOD[-MOD]]xUNITS@CHARGE
            String[] a = spec.split("@");
            String[] cu = a[0].split("x");
            String[] cm = cu[0].split("-");
            List<String> mods = new ArrayList<>(List.of(cm).subList(1, cm.length));
            out.add(new PricingInput.Line((long) n, n, cm[0], mods, new BigDecimal(cu[1]), new BigDecimal(a[1]), dos));
            n++;
        }
        return new PricingInput(null, pos, "770301234", "TX", dos, format, PlanType.MEDICARE, out);
    }

    private ClaimPricing medicare(PricingInput in) {
        return engine.price(in, pricing.rateSource(new PricingBasis.MedicarePfs()));
    }

    private ClaimPricing ucr(PricingInput in) {
        return engine.price(in, pricing.rateSource(new PricingBasis.Ucr("DEMO-SYNTHETIC-2026", BenchmarkKind.BILLED, 80)));
    }

    private static void assertAmount(String expected, PricedLine line) {
        assertEquals(new BigDecimal(expected), line.expected(), line.code() + ": " + line.explanation());
    }

    @Test
    void bilateralTfesiMedicareBilateralIndicatorOne() {
        // ASC (POS 24, facility PE). 64483: (1.90x1.014 + 1.27x1.003 + 0.16x1.409) x 32.3465 = 110.814257; x 150% = 166.2214 -> 166.22
        // 64484 (add-on, ZZZ, exempt): (1.00x1.014 + 0.43x1.003 + 0.08x1.409) x 32.3465 = 50.396170 -> fee schedule amount 50.40
        // (rounded to the cent first, issue 14 item 11); x 150% = 75.60
        ClaimPricing p = medicare(claim(DOS_2025, "24", BilateralFormat.MODIFIER_50, "64483-50x1@2400", "64484-50x1@1100"));
        assertAmount("166.22", p.lines().get(0));
        assertAmount("75.60", p.lines().get(1));
        assertTrue(p.lines().get(0).explanation().contains("bilateral indicator 1"));
        assertTrue(p.lines().get(1).explanation().contains("exempt"));
        assertFalse(p.lines().get(0).citations().isEmpty());
    }

    @Test
    void bilateralTfesiUcr() {
        // 64483 80th BILLED 770 = 1086.20 x 150% = 1629.30; 64484 = 488.06 x 150% = 732.09
        ClaimPricing p = ucr(claim(DOS_2026, "24", BilateralFormat.MODIFIER_50, "64483-50x1@2400", "64484-50x1@1100"));
        assertAmount("1629.30", p.lines().get(0));
        assertAmount("732.09", p.lines().get(1));
        assertEquals(new BigDecimal("2361.39"), p.total());
    }

    @Test
    void payerWithTwoUnitFormatReadsFiftyTimesTwoAsOneBilateralService() {
        // MODIFIER_50_TWO_UNITS: 64483-50 x 2 units = one bilateral service: 1086.20 x 150% = 1629.30 (not 2 x 1629.30)
        ClaimPricing p = ucr(claim(DOS_2026, "24", BilateralFormat.MODIFIER_50_TWO_UNITS, "64483-50x2@4800"));
        assertAmount("1629.30", p.lines().get(0));
    }

    @Test
    void multiLevelFacetsAsRtLtPairsMedicare() {
        // Office (POS 11, non-facility PE). RT/LT pairs = one bilateral service each, 150%, half per line.
        // 64493: (1.52x1.014 + 3.64x1.003 + 0.16x1.409) x 32.3465 = 175.241692; x 1.5 x 0.5 = 131.4313 -> 131.43 per side
        // 64494 (ZZZ): (1.00x1.014 + 1.62x1.003 + 0.10x1.409) x 32.3465 = 89.915507; x 1.5 x 0.5 = 67.4366 -> 67.44 per side
        ClaimPricing p = medicare(claim(DOS_2025, "11", BilateralFormat.RT_LT_TWO_LINES,
                "64493-RTx1@2100", "64494-RTx1@1100", "64493-LTx1@2100", "64494-LTx1@1100"));
        assertAmount("131.43", p.lines().get(0));
        assertAmount("67.44", p.lines().get(1));
        assertAmount("131.43", p.lines().get(2));
        assertAmount("67.44", p.lines().get(3));
        assertTrue(p.lines().get(0).explanation().contains("RT/LT pair"));
    }

    @Test
    void multiLevelFacetsUcr() {
        // 64493 791.57 x 150% / 2 = 593.6775 -> 593.68 per side; 64494 404.71 x 150% / 2 = 303.5325 -> 303.53 per side
        ClaimPricing p = ucr(claim(DOS_2026, "11", BilateralFormat.RT_LT_TWO_LINES,
                "64493-RTx1@2100", "64494-RTx1@1100", "64493-LTx1@2100", "64494-LTx1@1100"));
        assertAmount("593.68", p.lines().get(0));
        assertAmount("303.53", p.lines().get(1));
        assertAmount("593.68", p.lines().get(2));
        assertAmount("303.53", p.lines().get(3));
    }

    @Test
    void twoJointRfaWithAddOnMedicareAndSecondProcedureAtFiftyPercent() {
        // ASC (facility). 64635: (3.32x1.014 + 2.16x1.003 + 0.29x1.409) x 32.3465 = 192.188994 -> rank 1, 100% = 192.19
        // 64636 (ZZZ, exempt): (1.16x1.014 + 0.48x1.003 + 0.12x1.409) x 32.3465 = 59.089292 -> 59.09
        // 64493 same session (MULT PROC 2): (1.52x1.014 + 1.05x1.003 + 0.16x1.409) = 2.81987 x 32.3465 = 91.212925 -> rank 2 at 50% = 45.6065 -> 45.61
        ClaimPricing p = medicare(claim(DOS_2025, "24", BilateralFormat.MODIFIER_50, "64635-RTx1@3800", "64636-RTx1@1600", "64493-LTx1@2100"));
        assertAmount("192.19", p.lines().get(0));
        assertAmount("59.09", p.lines().get(1));
        assertAmount("45.61", p.lines().get(2));
        assertTrue(p.lines().get(2).explanation().contains("rank 2"));
    }

    @Test
    void twoJointRfaUcr() {
        // 64635 1934.30 (rank 1, 100%); 64636 1041.58 (add-on, exempt)
        ClaimPricing p = ucr(claim(DOS_2026, "24", BilateralFormat.MODIFIER_50, "64635-RTx1@3800", "64636-RTx1@1600"));
        assertAmount("1934.30", p.lines().get(0));
        assertAmount("1041.58", p.lines().get(1));
    }

    @Test
    void scsTrialTwoLeadsSecondUnitReduced() {
        // Office. 63650 NF: (7.15x1.014 + 57.79x1.003 + 0.82x1.409) x 32.3465 = 2146.800007; unit 1 100% + unit 2 50% = 3220.20
        ClaimPricing m = medicare(claim(DOS_2025, "11", BilateralFormat.MODIFIER_50, "63650x2@38000"));
        assertAmount("3220.20", m.lines().get(0));
        // UCR: 9784.71 + 9784.71 x 50% = 14677.065 -> 14677.07
        ClaimPricing u = ucr(claim(DOS_2026, "11", BilateralFormat.MODIFIER_50, "63650x2@38000"));
        assertAmount("14677.07", u.lines().get(0));
    }

    @Test
    void esiWithBundledFluoroscopy() {
        // Office. 62323 NF: (1.80x1.014 + 5.66x1.003 + 0.17x1.409) x 32.3465 = 250.417223 -> 250.42; 77003 bundled -> 0.00
        ClaimPricing m = medicare(claim(DOS_2025, "11", BilateralFormat.MODIFIER_50, "62323x1@1800", "77003x1@450"));
        assertAmount("250.42", m.lines().get(0));
        assertAmount("0.00", m.lines().get(1));
        assertTrue(m.lines().get(1).flags().contains(BundledImagingPolicy.FLAG));
        // UCR: 62323 = 1135.28; 77003 bundled = 0.00
        ClaimPricing u = ucr(claim(DOS_2026, "11", BilateralFormat.MODIFIER_50, "62323x1@1800", "77003x1@450"));
        assertAmount("1135.28", u.lines().get(0));
        assertAmount("0.00", u.lines().get(1));
    }

    @Test
    void indicatorNineCodeIsNeverPricedBilaterally() {
        // 62323 has BILAT SURG 9 in the 2026 extract: 50 -> 100% of one unit = 1135.28
        ClaimPricing u = ucr(claim(DOS_2026, "11", BilateralFormat.MODIFIER_50, "62323-50x1@3600"));
        assertAmount("1135.28", u.lines().get(0));
        assertTrue(u.lines().get(0).flags().contains(BilateralPricingPolicy.NOT_BILATERAL_FLAG));
    }

    @Test
    void chargeCapsTheExpectedAmount() {
        // 64483-50 UCR 1629.30 exceeds the 1000.00 charge: the charge applies
        ClaimPricing u = ucr(claim(DOS_2026, "24", BilateralFormat.MODIFIER_50, "64483-50x1@1000"));
        assertAmount("1000.00", u.lines().get(0));
    }

    @Test
    void missingGeozipIsReportedNotGuessed() {
        PricingInput in = new PricingInput(null, "11", "990011234", "WA", DOS_2026, BilateralFormat.MODIFIER_50, PlanType.OTHER,
                List.of(new PricingInput.Line(1L, 1, "64483", List.of(), BigDecimal.ONE, new BigDecimal("2000"), DOS_2026)));
        ClaimPricing u = ucr(in);
        assertEquals(null, u.lines().get(0).expected());
        assertTrue(u.lines().get(0).missing().contains("geozip 990"), u.lines().get(0).missing());
        assertFalse(u.complete());
    }

    @Test
    void texasWorkersCompUsesUnverifiedConfiguredFactorAndReports2026AsMissing() {
        // 64483 ASC Houston 2025: adjusted RVUs 3.42585 x DWC surgery-in-facility CF 88.10 (DERIVED, UNVERIFIED) = 301.8174 -> 301.82
        var wc = pricing.rateSource(new PricingBasis.WorkersComp("TX", "DWC_PROF"));
        ClaimPricing p = engine.price(claim(DOS_2025, "24", BilateralFormat.MODIFIER_50, "64483x1@2400"), wc);
        assertAmount("301.82", p.lines().get(0));
        assertTrue(p.lines().get(0).explanation().contains("UNVERIFIED"));
        assertTrue(p.lines().get(0).citations().stream().anyMatch(c -> c.unverified()));
        ClaimPricing p26 = engine.price(claim(DOS_2026, "24", BilateralFormat.MODIFIER_50, "64483x1@2400"), wc);
        assertEquals(null, p26.lines().get(0).expected());
    }

    @Test
    void texasArbitrationBenchmarks() {
        var tx = pricing.texasArbitrationBenchmarks("DEMO-SYNTHETIC-2026", "64483", null, "770", DOS_2026);
        assertEquals(new BigDecimal("1086.20"), tx.billed80th().orElseThrow().amount());
        assertEquals(new BigDecimal("318.78"), tx.allowed50th().orElseThrow().amount());
    }
}
