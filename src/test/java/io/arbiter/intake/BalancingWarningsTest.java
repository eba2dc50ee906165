package io.arbiter.intake;

import io.arbiter.claims.ClaimReader;
import io.arbiter.claims.ClaimView;
import io.arbiter.common.ApiProblem;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 22: a file out of balance still imports, and every mismatch is a warning with its location and amounts on the
 * import and on the claim (claim_intake_warning, V63; ClaimView.intakeWarnings). Amounts below are computed by hand
 * from the ACME fixture (one segment per line: segment N is line N).
 */
@MicronautTest(transactional = false)
class BalancingWarningsTest {

    @Inject
    IntakeTestSupport support;

    @Inject
    ClaimReader claims;

    @BeforeEach
    void clean() {
        support.wipe();
    }

    private ImportView importMutated(String file, String from, String to) {
        String edi = IntakeTestSupport.text(file);
        assertTrue(edi.contains(from), from);
        ImportView v = support.importBytes("balancing.edi", edi.replace(from, to).getBytes(StandardCharsets.UTF_8));
        assertEquals("COMPLETED", v.status(), () -> v.errors().toString());
        return v;
    }

    private List<ClaimView.IntakeWarningView> claimWarnings(String pcn) {
        return claims.read(support.claimId(pcn)).intakeWarnings();
    }

    @Test
    void lineAndClaimOutOfBalanceAreShownOnTheImportAndTheClaim() {
        // CAS*CO*45 of LS03000002 is 16471.8 instead of 16571.8: charge 19000 against paid 1942.56 + 16471.80 + 485.64 = 18900.00
        ImportView v = support.importFixture("x12/unbalanced-claim-835.edi");

        assertEquals("COMPLETED", v.status());
        List<ClaimView.IntakeWarningView> w = claimWarnings("LS03000002");
        assertEquals(List.of("LINE_CHARGE_PAID_ADJUSTMENTS", "CLAIM_CHARGE_PAID_ADJUSTMENTS"), w.stream().map(x -> x.kind()).toList());
        assertEquals("segment 32 (SVC)", w.get(0).location());
        assertEquals("segment 27 (CLP)", w.get(1).location());
        for (ClaimView.IntakeWarningView x : w) {
            assertEquals(new BigDecimal("19000.00"), x.stated());
            assertEquals(new BigDecimal("18900.00"), x.computed());
            assertEquals(v.id(), x.importId());
            assertTrue(v.warnings().contains(new ApiProblem.ProblemDetail(x.location(), x.message())), x.message());
        }
        assertTrue(w.get(1).message().contains("difference 100.00"), w.get(1).message());
        assertEquals(List.of(), claimWarnings("LS03000001"));
    }

    @Test
    void claimChargeAgainstItsLines() {
        // CLP03 2000 against SVC02 1900; and against paid + adjustments 317.83 + 1502.71 + 79.46 = 1900.00
        importMutated("x12/acme-self-funded-835.edi", "CLP*LS03000001*1*1900*", "CLP*LS03000001*1*2000*");

        List<ClaimView.IntakeWarningView> w = claimWarnings("LS03000001");
        assertEquals(List.of("CLAIM_CHARGE_PAID_ADJUSTMENTS", "CLAIM_CHARGE_VS_LINES"), w.stream().map(x -> x.kind()).toList());
        assertEquals(new BigDecimal("2000.00"), w.get(0).stated());
        assertEquals(new BigDecimal("1900.00"), w.get(0).computed());
        assertEquals("segment 17 (CLP), element 3", w.get(1).location());
        assertEquals(new BigDecimal("2000.00"), w.get(1).stated());
        assertEquals(new BigDecimal("1900.00"), w.get(1).computed());
        // the file's amount is stored as sent, not corrected
        assertEquals(new BigDecimal("2000.00"), support.decimal("SELECT total_charge FROM remittance WHERE patient_control_number = 'LS03000001'"));
    }

    @Test
    void claimPaymentAgainstItsLines() {
        // CLP04 300.00 against SVC03 317.83 (no claim-level CAS); and charge 1900 against 300 + 1582.17 = 1882.17
        importMutated("x12/acme-self-funded-835.edi", "CLP*LS03000001*1*1900*317.83*", "CLP*LS03000001*1*1900*300*");

        List<ClaimView.IntakeWarningView> w = claimWarnings("LS03000001");
        assertEquals(List.of("CLAIM_CHARGE_PAID_ADJUSTMENTS", "CLAIM_PAID_VS_LINES"), w.stream().map(x -> x.kind()).toList());
        assertEquals("segment 17 (CLP), element 4", w.get(1).location());
        assertEquals(new BigDecimal("300.00"), w.get(1).stated());
        assertEquals(new BigDecimal("317.83"), w.get(1).computed());
    }

    @Test
    void negativeChargeOnAnOriginalClaim() {
        // LS03000003 is status 4 (denied), not a reversal (22): a negative charge is suspicious
        importMutated("x12/acme-self-funded-835.edi", "CLP*LS03000003*4*1800*", "CLP*LS03000003*4*-1800*");

        List<ClaimView.IntakeWarningView> w = claimWarnings("LS03000003");
        ClaimView.IntakeWarningView negative = w.stream().filter(x -> x.kind().equals("NEGATIVE_AMOUNT_ON_ORIGINAL")).findFirst().orElseThrow();
        assertEquals("segment 40 (CLP), element 3", negative.location());
        assertEquals(new BigDecimal("-1800.00"), negative.stated());
    }

    @Test
    void reversalCarriesNegativeAmountsWithoutWarning() {
        ImportView v = support.importFixture("x12/acme-reversal-835.edi");

        assertEquals("COMPLETED", v.status());
        assertTrue(v.warnings().stream().noneMatch(x -> x.message().contains("negative")), () -> v.warnings().toString());
        assertEquals(0, support.count("SELECT COUNT(*) FROM claim_intake_warning"));
    }

    @Test
    void paymentAgainstClaimsMinusProviderAdjustmentsIsAnImportWarning() {
        // BPR02 11902.17 against the claims' 11901.17 (no PLB): a transaction-level finding, on the import only
        ImportView v = importMutated("x12/acme-self-funded-835.edi", "BPR*I*11901.17*", "BPR*I*11902.17*");

        assertTrue(v.warnings().stream().anyMatch(x -> x.location().equals("segment 4 (BPR), element 2")
                && x.message().contains("11902.17") && x.message().contains("11901.17")), () -> v.warnings().toString());
        assertEquals(0, support.count("SELECT COUNT(*) FROM claim_intake_warning"));
    }

    @Test
    void billedClaimChargeAgainstItsLines() {
        // 837P CLM02 2000 against SV102 1900
        ImportView v = importMutated("x12/acme-self-funded-837p.edi", "CLM*LS03000001*1900*", "CLM*LS03000001*2000*");

        List<ClaimView.IntakeWarningView> w = claimWarnings("LS03000001");
        assertEquals(1, w.size());
        assertEquals("CLAIM_CHARGE_VS_LINES", w.get(0).kind());
        assertEquals("segment 20 (CLM), element 2", w.get(0).location());
        assertEquals(new BigDecimal("2000.00"), w.get(0).stated());
        assertEquals(new BigDecimal("1900.00"), w.get(0).computed());
        assertEquals(v.id(), w.get(0).importId());
    }
}
