package io.arbiter.intake;

import io.arbiter.practice.Npi;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 23 item 9: over-long values were cut silently (a 5,000-character patient control number kept as 38) and junk
 * billing NPIs created practices. Both now stop at the {@link FieldGate} with the claim's location.
 */
@MicronautTest(transactional = false)
class FieldGateTest {

    private static final String FIXTURE = "x12/acme-self-funded-835.edi";

    @Inject IntakeTestSupport support;
    @Inject DataSource dataSource;
    @Inject DataSourceResolver resolver;

    @BeforeEach
    void clean() {
        support.wipe();
    }

    private static String fixture() {
        return new String(IntakeTestSupport.fixture(FIXTURE), StandardCharsets.US_ASCII);
    }

    private long count(String table) throws Exception {
        try (Connection c = resolver.resolve(dataSource).getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void theNpiCheckDigitIsTheLuhnOverPrefix80840() {
        assertTrue(Npi.isValid("1234567893"));   // CMS's worked example
        assertFalse(Npi.isValid("1234567890"));
        assertFalse(Npi.isValid("123456789"));   // nine digits
        assertFalse(Npi.isValid("@SUM(1+1)"));
        assertFalse(Npi.isValid("12345\n6789"));
    }

    @Test
    void aPatientControlNumberLongerThanItsColumnIsRefusedNotCut() throws Exception {
        String longPcn = "LS" + "9".repeat(58);
        ImportView v = support.importBytes("long-pcn.edi", fixture().replace("CLP*LS03000001*", "CLP*" + longPcn + "*")
                .getBytes(StandardCharsets.US_ASCII));
        assertEquals("REJECTED", v.status());
        assertTrue(v.errors().stream().anyMatch(e -> e.location().startsWith("segment 17")
                && e.message().equals("patient control number (CLP01) is 60 characters long; at most 38 are allowed — refused rather than cut")),
                v.errors().toString());
        assertEquals(0, count("claim"));

        // The probe's 5,000 characters, through a CSV export.
        String csv = CsvImportTest.HEADER + "LS" + "7".repeat(4_998) + ",1234567893,ACME1,W1,DOE,62321,1900,317.83,CO-45:1582.17,ERA10,EFT1\n";
        ImportView fromCsv = support.importBytes("long-pcn.csv", csv.getBytes(StandardCharsets.UTF_8), ImportService.Hint.CSV_REMITTANCES);
        assertEquals("REJECTED", fromCsv.status());
        assertTrue(fromCsv.errors().stream().anyMatch(e -> e.location().startsWith("line 2")
                && e.message().startsWith("patient control number (CLP01) is 5000 characters long; at most 38")), fromCsv.errors().toString());
        assertEquals(0, count("claim"));
    }

    @Test
    void aPayeeNpiThatFailsItsCheckDigitNeverNamesAPractice() throws Exception {
        ImportView junk = support.importBytes("junk-npi.edi", fixture().replace("N1*PE*LONE STAR SPINE AND PAIN PLLC*XX*1234567893~",
                "N1*PE*LONE STAR SPINE AND PAIN PLLC*XX*@SUM(1+1)~").replace("REF*TJ*741234567~\n", "").getBytes(StandardCharsets.US_ASCII));
        assertEquals("REJECTED", junk.status());
        assertTrue(junk.errors().stream().anyMatch(e -> e.message().equals(
                "payee NPI '@SUM(1+1)' is not a valid NPI (ten digits with a check digit) and there is no tax id to identify the practice by")),
                junk.errors().toString());
        assertEquals(0, count("practice"));

        // With a tax id (REF*TJ) the practice is found by it and the bad NPI is named, not kept.
        ImportView withTin = support.importBytes("bad-npi-tin.edi", fixture().replace("N1*PE*LONE STAR SPINE AND PAIN PLLC*XX*1234567893~",
                "N1*PE*LONE STAR SPINE AND PAIN PLLC*XX*1234567890~").getBytes(StandardCharsets.US_ASCII));
        assertEquals("COMPLETED", withTin.status(), withTin.errors().toString());
        assertTrue(withTin.warnings().stream().anyMatch(w -> w.message().startsWith("payee NPI '1234567890' is not a valid NPI")
                && w.message().endsWith("found by tax id 741234567")), withTin.warnings().toString());
        try (Connection c = resolver.resolve(dataSource).getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT tin, billing_npi FROM practice")) {
            assertTrue(rs.next());
            assertEquals("741234567", rs.getString(1));
            assertFalse("1234567890".equals(rs.getString(2)), "the invalid NPI is not stored");
        }
    }
}
