package io.arbiter.intake;

import io.arbiter.claims.ClaimReader;
import io.arbiter.claims.ClaimView;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CSV layout of docs/import-formats.md. */
@MicronautTest(transactional = false)
class CsvImportTest {

    static final String CSV = """
            Patient_Control_Number,BILLING_NPI,payer_id,Payer Name,patient_last_name,member_id,patient_birth_date,service_zip,service_date,procedure_code,modifiers,units,charge,allowed,paid,adjustments,remark_codes,payer_claim_control_number,payment_trace,payment_date
            LS09000001,1234567893,ACME1,ACME HEALTH PLAN,DOE,W1,02/20/1987,752041000,08/27/2026,64635,RT,1,4800,722.40,577.92,CO-45:4077.60;PR-2:144.48,N865;N877,ERA9,EFT1,2026-10-08
            LS09000001,1234567893,ACME1,ACME HEALTH PLAN,DOE,W1,02/20/1987,752041000,2026-08-27,64636,RT,1,2200,440,352,CO-45:1760;PR-2:88,N865,ERA9,EFT1,2026-10-08
            LS09000002,1234567893,ACME1,ACME HEALTH PLAN,ROE,W2,,77030,2026-09-01,62323,,1,1800,,,,,,,
            """;

    @Inject
    IntakeTestSupport support;

    @Inject
    ClaimReader reader;

    @BeforeEach
    void clean() {
        support.wipe();
    }

    @Test
    void claimsWithPaymentsImportWithCaseInsensitiveHeadersAndBothDateStyles() {
        ImportView v = support.importBytes("export.csv", CSV.getBytes(StandardCharsets.UTF_8));

        assertEquals("COMPLETED", v.status(), () -> v.errors().toString());
        assertEquals("CSV_CLAIMS", v.format());
        assertEquals(2, v.claims());
        assertEquals(3, v.serviceLines());
        ClaimView paid = reader.read(support.claimId("LS09000001"));
        // 4,800 + 2,200 = 7,000 billed; 577.92 + 352 = 929.92 paid; PR 144.48 + 88 = 232.48
        assertEquals(new BigDecimal("7000.00"), paid.totalCharge());
        assertEquals(new BigDecimal("929.92"), paid.totalPaid());
        assertEquals(new BigDecimal("232.48"), paid.patientResponsibility());
        assertEquals("75204", paid.serviceZip());
        assertEquals("2026-08-27", paid.serviceDate().toString());
        assertEquals(List.of("RT"), paid.lines().get(0).modifiers());
        assertEquals(new BigDecimal("722.40"), paid.lines().get(0).allowed());
        assertEquals(List.of("N865", "N877"), paid.nsa().indicators());
        ClaimView unpaid = reader.read(support.claimId("LS09000002"));
        assertEquals(new BigDecimal("0.00"), unpaid.totalPaid());
        assertEquals(1, support.count("SELECT COUNT(*) FROM patient WHERE member_id = 'W1' AND birth_date = '1987-02-20'"));
    }

    @Test
    void badValuesAreRejectedNamingLineAndColumn() {
        String bad = CSV.replace("4800,722.40", "48O0,722.40").replace("2026-09-01", "2026-02-30");

        ImportView v = support.importBytes("bad.csv", bad.getBytes(StandardCharsets.UTF_8));

        assertEquals("REJECTED", v.status());
        assertTrue(v.errors().stream().anyMatch(e -> e.location().equals("line 2, column \"charge\"")
                && e.message().contains("'48O0' is not a decimal amount")), () -> v.errors().toString());
        assertTrue(v.errors().stream().anyMatch(e -> e.location().equals("line 4, column \"service_date\"")), () -> v.errors().toString());
        assertEquals(0, support.count("SELECT COUNT(*) FROM claim"));
    }

    @Test
    void missingRequiredColumnIsRejected() {
        ImportView v = support.importBytes("x.csv", "patient_control_number,procedure_code,charge\nA,99213,100\n".getBytes(StandardCharsets.UTF_8),
                ImportService.Hint.CSV_CLAIMS);

        assertEquals("REJECTED", v.status());
        assertTrue(v.errors().stream().anyMatch(e -> e.location().equals("line 1, column \"billing_npi\"")));
    }

