package io.arbiter.deadlines;

import io.arbiter.common.ApiException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Federal IDR fees by initiation date (federal-idr.md §3; 2026 rule: $15 from 2026-06-11). */
class FeeCalculatorTest {

    private final FeeCalculator fees = new FeeCalculator(Engines.RULES);

    @Test
    void administrativeFeeSwitchesFrom115To15OnJune11_2026() {
        FeeEstimate before = fees.estimate(LocalDate.of(2026, 6, 10), DisputeType.SINGLE, 1, null);
        FeeEstimate after = fees.estimate(LocalDate.of(2026, 6, 11), DisputeType.SINGLE, 1, null);
        assertEquals(new BigDecimal("115.00"), before.administrativeFee());
        assertEquals(new BigDecimal("15.00"), after.administrativeFee());
        // single IDRE fee range $200–$840; totals = admin + range: 15 + 200 = 215, 15 + 840 = 855
        assertEquals(new BigDecimal("200.00"), after.idreFeeMin());
        assertEquals(new BigDecimal("840.00"), after.idreFeeMax());
        assertEquals(new BigDecimal("215.00"), after.totalMin());
        assertEquals(new BigDecimal("855.00"), after.totalMax());
        assertTrue(after.unverified(), "IDRE ranges after 2026-06-11 are reported unchanged by one source only");
        // The CMS-9897-F fee rule, cited to its Federal Register document (the primary source), not a law firm's summary.
        assertEquals("https://www.federalregister.gov/d/2026-11140", after.citations().get(0).url());
    }

    @Test
    void earlierFeeVersions() {
        assertEquals(new BigDecimal("50.00"), fees.estimate(LocalDate.of(2024, 1, 21), DisputeType.SINGLE, 1, null).administrativeFee());
        assertEquals(new BigDecimal("115.00"), fees.estimate(LocalDate.of(2024, 1, 22), DisputeType.SINGLE, 1, null).administrativeFee());
        assertEquals(new BigDecimal("350.00"), fees.estimate(LocalDate.of(2023, 5, 1), DisputeType.SINGLE, 1, null).administrativeFee());
        assertThrows(ApiException.class, () -> fees.estimate(LocalDate.of(2022, 4, 14), DisputeType.SINGLE, 1, null));
    }

    @Test
    void batchedIncrementPerBlockOf25LinesAndCapByOpenNegotiationDate() {
        // 30 lines, initiated 2025-03-03, ONP 2025-01-27: one block beyond 25 → 268+75 = 343, 1173+250 = 1423; no cap.
        FeeEstimate pre = fees.estimate(LocalDate.of(2025, 3, 3), DisputeType.BATCHED, 30, LocalDate.of(2025, 1, 27));
        assertEquals(1, pre.incrementBlocks());
        assertEquals(new BigDecimal("343.00"), pre.idreFeeMin());
        assertEquals(new BigDecimal("1423.00"), pre.idreFeeMax());
        assertNull(pre.batchLineCap());
        // 60 lines, ONP 2026-12-01: ceil(35/25) = 2 blocks → 268+150 = 418, 1173+500 = 1673; cap 50 exceeded → warning.
        FeeEstimate post = fees.estimate(LocalDate.of(2027, 1, 20), DisputeType.BATCHED, 60, LocalDate.of(2026, 12, 1));
        assertEquals(2, post.incrementBlocks());
        assertEquals(new BigDecimal("418.00"), post.idreFeeMin());
        assertEquals(new BigDecimal("1673.00"), post.idreFeeMax());
        assertEquals(50, post.batchLineCap());
        assertTrue(post.warnings().get(0).contains("exceed the batch cap of 50"));
        assertEquals(new BigDecimal("15.00"), post.administrativeFee());
    }
}
