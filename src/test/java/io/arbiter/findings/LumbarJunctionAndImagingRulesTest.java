package io.arbiter.findings;

import io.arbiter.findings.scrubber.ScrubContext;
import io.arbiter.findings.scrubber.Scrubber;
import io.arbiter.practice.BilateralFormat;
import io.arbiter.practice.PlanType;
import io.arbiter.pricing.BundledImagingPolicy;
import io.arbiter.pricing.ClaimPricing;
import io.arbiter.pricing.PricingBasis;
import io.arbiter.pricing.PricingEngine;
import io.arbiter.pricing.PricingInput;
import io.arbiter.pricing.PricingService;
import io.arbiter.pricing.PricingTestData;
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
 * Issue 14 item 13 (rule data): ADDON-01 accepts the T12-L1 / L1-L2 combinations CGS A58364 requires (64490 + 64494,
 * 64633 + 64636); 76000 is bundled imaging like 77003 (IMG-01, priced $0); N211 names the timely-filing playbook only
 * together with CARC 29.
 */
@MicronautTest(transactional = false)
class LumbarJunctionAndImagingRulesTest {

    static final LocalDate DOS = LocalDate.of(2026, 6, 15);
    @Inject Scrubber scrubber;
    @Inject PricingEngine engine;
    @Inject PricingService pricing;
    @Inject PricingTestData data;
    @Inject DenialClassifier classifier;

    @BeforeEach
    void load() {
        data.load();
    }

    private static ScanClaim claim(String... codes) {
        List<ScanClaim.Line> lines = new ArrayList<>();
        long id = 1;
        for (String code : codes) {
            lines.add(new ScanClaim.Line(id, (int) id, code, List.of(), BigDecimal.ONE, new BigDecimal("1000"), new BigDecimal("200"),
                    new BigDecimal("160"), DOS, List.of(), List.of()));
            id++;
        }
        return new ScanClaim(100, 1, 7L, "PAYER1", BilateralFormat.MODIFIER_50, PlanType.MEDICARE, "24", "770301234", "TX", DOS, lines);
    }

    private List<Scrubber.Hit> run(String rule, ScanClaim claim) {
        return scrubber.scrubOnly(rule, new ScrubContext(claim, PatientHistory.empty(), (code, date) -> engine.indicators(code, "", date)));
    }

    @Test
    void addOnAcceptsTheThoracolumbarJunctionCombinationsOfA58364() {
        assertTrue(run("ADDON-01", claim("64490", "64494")).isEmpty(), "64490 + 64494 (T12-L1 / L1-L2 injection)");
        assertTrue(run("ADDON-01", claim("64633", "64636")).isEmpty(), "64633 + 64636 (T12-L1 / L1-L2 RFA)");
        // the usual pairs still pass, and an add-on without any accepted primary is still an error
        assertTrue(run("ADDON-01", claim("64493", "64494")).isEmpty());
        assertTrue(run("ADDON-01", claim("64635", "64636")).isEmpty());
        assertEquals(1, run("ADDON-01", claim("64483", "64494")).size());
        assertEquals(1, run("ADDON-01", claim("64636")).size());
    }

    @Test
    void fluoroscopy76000WithAGuidanceInclusiveCodeIsBundled() {
        assertEquals(1, run("IMG-01", claim("64483", "76000")).size());
        assertTrue(run("IMG-01", claim("76000")).isEmpty());
        // priced $0 and flagged on the UCR path (2026 demo set): 64483 alone at 100%
        List<PricingInput.Line> lines = List.of(
                new PricingInput.Line(1L, 1, "64483", List.of(), BigDecimal.ONE, new BigDecimal("2400"), DOS),
                new PricingInput.Line(2L, 2, "76000", List.of(), BigDecimal.ONE, new BigDecimal("300"), DOS));
        ClaimPricing p = engine.price(new PricingInput(null, "11", "770301234", "TX", DOS, BilateralFormat.MODIFIER_50, PlanType.OTHER, lines),
                pricing.rateSource(new PricingBasis.Ucr("DEMO-SYNTHETIC-2026", io.arbiter.pricing.BenchmarkKind.BILLED, 80)));
        assertEquals(new BigDecimal("0.00"), p.lines().get(1).expected());
        assertTrue(p.lines().get(1).flags().contains(BundledImagingPolicy.FLAG));
        assertEquals(new BigDecimal("1086.20"), p.lines().get(0).expected());
    }

    @Test
    void n211IsTimelyFilingOnlyWithCarc29() {
        assertEquals("TIMELY_FILING", classifier.classify(List.of(new ScanClaim.Adj("CO", "29", new BigDecimal("900"))), List.of("N211"))
                .orElseThrow().category());
        assertEquals("TIMELY_FILING", classifier.playbook("29", "N211").orElseThrow().category());
        // N211 ("you may not appeal this decision") with a medical-necessity CARC: the CARC decides the playbook
        assertEquals("MEDICAL_NECESSITY", classifier.classify(List.of(new ScanClaim.Adj("CO", "50", new BigDecimal("900"))), List.of("N211"))
                .orElseThrow().category());
        assertEquals("AUTHORIZATION", classifier.playbook("197", "N211").orElseThrow().category());
        assertTrue(classifier.playbook(null, "N211").isEmpty());
        // other category RARCs need no particular CARC: M15 is bundling whatever the CARC
        assertEquals("BUNDLING", classifier.playbook("50", "M15").orElseThrow().category());
    }
}
