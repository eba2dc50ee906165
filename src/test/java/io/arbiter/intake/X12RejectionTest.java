package io.arbiter.intake;

import io.arbiter.common.ApiProblem;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input is rejected with located errors and leaves nothing but its Import record. */
@MicronautTest(transactional = false)
class X12RejectionTest {

    @Inject
    IntakeTestSupport support;

    @BeforeEach
    void clean() {
        support.wipe();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "x12/invalid/not-x12.csv.edi|line 1|not an X12 interchange",
            "x12/invalid/truncated-835.edi|segment 118 (CAS)|truncated",
            "x12/invalid/wrong-se-count-835.edi|segment 339 (SE), element 1|SE01 says 999 segments but the transaction has 337",
            "x12/invalid/non-numeric-amount-835.edi|segment 17 (CLP), element 4|'3I7.83' is not a decimal amount",
    })
    void invalidFixturesAreRejectedWithAPreciseLocation(String file, String location, String message) {
        ImportView v = support.importFixture(file);

        assertEquals("REJECTED", v.status());
        ApiProblem.ProblemDetail first = v.errors().get(0);
        assertEquals(location, first.location(), () -> "errors: " + v.errors());
        assertTrue(first.message().contains(message), first.message());
        assertNothingStored();
        assertEquals(1, support.count("SELECT COUNT(*) FROM import_file WHERE status = 'REJECTED'"));
    }

    @Test
    void impossibleServiceDateIsRejected() {
        String edi = IntakeTestSupport.text("x12/acme-self-funded-835.edi").replaceFirst("DTM\\*472\\*20260827~", "DTM*472*20260231~");

        ImportView v = support.importBytes("bad-date.edi", edi.getBytes(StandardCharsets.UTF_8));

        assertEquals("REJECTED", v.status());
        // line 23 of the file is the first DTM*472 (one segment per line, ISA = segment 1)
        assertEquals("segment 23 (DTM), element 2", v.errors().get(0).location());
        assertTrue(v.errors().get(0).message().contains("'20260231' is not a valid date"));
        assertNothingStored();
    }

    @Test
    void wrongGroupCountIsRejected() {
        String edi = IntakeTestSupport.text("x12/acme-reversal-835.edi").replace("GE*1*31~", "GE*3*31~");

        ImportView v = support.importBytes("bad-ge.edi", edi.getBytes(StandardCharsets.UTF_8));

        assertEquals("REJECTED", v.status());
        assertTrue(v.errors().stream().anyMatch(e -> e.location().equals("segment 39 (GE), element 1")
                && e.message().contains("GE01 says 3 transactions but the group has 1")), () -> v.errors().toString());
        assertNothingStored();
    }

    @Test
    void missingInterchangeEnvelopeIsRejectedClearly() {
        String edi = IntakeTestSupport.text("x12/acme-reversal-835.edi");
        String withoutIsa = edi.substring(edi.indexOf("GS*"));

        ImportView v = support.importBytes("no-isa.edi", withoutIsa.getBytes(StandardCharsets.UTF_8), ImportService.Hint.X12);

        assertEquals("REJECTED", v.status());
        assertEquals("segment 1", v.errors().get(0).location());
        assertTrue(v.errors().get(0).message().contains("must start with an ISA segment"));
    }

    @Test
    void nonNumericAmountLateInAFileRollsBackEverythingBeforeIt() {
        // a chunk and a half of claims: the first chunk is written before the bad amount; the rollback must remove it too.
        int claims = IntakeWriter.CHUNK * 3 / 2;
        StringBuilder sb = new StringBuilder("ISA*00*          *00*          *ZZ*ACME1          *ZZ*LONESTAR       *261008*1200*^*00501*000000004*0*P*:~"
                + "GS*HP*ACME1*LONESTAR*20261008*1200*4*X*005010X221A1~ST*835*0001~BPR*I*0*C*NON************20261008~TRN*1*T1*1~"
                + "N1*PR*ACME HEALTH PLAN~REF*2U*ACME1~N1*PE*LONE STAR*XX*1234567893~LX*1~");
        int segments = 7;
        for (int i = 0; i < claims; i++) {
            sb.append("CLP*PCN").append(i).append("*1*100*").append(i == claims - 1 ? "1O" : "10").append("**12*CCN").append(i).append("~");
            sb.append("SVC*HC:99213*100*10**1~CAS*CO*45*90~");
            segments += 3;
        }
        sb.append("SE*").append(segments + 1).append("*0001~GE*1*4~IEA*1*000000004~");

        ImportView v = support.importBytes("late-error.edi", sb.toString().getBytes(StandardCharsets.UTF_8));

        assertEquals("REJECTED", v.status());
        // the bad CLP is the last: segment 10 + 3 × (claims − 1)
        assertEquals("segment " + (10 + 3 * (claims - 1)) + " (CLP), element 4", v.errors().get(0).location());
        assertNothingStored();
    }

    private void assertNothingStored() {
        assertEquals(0, support.count("SELECT COUNT(*) FROM claim"));
        assertEquals(0, support.count("SELECT COUNT(*) FROM remittance"));
        assertEquals(0, support.count("SELECT COUNT(*) FROM claim_line"));
        assertEquals(0, support.count("SELECT COUNT(*) FROM practice"));
    }
}
