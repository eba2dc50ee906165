package io.arbiter.claims;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static io.arbiter.claims.RemittanceLedger.Kind.CORRECTION;
import static io.arbiter.claims.RemittanceLedger.Kind.INITIAL;
import static io.arbiter.claims.RemittanceLedger.Kind.REVERSAL;
import static io.arbiter.claims.RemittanceLedger.Kind.SUPPLEMENTAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The initial-payment rule and the kinds of a claim's remittances, on realistic histories (pure, no database). */
class RemittanceLedgerTest {

    private static long ids = 100;

    /** A remittance as intake stores it: status, paid, patient share, payment date, trace; reversal when status 22. */
    private static Remittance r(String status, String paid, String resp, String date, String trace, boolean cancelled) {
        return new Remittance(ids++, 7L, 3L, "PCN7", "ICN7", 1L, status, new BigDecimal(paid).signum() < 0 ? new BigDecimal("-900.00")
                : new BigDecimal("900.00"), new BigDecimal(paid), new BigDecimal(resp), "24", date == null ? null : LocalDate.parse(date),
                trace, "22".equals(status), cancelled, null, null, null);
    }

    private static List<RemittanceLedger.Kind> kinds(RemittanceLedger l) {
        return l.entries().stream().map(RemittanceLedger.Entry::kind).toList();
    }

    @Test
    void denialThenPaymentAfterAppealCountsFromTheDenial() {
        // CO-50 denial 2026-07-15 (paid 0), overturned and paid 2026-11-10 without a reversal: the notice of denial starts
        // the clock (42 U.S.C. 300gg-111(c)(1)(A): "initial payment or notice of denial").
        RemittanceLedger l = RemittanceLedger.of(List.of(r("4", "0.00", "0.00", "2026-07-15", "CHK7001", false),
                r("1", "212.40", "53.10", "2026-11-10", "EFT7002", false)));
        assertEquals(LocalDate.of(2026, 7, 15), l.initialPaymentDate());
        assertEquals("CHK7001", l.initialTrace());
        assertEquals(List.of(INITIAL, SUPPLEMENTAL), kinds(l));
        assertEquals(new BigDecimal("212.40"), l.netPaid());
    }

    @Test
    void filesImportedOutOfOrderStillGiveTheEarliestOriginal() {
        // The 2026-10-20 re-payment file arrives first, the 2026-09-01 original later: arrival order does not move the clock.
        RemittanceLedger l = RemittanceLedger.of(List.of(
                r("22", "-310.40", "-77.60", "2026-10-20", "EFT00261020", true),
                r("1", "410.40", "102.60", "2026-10-20", "EFT00261020", false),
                r("1", "310.40", "77.60", "2026-09-01", "EFT00260901", true)));
        assertEquals(LocalDate.of(2026, 9, 1), l.initialPaymentDate());
        assertEquals(List.of(INITIAL, REVERSAL, CORRECTION), kinds(l));
        assertEquals(List.of(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 20), LocalDate.of(2026, 10, 20)),
                l.entries().stream().map(RemittanceLedger.Entry::paymentDate).toList());
        assertEquals(new BigDecimal("410.40"), l.netPaid());
    }

    @Test
    void twoRoundsOfReversalAndCorrectionThenASupplement() {
        // Paid 2026-09-01; reversed and corrected 2026-10-20; reversed and corrected again 2026-12-03; supplemented 2027-01-12.
        RemittanceLedger l = RemittanceLedger.of(List.of(
                r("1", "310.40", "77.60", "2026-09-01", "EFT1", true),
                r("22", "-310.40", "-77.60", "2026-10-20", "EFT2", true),
                r("1", "410.40", "102.60", "2026-10-20", "EFT2", true),
                r("22", "-410.40", "-102.60", "2026-12-03", "EFT3", true),
                r("2", "455.20", "113.80", "2026-12-03", "EFT3", false),
                r("1", "40.00", "0.00", "2027-01-12", "EFT4", false)));
        assertEquals(LocalDate.of(2026, 9, 1), l.initialPaymentDate());
        assertEquals(List.of(INITIAL, REVERSAL, CORRECTION, REVERSAL, CORRECTION, SUPPLEMENTAL), kinds(l));
        // 310.40 − 310.40 + 410.40 − 410.40 + 455.20 + 40.00 = 495.20
        assertEquals(new BigDecimal("495.20"), l.netPaid());
    }

    @Test
    void aReversalAloneOrAnUndatedRemittanceSetsNoTrigger() {
        // Only the reversal of a payment imported elsewhere: there is no initial payment on record here.
        RemittanceLedger reversalOnly = RemittanceLedger.of(List.of(r("22", "-120.00", "0.00", "2026-10-20", "EFT9", false)));
        assertNull(reversalOnly.initialPaymentDate());
        assertEquals(List.of(REVERSAL), kinds(reversalOnly));
        // A keyed-in remittance without a date is history, but the dated one is the trigger.
        RemittanceLedger undated = RemittanceLedger.of(List.of(r("1", "50.00", "0.00", null, null, false),
                r("1", "200.00", "50.00", "2026-08-14", "EFT8", false)));
        assertEquals(LocalDate.of(2026, 8, 14), undated.initialPaymentDate());
        assertEquals(List.of(INITIAL, SUPPLEMENTAL), kinds(undated));
        assertEquals(List.of(), RemittanceLedger.of(List.of()).entries());
    }
}
