package io.arbiter.claims;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RemittanceDetailTest {

    @Test
    void aRemittancesCasAndRarcsRoundTripInTheOrderReceived() {
        List<Adjustment> adjustments = List.of(
                new Adjustment(7L, null, 3L, "OA", "23", new BigDecimal("-12.50"), null),
                new Adjustment(7L, 17L, 3L, "CO", "45", new BigDecimal("1502.71"), null),
                new Adjustment(7L, 17L, 3L, "PR", "2", new BigDecimal("79.46"), new BigDecimal("1.000")));
        List<RemarkCode> remarks = List.of(new RemarkCode(7L, null, 3L, "MA01", "MOA"), new RemarkCode(7L, 17L, 3L, "N830", "LQ"));

        String adjText = RemittanceDetail.adjustments(adjustments);
        String rarcText = RemittanceDetail.remarks(remarks);

        assertEquals(",OA,23,-12.50,;17,CO,45,1502.71,;17,PR,2,79.46,1.000", adjText);
        assertEquals(",MA01,MOA;17,N830,LQ", rarcText);
        assertEquals(adjustments, RemittanceDetail.adjustments(7L, 3L, adjText));
        assertEquals(remarks, RemittanceDetail.remarks(7L, 3L, rarcText));
    }

    @Test
    void separatorsAndPercentSignsInsideACodeAreEscaped() {
        List<RemarkCode> remarks = List.of(new RemarkCode(1L, 2L, 9L, "N,1;%", "LQ"));

        String text = RemittanceDetail.remarks(remarks);

        assertEquals("2,N%2C1%3B%25,LQ", text);
        assertEquals(remarks, RemittanceDetail.remarks(1L, 9L, text));
    }

    @Test
    void noEntriesIsNullAndNullIsNoEntries() {
        assertNull(RemittanceDetail.adjustments(List.of()));
        assertNull(RemittanceDetail.remarks(List.of()));
        assertTrue(RemittanceDetail.adjustments(1L, 2L, null).isEmpty());
        assertTrue(RemittanceDetail.remarks(1L, 2L, "").isEmpty());
    }

    @Test
    void aDamagedEntryNamesTheRemittanceOrTheEntry() {
        IllegalStateException fields = assertThrows(IllegalStateException.class, () -> RemittanceDetail.adjustments(1L, 2L, "17,CO,45"));
        assertTrue(fields.getMessage().contains("'17,CO,45' has 3 fields, expected 5"), fields.getMessage());
        IllegalStateException number = assertThrows(IllegalStateException.class, () -> RemittanceDetail.adjustments(1L, 2L, "17,CO,45,12x,"));
        assertTrue(number.getMessage().startsWith("remittance 2:"), number.getMessage());
        assertThrows(IllegalStateException.class, () -> RemittanceDetail.remarks(1L, 2L, "17,N8%3,LQ"));
    }

    @Test
    void aKeyedInRemittanceCarriesTheClaimsPaymentAndItsDetail() {
        Claim claim = new Claim(5L, 1L, null, 2L, 3L, "PCN1", "ICN1", "1", "1", null, null, "11", null, null, null, "75204", "TX",
                null, null, null, false, false, new BigDecimal("500.00"), new BigDecimal("320.00"), new BigDecimal("80.00"), null,
                java.time.LocalDate.of(2026, 10, 8), "EFT1", null, null, null, null);
        Remittance r = Remittance.keyedIn(claim, List.of(new Adjustment(5L, 11L, null, "CO", "45", new BigDecimal("100.00"), null)),
                List.of());

        assertNull(r.importId());
        assertEquals(new BigDecimal("320.00"), r.totalPaid());
        assertEquals("11,CO,45,100.00,", r.adjustments());
        assertNull(r.remarkCodes());
        assertEquals(List.of(new Adjustment(5L, 11L, null, "CO", "45", new BigDecimal("100.00"), null)), r.adjustmentList());
    }
}
