package io.arbiter.intake;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An import leaves every claim it stored priced (issue 21: "the 36,000 newly imported claims all show Expected —"):
 * 3,000 claims of two lines each (the benchmark's synthetic ERA) come out of the import with a pricing finding on every
 * line — an underpayment, or the reason it cannot be priced — and no claim left marked for re-pricing.
 */
@MicronautTest(transactional = false)
class EveryImportedClaimIsPricedTest {

    @Inject IntakeTestSupport support;

    @Test
    void aLargeImportComesOutWithEveryLinePriced() throws Exception {
        support.wipe();
        Path file = Files.createTempFile("arbiter-priced-", ".edi");
        try {
            IntakeBenchmark.generate(file, 3_000);
            assertEquals("COMPLETED", support.importBytes("large-era.edi", Files.readAllBytes(file)).status());
        } finally {
            Files.delete(file);
        }
        assertEquals(3_000, support.count("SELECT COUNT(*) FROM claim WHERE patient_control_number LIKE 'BN%'"));
        assertEquals(6_000, support.count("SELECT COUNT(*) FROM claim_line"));
        assertEquals(0, support.count("SELECT COUNT(*) FROM claim c WHERE NOT EXISTS (SELECT 1 FROM finding f WHERE f.claim_id = c.id"
                + " AND f.type IN ('UNDERPAYMENT', 'MISSING_BENCHMARK'))"), "every claim priced, or told why it cannot be");
        assertEquals(0, support.count("SELECT COUNT(*) FROM claim_line l WHERE NOT EXISTS (SELECT 1 FROM finding f WHERE f.line_id = l.id)"),
                "no line left without a finding");
        assertEquals(0, support.count("SELECT COUNT(*) FROM claim_repricing_due"), "no claim left waiting to be priced");
    }
}
