package io.arbiter.intake;

import io.arbiter.common.ApiProblem;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 22: a single changed segment or value of the ACME 835 (one segment per line, ISA = segment 1, so segment N
 * is line N) is a located error and the file leaves nothing stored; before, each of these imported COMPLETED with a
 * claim, line or adjustment dropped, or an amount rounded, trimmed or turned into a database exception.
 */
@MicronautTest(transactional = false)
class X12StrictReadingTest {

    private static final String ACME = "x12/acme-self-funded-835.edi";

    @Inject
    IntakeTestSupport support;

    @BeforeEach
    void clean() {
        support.wipe();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            // segment as in the file | as mutated | error location | message fragment
            "CLP*LS03000002*1*|CLX*LS03000002*1*|segment 27 (CLX)|'CLX' is not a segment Arbiter knows in an 835",
            "CLP*LS03000002*1*|clp*LS03000002*1*|segment 27 (clp)|segment tags are upper case (CLP)",
            "SVC*HC:62321*|SVX*HC:62321*|segment 22 (SVX)|'SVX' is not a segment",
            "CAS*CO*45*1502.71~|CAX*CO*45*1502.71~|segment 24 (CAX)|'CAX' is not a segment",
            "REF*TJ*741234567~|CAS*CO*45*10~|segment 15 (CAS)|CAS does not belong in the header",
            "CLP*LS03000001*1*1900*317.83*|CLP*LS03000001*1**317.83*|segment 17 (CLP), element 3|claim charge (CLP03) is required but empty",
            "CLP*LS03000001*1*1900*317.83*|CLP*LS03000001*1*1900**|segment 17 (CLP), element 4|claim payment (CLP04) is required but empty",
            "*12*ERA0030000001*|*12**|segment 17 (CLP), element 7|payer claim control number (CLP07) is required but empty",
            "SVC*HC:62321*1900*317.83*|SVC*HC:62321**317.83*|segment 22 (SVC), element 2|line charge (SVC02) is required but empty",
            "SVC*HC:62321*1900*317.83*|SVC*HC:62321*1900**|segment 22 (SVC), element 3|line payment (SVC03) is required but empty",
            "AMT*B6*397.29~|AMT*B6*~|segment 26 (AMT), element 2|amount (AMT02) is required but empty",
            "CAS*CO*45*1502.71~|CAS*CO*45*~|segment 24 (CAS), element 3|adjustment amount for reason 45 is required but empty",
            "DTM*472*20260827~|DTM*472*~|segment 23 (DTM), element 2|date (DTM02) is required but empty",
            "CLP*LS03000001*1*1900*317.83*|CLP*LS03000001*1*1900*0.0000001*|segment 17 (CLP), element 4|more than 2 decimals",
            "CLP*LS03000001*1*1900*317.83*|CLP*LS03000001*1*1900*317.835*|segment 17 (CLP), element 4|more than 2 decimals",
            "CLP*LS03000001*1*1900*317.83*|CLP*LS03000001*1* 1900 *317.83*|segment 17 (CLP), element 3|' 1900 ' is not a decimal amount",
            "CLP*LS03000001*1*1900*317.83*|CLP*LS03000001*1*+1900*317.83*|segment 17 (CLP), element 3|'+1900' is not a decimal amount",
            "CLP*LS03000001*1*1900*317.83*|CLP*LS03000001*1*1.9E3*317.83*|segment 17 (CLP), element 3|'1.9E3' is not a decimal amount",
            "CLP*LS03000001*1*1900*317.83*|CLP*LS03000001*1*12345678901234567890*317.83*|segment 17 (CLP), element 3|beyond the largest storable amount (9999999999.99)",
            "CAS*CO*45*1502.71~|CAS*CO*45*12345678901234567890~|segment 24 (CAS), element 3|beyond the largest storable amount",
            "SVC*HC:62321*1900*317.83**1~|SVC*HC:62321*1900*317.83**1.0005~|segment 22 (SVC), element 5|more than 3 decimals",
    })
    void aChangedSegmentOrValueIsALocatedErrorAndNothingIsStored(String from, String to, String location, String message) {
        String edi = IntakeTestSupport.text(ACME);
        assertTrue(edi.contains(from), from);

        ImportView v = support.importBytes("mutated.edi", edi.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)).getBytes(StandardCharsets.UTF_8));

        assertEquals("REJECTED", v.status());
        ApiProblem.ProblemDetail first = v.errors().get(0);
        assertEquals(location, first.location(), () -> "errors: " + v.errors());
        assertTrue(first.message().contains(message), first.message());
        assertEquals(0, support.count("SELECT COUNT(*) FROM claim"));
        assertEquals(0, support.count("SELECT COUNT(*) FROM remittance"));
    }

    /** Zeros beyond the cent are exact: 317.8300 is 317.83, stored as such, not an error. */
    @Test
    void trailingZerosBeyondTheCentAreExact() {
        String edi = IntakeTestSupport.text(ACME).replaceFirst("CLP\\*LS03000001\\*1\\*1900\\*317.83\\*", "CLP*LS03000001*1*1900.000*317.8300*");

        ImportView v = support.importBytes("zeros.edi", edi.getBytes(StandardCharsets.UTF_8));

        assertEquals("COMPLETED", v.status(), () -> v.errors().toString());
        assertEquals(new BigDecimal("317.83"), support.decimal("SELECT total_paid FROM remittance WHERE patient_control_number = 'LS03000001'"));
    }

    /**
     * The same amount rules on the CSV path: no inner spaces, rounding or plus sign. Padding around a CSV field is the
     * CSV layout's (the parser trims every field, docs/import-formats.md), not part of the amount.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "4 800|'4 800' is not a decimal amount",
            "+4800|'+4800' is not a decimal amount",
            "4800.001|more than 2 decimals",
            "48000000000|beyond the largest storable amount",
    })
    void csvAmountsFollowTheSameRules(String charge, String message) {
        String csv = CsvImportTest.CSV.replace("4800,722.40", charge + ",722.40");

        ImportView v = support.importBytes("bad.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertEquals("REJECTED", v.status());
        assertTrue(v.errors().stream().anyMatch(e -> e.location().equals("line 2, column \"charge\"") && e.message().contains(message)),
                () -> v.errors().toString());
        assertEquals(0, support.count("SELECT COUNT(*) FROM claim"));
    }
}
