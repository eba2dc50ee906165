package io.arbiter.claims;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The claims ledger's netting as a pure function, on the history a real claim has: paid, reversed, corrected,
 * supplemented; amounts computed by hand in each test.
 */
class RemittanceNettingTest {

    private static RemittanceNetting.Remit remit(long id, String status, String charge, String paid, String resp, String ccn,
                                                 LocalDate date, boolean reversal) {
        return new RemittanceNetting.Remit(id, status, new BigDecimal(charge), new BigDecimal(paid), resp == null ? null : new BigDecimal(resp),
                ccn, date, "TRN" + id, reversal, false);
    }

    @Test
    void paidReversedCorrectedAndSupplementedNetsToTheCorrectionPlusTheSupplement() {
        LocalDate initial = LocalDate.of(2026, 3, 2);
        List<RemittanceNetting.Remit> history = List.of(
                remit(11, "1", "2400.00", "612.40", "50.00", "CCN-1", initial, false),           // initial payment
                remit(12, "22", "-2400.00", "-612.40", "-50.00", "CCN-1", LocalDate.of(2026, 4, 6), true), // take-back
                remit(13, "1", "2400.00", "700.15", "50.00", "CCN-2", LocalDate.of(2026, 4, 6), false),  // corrected
                remit(14, "1", "0.00", "35.10", null, "CCN-2", LocalDate.of(2026, 5, 1), false));         // supplemental
        RemittanceNetting.ClaimNet net = RemittanceNetting.claim(history).orElseThrow();
        // 700.15 + 35.10 = 735.25; the reversal cancels the initial 612.40 exactly.
        assertEquals(new BigDecimal("735.25"), net.paid());
        assertEquals(new BigDecimal("50.00"), net.patientResponsibility());
        assertEquals(List.of(12L, 11L), net.newlyCancelled());
        assertEquals(Set.of(13L, 14L), net.active());
        // The clock still counts from the initial payment, reversed or not; its trace goes with it.
        assertEquals(initial, net.paymentDate());
        assertEquals("TRN11", net.trace());
        // Status and control number follow the latest standing remittance; the charge the latest original with a charge.
        assertEquals("CCN-2", net.payerClaimControlNumber());
        assertEquals(new BigDecimal("2400.00"), net.charge());
    }

    @Test
    void aReversalPairsWithThePaymentItNegatesNotMerelyTheFirstWithItsControlNumber() {
        List<RemittanceNetting.Remit> history = List.of(
                remit(1, "1", "900.00", "100.00", null, "CCN-9", LocalDate.of(2026, 1, 5), false),
                remit(2, "1", "900.00", "250.00", null, "CCN-9", LocalDate.of(2026, 1, 20), false),
                remit(3, "22", "-900.00", "-250.00", null, "CCN-9", LocalDate.of(2026, 2, 2), true));
        RemittanceNetting.ClaimNet net = RemittanceNetting.claim(history).orElseThrow();
        assertEquals(List.of(3L, 2L), net.newlyCancelled());
        assertEquals(new BigDecimal("100.00"), net.paid());
    }

    @Test
    void anUnmatchedReversalStaysInTheNetAndAlreadyCancelledPairsAreNotPairedAgain() {
        RemittanceNetting.Remit cancelledOriginal = new RemittanceNetting.Remit(1, "1", new BigDecimal("500.00"), new BigDecimal("200.00"),
                null, "A", LocalDate.of(2026, 1, 5), "T1", false, true);
        RemittanceNetting.Remit cancelledReversal = new RemittanceNetting.Remit(2, "22", new BigDecimal("-500.00"), new BigDecimal("-200.00"),
                null, "A", LocalDate.of(2026, 1, 9), "T2", true, true);
        RemittanceNetting.Remit stray = remit(3, "22", "-500.00", "-80.00", null, "OTHER", LocalDate.of(2026, 2, 1), true);
        RemittanceNetting.ClaimNet net = RemittanceNetting.claim(List.of(cancelledOriginal, cancelledReversal, stray)).orElseThrow();
        assertTrue(net.newlyCancelled().isEmpty());
        assertEquals(new BigDecimal("-80.00"), net.paid());
        assertEquals(Set.of(3L), net.active());
        // Only a reversal stands: no original carries a charge, so the reversal's charge (as a positive) is shown.
        assertEquals(new BigDecimal("500.00"), net.charge());
        assertTrue(RemittanceNetting.claim(List.of()).isEmpty());
    }

    @Test
    void aLineNetsOverActiveRemittancesAndASupplementalLineKeepsTheCharge() {
        List<RemittanceNetting.RemitLine> lines = List.of(
                new RemittanceNetting.RemitLine(7, 11, new BigDecimal("300.00"), new BigDecimal("420.00"), new BigDecimal("1200.00"), new BigDecimal("2")),
                new RemittanceNetting.RemitLine(7, 13, new BigDecimal("350.08"), new BigDecimal("430.00"), new BigDecimal("1200.00"), new BigDecimal("2")),
                new RemittanceNetting.RemitLine(7, 14, new BigDecimal("17.55"), null, new BigDecimal("0.00"), null));
        RemittanceNetting.LineNet net = RemittanceNetting.line(lines, Set.of(13L, 14L));
        // 350.08 + 17.55 = 367.63; allowed only from the correction; charge and units from the last line with a charge.
        assertEquals(new BigDecimal("367.63"), net.paid());
        assertEquals(new BigDecimal("430.00"), net.allowed());
        assertEquals(new BigDecimal("1200.00"), net.charge());
        assertEquals(new BigDecimal("2"), net.units());
        RemittanceNetting.LineNet none = RemittanceNetting.line(lines, Set.of());
        assertEquals(new BigDecimal("0.00"), none.paid());
        assertNull(none.allowed());
        assertNull(none.charge());
    }
}
