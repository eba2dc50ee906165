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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14 item 11: the Medicare locality fee schedule amount is rounded to the cent before 150% (bilateral) or
 * 50% (multiple procedure) applies, as CMS computes it (Claims Processing Manual ch. 12 §40.6/§40.7).
 * Also item 13: without a CY2026 GPCI file, 2026 lines stay unpriced unless the deployment carries the latest
 * GPCIs forward (arbiter.pricing.gpci-carry-forward), and then every such line says UNVERIFIED.
 */
@MicronautTest(transactional = false)
class FeeScheduleRoundingTest {

    @Inject PricingTestData data;
    @Inject PricingService pricing;
    @Inject PricingEngine engine;
    @Inject FeeScheduleStore store;
    @Inject MedicareLocalities localities;
    @Inject PricingPolicies policies;

    @BeforeEach
    void load() {
        data.load();
    }

    /** "CODE[-MOD]@CHARGE", one unit each, all on {@code dos}. */
    private static PricingInput claim(LocalDate dos, String pos, String zip, String... specs) {
        List<PricingInput.Line> out = new ArrayList<>();
        int n = 1;
        for (String spec : specs) {
            String[] a = spec.split("@");
            String[] cm = a[0].split("-");
            out.add(new PricingInput.Line((long) n, n, cm[0], List.of(cm).subList(1, cm.length), BigDecimal.ONE, new BigDecimal(a[1]), dos));
            n++;
        }
        return new PricingInput(null, pos, zip, "TX", dos, BilateralFormat.MODIFIER_50, PlanType.MEDICARE, out);
    }

    private static void assertAmount(String expected, PricedLine line) {
        assertEquals(new BigDecimal(expected), line.expected(), line.code() + ": " + line.explanation());
    }

    @Test
    void reportedExample64484BilateralDallasFacility2026Is6578() {
        // RVU26C extract 64484 facility: work 0.98, PE 0.25, MP 0.08; Dallas (11) GPCIs 1.011 / 1.007 / 0.877 (GPCI2025 carried
        // forward: no CY2026 Addendum E is shipped); CF 33.4009.
        // (0.98x1.011 + 0.25x1.007 + 0.08x0.877) x 33.4009 = 1.31269 x 33.4009 = 43.845027 -> 43.85; x 150% = 65.775 -> 65.78
        // (rounding only at the end gave 43.845027 x 1.5 = 65.7675 -> 65.77, one cent under CMS)
        PfsRateSource carryForward = new PfsRateSource(store, localities, policies, null, true);
        ClaimPricing p = engine.price(claim(LocalDate.of(2026, 9, 15), "24", "752041000", "64484-50@900"), carryForward);
        assertAmount("65.78", p.lines().get(0));
        String explanation = p.lines().get(0).explanation();
        assertTrue(explanation.contains("locality fee schedule amount: $43.85"), explanation);
        assertTrue(explanation.contains("UNVERIFIED"), explanation);
        assertTrue(p.lines().get(0).citations().stream().anyMatch(c -> c.unverified() && c.text().contains("carried forward")));
    }

    @Test
    void without2026GpcisTheLineStaysUnpricedByDefault() {
        ClaimPricing p = engine.price(claim(LocalDate.of(2026, 9, 15), "24", "752041000", "64484-50@900"),
                pricing.rateSource(new PricingBasis.MedicarePfs()));
        assertNull(p.lines().get(0).expected());
        assertTrue(p.lines().get(0).missing().contains("no GPCI release"), p.lines().get(0).missing());
        assertFalse(p.complete());
    }

    @Test
    void bilateralAndMultipleProcedurePercentagesApplyToTheCentRoundedAmount2025() {
        var pfs = pricing.rateSource(new PricingBasis.MedicarePfs());
        // 64493-50 Dallas facility 2025: (1.52x1.011 + 1.05x1.007 + 0.16x0.877) x 32.3465 = 88.447946 -> 88.45; x 150% = 132.675 -> 132.68
        // (end-only rounding: 132.671919 -> 132.67)
        assertAmount("132.68", engine.price(claim(LocalDate.of(2025, 9, 15), "24", "752041000", "64493-50@2100"), pfs).lines().get(0));
        // Dallas office 2025: 63650 (7.15x1.011 + 57.79x1.007 + 0.82x0.877) x 32.3465 = 2139.472554 -> 2139.47 (rank 1);
        // 62323 (1.80x1.011 + 5.66x1.007 + 0.17x0.877) x 32.3465 = 248.049459 -> 248.05; rank 2 at 50% = 124.025 -> 124.03
        // (end-only rounding: 124.024729 -> 124.02)
        ClaimPricing p = engine.price(claim(LocalDate.of(2025, 9, 15), "11", "752041000", "63650@38000", "62323@1800"), pfs);
        assertAmount("2139.47", p.lines().get(0));
        assertAmount("124.03", p.lines().get(1));
    }
}
