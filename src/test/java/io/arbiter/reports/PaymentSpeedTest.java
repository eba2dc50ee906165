package io.arbiter.reports;

import io.arbiter.cases.CaseStage;
import io.arbiter.cases.Outcome;
import io.arbiter.rules.Track;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Days from decision to payment by payer, hand-computed. Today 2027-03-31. Acme: decided 01/12, paid 02/05 (24 days);
 * decided 01/20, paid 03/01 (40); decided 02/01 and unpaid (58 days so far). Gulf: decided 03/01, unpaid (30). Bluebonnet:
 * lost (nothing owed) — not a payer that owes. A payment recorded before its decision counts 0 days, never negative.
 */
class PaymentSpeedTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 3, 31);

    private static FinanceCase kase(String payer, String decided, String firstPayment, String owed) {
        BigDecimal money = new BigDecimal(owed);
        return new FinanceCase(1L, "ARB-1", payer, Track.FEDERAL_IDR, CaseStage.DETERMINED, money.signum() > 0 ? Outcome.WON : Outcome.LOST,
                FinanceCase.Standing.WON, firstPayment == null, LocalDate.of(2026, 10, 1), decided == null ? null : LocalDate.parse(decided),
                "64483", money, BigDecimal.ZERO, money, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null, BigDecimal.ZERO,
                money, firstPayment == null ? null : LocalDate.parse(firstPayment), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    @Test
    void eachPayerTheDaysItTookAndTheCasesStillWaiting() {
        List<PaymentSpeed> rows = PaymentSpeed.byPayer(List.of(
                kase("ACME", "2027-01-12", "2027-02-05", "1764.00"),
                kase("ACME", "2027-01-20", "2027-03-01", "900.00"),
                kase("ACME", "2027-02-01", null, "500.00"),
                kase("GULF", "2027-03-01", null, "1200.00"),
                kase("BLUEBONNET", "2027-02-01", null, "0.00"),
                kase("ACME", null, null, "0.00")), TODAY);
        assertEquals(2, rows.size(), rows.toString());
        PaymentSpeed acme = rows.get(0);
        assertEquals("ACME", acme.payer());
        assertEquals(2, acme.paid());
        assertEquals(new BigDecimal("32.0"), acme.medianDays(), "(24 + 40) / 2");
        assertEquals(new BigDecimal("32.0"), acme.averageDays());
        assertEquals(40, acme.slowestDays());
        assertEquals(1, acme.awaiting());
        assertEquals(58, acme.longestWaitDays(), "02/01 → 03/31");
        PaymentSpeed gulf = rows.get(1);
        assertEquals(0, gulf.paid());
        assertNull(gulf.medianDays());
        assertNull(gulf.slowestDays());
        assertEquals(30, gulf.longestWaitDays());
    }

    @Test
    void anOddCountTakesTheMiddleAndAPaymentBeforeItsDecisionIsZeroDays() {
        PaymentSpeed only = PaymentSpeed.byPayer(List.of(
                kase("ACME", "2027-01-12", "2027-01-10", "100.00"),
                kase("ACME", "2027-01-12", "2027-01-22", "100.00"),
                kase("ACME", "2027-01-12", "2027-02-11", "100.00")), TODAY).get(0);
        assertEquals(new BigDecimal("10.0"), only.medianDays(), "0, 10, 30");
        assertEquals(new BigDecimal("13.3"), only.averageDays(), "40 / 3");
        assertEquals(30, only.slowestDays());
    }
}
