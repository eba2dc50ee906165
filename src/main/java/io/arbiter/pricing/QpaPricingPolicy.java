package io.arbiter.pricing;

import io.arbiter.common.Citation;
import io.arbiter.common.Money;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * QPA as the pricing basis (No Surprises Act disputes argue against the plan's qualifying payment amount,
 * 42 U.S.C. 300gg-111(a)(3)(E)). The claim carries one claim-level QPA; it is allocated to the lines in
 * proportion to their charges, each share rounded half-up to the cent, and the last priced line takes the
 * rounding remainder so that the shares add up to the QPA exactly (Arbiter's convention; see rules/pricing-policies.yml).
 */
@Singleton
public class QpaPricingPolicy {

    public static final String BASIS = "QPA (claim-level, allocated by charge)";

    private final PricingPolicies policies;

    public QpaPricingPolicy(PricingPolicies policies) {
        this.policies = policies;
    }

    /** One line's charge: the allocation key. */
    public record ChargedLine(Long lineId, int lineNumber, String code, List<String> modifiers, BigDecimal charge) {
    }

    public List<PricedLine> allocate(BigDecimal qpa, List<ChargedLine> lines) {
        Citation cite = policies.qpaCitation();
        List<PricedLine> out = new ArrayList<>(lines.size());
        BigDecimal total = lines.stream().map(ChargedLine::charge).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (qpa == null || total.signum() <= 0) {
            for (ChargedLine l : lines) {
                out.add(new PricedLine(l.lineId(), l.lineNumber(), l.code(), l.modifiers(), null, BASIS, List.of(), List.of(cite), List.of(),
                        qpa == null ? "no QPA on the claim" : "no charges to allocate the QPA by"));
            }
            return out;
        }
        BigDecimal allocated = BigDecimal.ZERO;
        int last = lines.size() - 1;
        for (int i = 0; i < lines.size(); i++) {
            ChargedLine l = lines.get(i);
            BigDecimal share;
            String step;
            if (i < last) {
                share = Money.cents(qpa.multiply(l.charge()).divide(total, 10, RoundingMode.HALF_UP));
                step = "QPA $" + qpa + " for the claim allocated by charge: $" + qpa + " x $" + l.charge() + " / $" + total
                        + " (claim charges) = $" + share + " (rounded half-up to the cent)";
            } else {
                share = qpa.subtract(allocated);
                step = "QPA $" + qpa + " for the claim allocated by charge: the last line takes the remainder $" + qpa + " - $" + allocated
                        + " (other lines' shares) = $" + share;
            }
            allocated = allocated.add(share);
            out.add(new PricedLine(l.lineId(), l.lineNumber(), l.code(), l.modifiers(), share, BASIS, List.of(step), List.of(cite), List.of(), null));
        }
        return out;
    }
}
