package io.arbiter.claims;

import io.arbiter.common.Money;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a claim's remittances add up to, as a pure function of the remittances as stored: each reversal is paired with
 * its original (same payer claim control number; the one whose payment it negates exactly, else the first), both are
 * cancelled — they stay as history but leave the current picture — and the rest is netted into the claim's paid amount,
 * patient responsibility and status. The clock's trigger is the initial payment even when later reversed
 * (42 U.S.C. 300gg-111(c)(1)(A); {@link RemittanceLedger#initial}). Lines net the same way from the active remittances.
 */
public final class RemittanceNetting {

    private RemittanceNetting() {
    }

    /** One stored remittance (CLP loop) of a claim. */
    public record Remit(long id, @Nullable String status, BigDecimal charge, BigDecimal paid, @Nullable BigDecimal patientResponsibility,
                        @Nullable String payerClaimControlNumber, @Nullable LocalDate paymentDate, @Nullable String trace,
                        boolean reversal, boolean cancelled) implements PaymentEvent {
    }

    /**
     * The claim after netting.
     *
     * @param charge         the charge of the latest original remittance with a charge (a supplemental payment carries none)
     * @param newlyCancelled remittances this netting paired and cancelled (to be marked in storage)
     * @param active         remittances that make up the current picture
     */
    public record ClaimNet(BigDecimal paid, BigDecimal patientResponsibility, @Nullable String status,
                           @Nullable String payerClaimControlNumber, @Nullable LocalDate paymentDate, @Nullable String trace,
                           BigDecimal charge, List<Long> newlyCancelled, Set<Long> active) {
    }

    /** One stored remittance line (SVC loop) matched to a claim line. */
    public record RemitLine(long claimLineId, long remittanceId, BigDecimal paid, @Nullable BigDecimal allowed,
                            @Nullable BigDecimal charge, @Nullable BigDecimal units) {
    }

    /**
     * A claim line after netting; {@code charge} and {@code units} are null when no active remittance line carried a
     * charge of its own (a billed line keeps the charge of the 837P).
     */
    public record LineNet(BigDecimal paid, @Nullable BigDecimal allowed, @Nullable BigDecimal charge, @Nullable BigDecimal units) {
    }

    /** Nets one claim's remittances, given in arrival order (by id); empty for a claim without remittances. */
    public static java.util.Optional<ClaimNet> claim(List<Remit> inArrivalOrder) {
        if (inArrivalOrder.isEmpty()) {
            return java.util.Optional.empty();
        }
        Set<Long> cancelled = new HashSet<>();
        inArrivalOrder.stream().filter(Remit::cancelled).forEach(r -> cancelled.add(r.id()));
        List<Long> newlyCancelled = new ArrayList<>();
        for (Remit r : inArrivalOrder) {
            if (!r.reversal() || cancelled.contains(r.id())) {
                continue;
            }
            Remit original = null;
            for (Remit o : inArrivalOrder) {
                if (o != r && !o.reversal() && !cancelled.contains(o.id())
                        && Objects.equals(o.payerClaimControlNumber(), r.payerClaimControlNumber())
                        && (original == null || (negates(o, r) && !negates(original, r)))) {
                    original = o;
                }
            }
            if (original != null) {
                cancelled.add(r.id());
                cancelled.add(original.id());
                newlyCancelled.add(r.id());
                newlyCancelled.add(original.id());
            }
        }
        BigDecimal paid = BigDecimal.ZERO;
        BigDecimal resp = BigDecimal.ZERO;
        Remit latest = null;
        Remit latestOriginal = null;
        Set<Long> active = new HashSet<>();
        for (Remit r : inArrivalOrder) {
            if (cancelled.contains(r.id())) {
                continue;
            }
            active.add(r.id());
            paid = paid.add(r.paid());
            resp = resp.add(Money.orZero(r.patientResponsibility()));
            latest = r;
            if (!r.reversal() && r.charge().signum() != 0) { // a supplemental payment carries no charge of its own
                latestOriginal = r;
            }
        }
        // The trigger is the initial payment or denial even when later reversed; status and control number follow the
        // latest remittance still standing.
        Remit initial = RemittanceLedger.initial(inArrivalOrder).orElse(null);
        Remit chargeFrom = latestOriginal != null ? latestOriginal : latest;
        return java.util.Optional.of(new ClaimNet(Money.cents(paid), Money.cents(resp), latest == null ? null : latest.status(),
                latest == null ? null : latest.payerClaimControlNumber(), initial == null ? null : initial.paymentDate(),
                initial == null ? null : initial.trace(), chargeFrom == null ? Money.ZERO : chargeFrom.charge().abs(),
                List.copyOf(newlyCancelled), Set.copyOf(active)));
    }

    private static boolean negates(Remit original, Remit reversal) {
        return original.paid() != null && reversal.paid() != null && original.paid().compareTo(reversal.paid().negate()) == 0;
    }

    /** Nets one claim line over the lines of the active remittances, given in remittance order then line order. */
    public static LineNet line(Collection<RemitLine> lines, Set<Long> activeRemittances) {
        BigDecimal paid = BigDecimal.ZERO;
        BigDecimal allowed = null;
        BigDecimal charge = null;
        BigDecimal units = null;
        for (RemitLine l : lines) {
            if (!activeRemittances.contains(l.remittanceId())) {
                continue;
            }
            paid = paid.add(l.paid());
            if (l.allowed() != null) {
                allowed = allowed == null ? l.allowed() : allowed.add(l.allowed());
            }
            if (l.charge() != null && l.charge().signum() > 0) { // a supplemental line (charge 0) keeps the billed charge
                charge = l.charge();
                units = l.units();
            }
        }
        return new LineNet(Money.cents(paid), Money.cents(allowed), Money.cents(charge), units == null ? null : units.abs());
    }
}
