package io.arbiter.findings;

import io.arbiter.claims.Claim;
import io.arbiter.practice.Payer;
import io.arbiter.practice.PlanType;
import io.arbiter.pricing.ClaimPricing;
import io.arbiter.pricing.PricingService;
import io.arbiter.pricing.PricingTestData;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14 item 8: Medicare Advantage, TRICARE and Medicaid managed care lines are priced on the Medicare PFS (what a
 * non-contracted provider is owed; 42 CFR 422.214(a)(1) for MA), not on billed-charge UCR, so a payer that paid exactly
 * that amount has no underpayment. Amounts: RVU25D x GPCI2025 Houston (18), office (non-facility), CF 32.3465, the
 * locality fee schedule amount rounded to the cent first.
 */
@MicronautTest(transactional = false)
class PublicProgramPricingTest {

    static final LocalDate DOS = LocalDate.of(2025, 9, 15);
    @Inject FindingsFixtures fixtures;
    @Inject PricingTestData data;
    @Inject FindingsScanner scanner;
    @Inject FindingRepository findings;
    @Inject PricingService pricing;

    @BeforeEach
    void load() {
        data.load();
    }

    private List<Finding> scan(Claim claim) {
        // the practice's UCR choice is the 2026 synthetic set: before the fix these claims were priced on it
        scanner.scan(new FindingsScanner.ScanRequest(List.of(claim.id()), "DEMO-SYNTHETIC-2026", 80, "BILLED"));
        return findings.findByClaimIdOrderById(claim.id()).stream().filter(f -> f.type() != FindingType.CODING).toList();
    }

    @Test
    void medicareAdvantagePaidExactlyTheMedicareAmountHasNoUnderpayment() {
        // 64483 NF: (1.90x1.014 + 5.24x1.003 + 0.16x1.409) x 32.3465 = 239.615109 -> 239.62; the MA plan allowed 239.62
        Payer ma = fixtures.base().payer("LONE STAR MEDICARE ADVANTAGE", "LSMA1");
        Claim claim = fixtures.claim(ma, PlanType.MEDICARE_ADVANTAGE, null, DOS, "11", "770301234", null, null, "64483x1@2400:239.62");
        assertEquals(List.of(), scan(claim));
        ClaimPricing p = pricing.priceClaim(claim.id(), null);
        assertEquals("Medicare PFS", p.basis());
        assertEquals(new BigDecimal("239.62"), p.lines().get(0).expected());
        assertTrue(p.lines().get(0).citations().stream().anyMatch(c -> c.text().contains("422.214(a)(1)") && !c.unverified()));
    }

    @Test
    void tricareAndMedicaidManagedCareArePricedOnThePfsAndStillShowRealUnderpayments() {
        // TRICARE paid the PFS amounts of 62323 (250.42, rank 1) and 64493 (175.24 x 50% = 87.62, rank 2, same date): nothing to report
        Payer tricare = fixtures.base().payer("TRICARE WEST", "TRIW1");
        Claim t = fixtures.claim(tricare, PlanType.TRICARE, null, DOS, "11", "770301234", null, null,
                "62323x1@1800:250.42", "64493x1@2100:87.62");
        assertEquals(List.of(), scan(t));
        // Medicaid managed care allowed 150.00 for 62323: expected 250.42 (PFS stand-in, UNVERIFIED), gap 100.42 (40.10%)
        Payer medicaid = fixtures.base().payer("TEXAS STAR MEDICAID HMO", "TXSTAR1");
        Claim m = fixtures.claim(medicaid, PlanType.MEDICAID, null, DOS, "11", "770301234", null, null, "62323x1@1800:150.00");
        List<Finding> fs = scan(m);
        assertEquals(1, fs.size(), fs.toString());
        Finding f = fs.get(0);
        assertEquals(FindingType.UNDERPAYMENT, f.type());
        assertEquals(new BigDecimal("250.42"), f.expected());
        assertEquals(new BigDecimal("100.42"), f.gap());
        assertEquals("Medicare PFS", f.basis());
        assertTrue(f.explanation().contains("Plan type MEDICAID") && f.explanation().contains("UNVERIFIED"), f.explanation());
    }
}
