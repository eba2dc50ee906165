package io.arbiter.claims;

import io.arbiter.common.Money;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A claim's remittance history: every remittance as received — cancelled ones included, they are history — in the
 * order it happened, and the clock's trigger. 42 U.S.C. 300gg-111(c)(1)(A) and Tex. Ins. Code §1467.084 count from
 * the <em>initial</em> payment or notice of denial: the earliest original (non-reversal) remittance. A payment later
 * reversed was still the initial payment; a re-payment or supplemental payment never moves the clock.
 *
 * @param initialPaymentDate the trigger (null when no original remittance carries a payment date)
 * @param initialTrace       the EFT/check trace (TRN02) of the initial remittance
 * @param netPaid            the sum of every remittance's payment, reversals negative
 */
@Serdeable
public record RemittanceLedger(@Nullable LocalDate initialPaymentDate, @Nullable String initialTrace, BigDecimal netPaid,
                               List<Entry> entries) {

    /** What a remittance did to the claim, in the order they happened. */
    public enum Kind {
        /** The initial payment or notice of denial: the clock's trigger. */
        INITIAL,
        /** A take-back of an earlier payment (CLP02 22). */
        REVERSAL,
        /** A re-adjudication paid after a reversal. */
        CORRECTION,
        /** A further payment while the earlier one stands. */
        SUPPLEMENTAL
    }

    @Serdeable
    public record Entry(Long remittanceId, @Nullable LocalDate paymentDate, Kind kind, String claimStatusCode,
                        @Nullable String trace, @Nullable String payerClaimControlNumber, BigDecimal paid,
                        @Nullable BigDecimal patientResponsibility, boolean cancelled) {
    }

    /** Dated remittances first, by payment date; undated ones after; ties in arrival order. */
    private static final Comparator<PaymentEvent> HAPPENED = Comparator.comparing(PaymentEvent::paymentDate,
            Comparator.nullsLast(Comparator.naturalOrder()));

    /** The clock's trigger among a claim's remittances in arrival order: the earliest dated original. */
    public static <T extends PaymentEvent> Optional<T> initial(List<T> inArrivalOrder) {
        return inArrivalOrder.stream().filter(r -> !r.reversal() && r.paymentDate() != null).min(HAPPENED);
    }

    /** The ledger of one claim's remittances, given in arrival order (by id). */
    public static RemittanceLedger of(List<Remittance> inArrivalOrder) {
        Remittance initial = initial(inArrivalOrder).orElse(null);
        List<Remittance> happened = new ArrayList<>(inArrivalOrder);
        happened.sort(HAPPENED); // stable: same-day remittances keep their arrival order
        List<Entry> entries = new ArrayList<>();
        int unmatchedReversals = 0;
        BigDecimal net = BigDecimal.ZERO;
        for (Remittance r : happened) {
            Kind kind;
            if (r == initial) {
                kind = Kind.INITIAL;
            } else if (r.reversal()) {
                kind = Kind.REVERSAL;
                unmatchedReversals++;
            } else if (unmatchedReversals > 0) {
                kind = Kind.CORRECTION;
                unmatchedReversals--;
            } else {
                kind = Kind.SUPPLEMENTAL;
            }
            net = net.add(r.totalPaid());
            entries.add(new Entry(r.id(), r.paymentDate(), kind, r.claimStatusCode(), r.paymentTrace(), r.payerClaimControlNumber(),
                    r.totalPaid(), r.patientResponsibility(), r.cancelled()));
        }
        return new RemittanceLedger(initial == null ? null : initial.paymentDate(), initial == null ? null : initial.paymentTrace(),
                Money.cents(net), entries);
    }
}
