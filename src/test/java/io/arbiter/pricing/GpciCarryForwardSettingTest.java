package io.arbiter.pricing;

import io.arbiter.practice.BilateralFormat;
import io.arbiter.practice.PlanType;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14 item 13: with arbiter.pricing.gpci-carry-forward=true the service's own Medicare basis prices a 2026 line
 * with the latest GPCI release (no CY2026 Addendum E is shipped) and says UNVERIFIED.
 */
@MicronautTest(transactional = false)
@Property(name = "arbiter.pricing.gpci-carry-forward", value = "true")
class GpciCarryForwardSettingTest {

    @Inject PricingTestData data;
    @Inject PricingService pricing;
    @Inject PricingEngine engine;

    @Test
    void deploymentSettingCarriesTheLatestGpcisForward() {
        data.load();
        LocalDate dos = LocalDate.of(2026, 9, 15);
        // 64483 facility, RVU26C extract x Dallas GPCI2025: (1.85x1.011 + 0.96x1.007 + 0.17x0.877) x 33.4009
        // = 2.98616 x 33.4009 = 99.740432 -> 99.74
        PricingInput in = new PricingInput(null, "24", "752041000", "TX", dos, BilateralFormat.MODIFIER_50, PlanType.MEDICARE_ADVANTAGE,
                List.of(new PricingInput.Line(1L, 1, "64483", List.of(), BigDecimal.ONE, new BigDecimal("2400"), dos)));
        PricedLine line = engine.price(in, pricing.rateSource(new PricingBasis.MedicarePfs())).lines().get(0);
        assertEquals(new BigDecimal("99.74"), line.expected(), line.explanation());
        assertTrue(line.explanation().contains("UNVERIFIED: no GPCI release covers 2026-09-15"), line.explanation());
        assertTrue(line.explanation().contains("Plan type MEDICARE_ADVANTAGE"), line.explanation());
    }
}
