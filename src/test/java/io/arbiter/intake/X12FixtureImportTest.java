package io.arbiter.intake;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every valid fixture imports with exactly the counts its README states. */
@MicronautTest(transactional = false)
class X12FixtureImportTest {

    @Inject
    IntakeTestSupport support;

    @BeforeEach
    void clean() {
        support.wipe();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // file, format, transactions, claims (CLP/CLM), service lines, CAS segments, total charge, total paid (from the README tables)
            "x12/acme-self-funded-835.edi, X12_835, 1, 24, 35, 55, 111150.00, 11901.17",
            "x12/acme-self-funded-837p.edi, X12_837P, 1, 24, 35, 0, 111150.00, ",
            "x12/bluebonnet-state-plan-835.edi, X12_835, 1, 18, 25, 28, 178800.00, 42343.10",
            "x12/gulf-tpa-835.edi, X12_835, 1, 15, 21, 35, 105750.00, 12062.36",
            "x12/bom-utf8-835.edi, X12_835, 1, 3, 6, 10, 12350.00, 1432.52",
            "x12/acme-reversal-835.edi, X12_835, 1, 2, 2, 4, 0.00, 800.00",
            "x12/unbalanced-claim-835.edi, X12_835, 1, 24, 35, 55, , ",
    })
    void importsWithStatedCounts(String file, String format, int transactions, int claims, int lines, int cas,
                                 BigDecimal charge, BigDecimal paid) {
        ImportView v = support.importFixture(file);

        assertEquals("COMPLETED", v.status(), () -> "errors: " + v.errors());
        assertEquals(format, v.format());
        assertEquals(transactions, v.transactions());
        assertEquals(claims, v.claims());
        assertEquals(lines, v.serviceLines());
        assertEquals(cas, v.adjustments());
        if (format.equals("X12_835")) {
            assertEquals(claims, support.count("SELECT COUNT(*) FROM remittance WHERE import_id = ?", v.id()));
            // every SVC is a remittance_line row, or a claim_line row of the claim its remittance created alone (V11 lines_on_claim)
            assertEquals(lines, support.count("SELECT COUNT(*) FROM remittance_line r JOIN remittance m ON m.id = r.remittance_id WHERE m.import_id = ?", v.id())
                    + support.count("SELECT COUNT(*) FROM claim_line l JOIN remittance m ON m.claim_id = l.claim_id WHERE m.lines_on_claim AND m.import_id = ?", v.id()));
            if (charge != null) {
                assertEquals(0, charge.compareTo(support.decimal("SELECT SUM(total_charge) FROM remittance WHERE import_id = ?", v.id())));
                assertEquals(0, paid.compareTo(support.decimal("SELECT SUM(total_paid) FROM remittance WHERE import_id = ?", v.id())));
            }
        } else {
            assertEquals(claims, support.count("SELECT COUNT(*) FROM claim WHERE claim_import_id = ?", v.id()));
            assertEquals(lines, support.count("SELECT COUNT(*) FROM claim_line"));
            assertEquals(0, charge.compareTo(support.decimal("SELECT SUM(total_charge) FROM claim")));
        }
        assertEquals(v.progress().total(), v.progress().processed());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // file, format, transactions, claims (real-world/README.md)
            "x12/real-world/835-02-lfh-managed-care.835, X12_835, 1, 2",
            "x12/real-world/835-05-ks-western-southern-zelis-2st.txt, X12_835, 2, 6",
            "x12/real-world/835-07-oop-example1-without-bare-clp.txt, X12_835, 1, 9",
            "x12/real-world/837p-04-staedi-newline-terminator.edi, X12_837P, 1, 1",
    })
    void realWorldSamplesImport(String file, String format, int transactions, int claims) {
        ImportView v = support.importFixture(file);

        assertEquals("COMPLETED", v.status(), () -> "errors: " + v.errors());
        assertEquals(format, v.format());
        assertEquals(transactions, v.transactions());
        assertEquals(claims, v.claims());
    }

    /** The published OopFactory example ends with a bare CLP (no CLP03/04/06/07, all required by 005010X221A1). */
    @org.junit.jupiter.api.Test
    void realWorldSampleWithABareClaimIsRejectedAtThatClaim() {
        ImportView v = support.importFixture("x12/real-world/835-07-oop-example1-bom-indented-reversals.txt");

        assertEquals("REJECTED", v.status());
        assertEquals(java.util.List.of("segment 98 (CLP), element 3", "segment 98 (CLP), element 4", "segment 98 (CLP), element 6",
                "segment 98 (CLP), element 7"), v.errors().stream().map(e -> e.location()).toList());
        assertEquals(0, support.count("SELECT COUNT(*) FROM remittance"));
        assertEquals(0, support.count("SELECT COUNT(*) FROM claim"));
    }
}
