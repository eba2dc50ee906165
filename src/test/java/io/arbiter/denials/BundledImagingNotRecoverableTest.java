package io.arbiter.denials;

import io.arbiter.claims.Claim;
import io.arbiter.findings.Finding;
import io.arbiter.findings.FindingRepository;
import io.arbiter.findings.FindingType;
import io.arbiter.findings.FindingsScanner;
import io.arbiter.intake.IntakeTestSupport;
import io.arbiter.practice.Payer;
import io.arbiter.practice.PlanType;
import io.arbiter.pricing.PricingTestData;
import io.arbiter.support.DenialFixtures;
import io.arbiter.support.DenialFixtures.L;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14 item 10: 77003 (or 76000) billed with a guidance-inclusive code the same day is priced $0 (bundled), so the
 * payer's CO-97/M15 is right: no denial record counts it as recoverable and no finding values it.
 */
@MicronautTest(transactional = false)
class BundledImagingNotRecoverableTest {

    static final LocalDate DOS = LocalDate.of(2026, 8, 3);
    static final LocalDate PAID = LocalDate.of(2026, 9, 1);

    @Inject DenialFixtures fx;
    @Inject DenialService service;
    @Inject DenialRepository denials;
    @Inject FindingsScanner scanner;
    @Inject FindingRepository findings;
    @Inject PricingTestData data;
    @Inject IntakeTestSupport intake;

    private Denial denialOf(Claim claim, String code) {
        service.sync(List.of(claim.id()));
        return fx.lines(claim).stream().filter(l -> l.procedureCode().equals(code))
                .map(l -> denials.findByClaimLineId(l.id()).orElseThrow()).findFirst().orElseThrow();
    }

    @Test
    void fluoroscopyBundledIntoATfesiIsAWriteOffWithNothingRecoverable() {
        data.load();
        Payer erisa = fx.payer("BLUE PLAINS HEALTH", "BPL1", null);
        Claim claim = fx.claim("DNBND0001", erisa, PlanType.SELF_FUNDED_ERISA, "11", DOS, PAID, null, List.of(
                new L("64483", "", 1, "2400.00", "700.00", List.of("CO-45:1700.00"), List.of()),
                L.denied("77003", "350.00", "CO-97", "M15")));
        Denial d = denialOf(claim, "77003");
        assertEquals("BUNDLING", d.category());
        assertEquals(WorkType.NONE, d.workType());
        assertEquals(new BigDecimal("0.00"), d.recoverableEstimate());
        assertEquals(new BigDecimal("350.00"), d.deniedAmount());
        assertNull(d.appealDue());
        assertTrue(d.appealBasis().contains("Correctly bundled into 64483"), d.appealBasis());

        scanner.scan(new FindingsScanner.ScanRequest(List.of(claim.id()), "DEMO-SYNTHETIC-2026", 80, "BILLED"));
        Finding f = findings.findByClaimIdOrderById(claim.id()).stream().filter(x -> x.type() == FindingType.DENIAL).findFirst().orElseThrow();
        assertEquals(new BigDecimal("0.00"), f.expected());
        assertEquals(new BigDecimal("0.00"), f.gap());
        assertEquals("INFO", f.severity());
        assertTrue(f.explanation().contains("not recoverable"), f.explanation());
    }

    @Test
    void bundlingDenialWithoutAGuidanceInclusiveCodeStaysCorrectedClaimWork() {
        // 77003 with 62270 (spinal puncture, no guidance in the descriptor) or on another date is separately payable:
        // a CO-97 there is corrected-claim work, recoverable 350.00 x 63% = 220.50
        Payer erisa = fx.payer("BLUE PLAINS HEALTH", "BPL1", null);
        Claim claim = fx.claim("DNBND0002", erisa, PlanType.SELF_FUNDED_ERISA, "11", DOS, PAID, null, List.of(
                new L("62270", "", 1, "900.00", "300.00", List.of("CO-45:600.00"), List.of()),
                L.denied("77003", "350.00", "CO-97", "M15")));
        Denial d = denialOf(claim, "77003");
        assertEquals(WorkType.CORRECTED_CLAIM, d.workType());
        assertEquals(new BigDecimal("220.50"), d.recoverableEstimate());
    }

    @Test
    void importedRemittanceHistoryCountsNoBundledImagingAsRecoverable() {
        // fixtures/x12/acme-self-funded-835.edi: five 77003 lines denied CO-97 next to guidance-inclusive codes of the same date
        intake.wipe();
        intake.importFixture("x12/acme-self-funded-835.edi");
        service.sync(null);
        List<Denial> imaging = denials.findAll().stream().filter(d -> d.procedureCode().equals("77003")).toList();
        assertEquals(5, imaging.size());
        for (Denial d : imaging) {
            assertEquals(WorkType.NONE, d.workType());
            assertEquals(new BigDecimal("0.00"), d.recoverableEstimate());
        }
    }
}