    static final String HEADER = "patient_control_number,billing_npi,payer_id,member_id,patient_last_name,procedure_code,charge,paid,adjustments,"
            + "payer_claim_control_number,payment_trace\n";

    @Test
    void paidAndAdjustmentsThatDoNotAddUpToTheChargeAreWarnedNamingClaimAndLine() {
        String csv = HEADER
                // balanced: 1,900 = 317.83 + 1,502.71 + 79.46
                + "LS09000010,1234567893,ACME1,W1,DOE,62321,1900,317.83,CO-45:1502.71;PR-2:79.46,ERA10,EFT1\n"
                // out by 100: 1,000 − 500 − 400 = 100.00 on line 3; claim 1,350 − 850 − 400 = 100.00
                + "LS09000011,1234567893,ACME1,W2,ROE,99213,1000,500,CO-45:400,ERA11,EFT1\n"
                + "LS09000011,1234567893,ACME1,W2,ROE,77003,350,350,,ERA11,EFT1\n";

        ImportView v = support.importBytes("balance.csv", csv.getBytes(StandardCharsets.UTF_8), ImportService.Hint.CSV_REMITTANCES);

        assertEquals("COMPLETED", v.status(), () -> v.errors().toString());
        assertTrue(v.warnings().stream().anyMatch(w -> w.location().equals("line 3") && w.message().equals(
                "claim LS09000011, line 99213 is out of balance: charge 1000.00 ≠ paid 500.00 + adjustments 400.00 (difference 100.00)")),
                () -> v.warnings().toString());
        assertTrue(v.warnings().stream().anyMatch(w -> w.location().equals("line 3") && w.message().equals(
                "claim LS09000011 is out of balance: charge 1350.00 ≠ paid 850.00 + adjustments 400.00 (difference 100.00)")),
                () -> v.warnings().toString());
        assertTrue(v.warnings().stream().noneMatch(w -> w.message().contains("LS09000010")), () -> v.warnings().toString());
        assertTrue(v.warnings().stream().noneMatch(w -> w.message().contains("77003")), () -> v.warnings().toString());
    }

    @Test
    void withoutAnAdjustmentsColumnNoBalanceIsChecked() {
        String csv = "patient_control_number,billing_npi,payer_id,procedure_code,charge,paid\n"
                + "LS09000012,1234567893,ACME1,99213,1000,500\n";

        ImportView v = support.importBytes("nobalance.csv", csv.getBytes(StandardCharsets.UTF_8), ImportService.Hint.CSV_REMITTANCES);

        assertEquals("COMPLETED", v.status(), () -> v.errors().toString());
        assertTrue(v.warnings().stream().noneMatch(w -> w.message().contains("out of balance")), () -> v.warnings().toString());
    }

    @Test
    void rowsOfOneClaimThatAreNotConsecutiveAreRejected() {
        String csv = HEADER
                + "LS09000020,1234567893,ACME1,W1,DOE,62321,1900,317.83,CO-45:1502.71;PR-2:79.46,ERA20,EFT1\n"
                + "LS09000021,1234567893,ACME1,W2,ROE,99213,1000,500,CO-45:500,ERA21,EFT1\n"
                + "LS09000020,1234567893,ACME1,W1,DOE,77003,350,0,CO-97:350,ERA20,EFT1\n";

        ImportView v = support.importBytes("split.csv", csv.getBytes(StandardCharsets.UTF_8), ImportService.Hint.CSV_CLAIMS);

        assertEquals("REJECTED", v.status());
        assertTrue(v.errors().stream().anyMatch(e -> e.location().equals("line 4, column \"patient_control_number\"")
                && e.message().contains("rows of claim LS09000020 are not consecutive")), () -> v.errors().toString());
        assertEquals(0, support.count("SELECT COUNT(*) FROM claim"));
    }
}
