package io.arbiter.pricing;

import io.arbiter.practice.BilateralFormat;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * Bilateral pricing by the MPFS bilateral surgery indicator (pain-coding-and-denials.md §2.1, §2.3):
 * indicator 1 with modifier 50 (or an RT/LT pair, or RT+LT on one line) = one bilateral service at 150%
 * of one side; indicator 3 = each side 100%; indicators 0, 2 and 9 are never priced bilaterally (100% of
 * one unit). Units are read per the payer's bilateral format (50 x 2 units = one bilateral service).
 */
@Singleton
public class BilateralPricingPolicy {

    public static final String NOT_BILATERAL_FLAG = "NOT_PRICED_BILATERALLY";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private final PricingPolicies policies;

    public BilateralPricingPolicy(PricingPolicies policies) {
        this.policies = policies;
    }

    void apply(PricingInput claim, List<LineWork> works) {
        BilateralFormat format = claim.bilateralFormat();
        BigDecimal ind1 = policies.bilateralIndicator1Percent().divide(HUNDRED, 4, RoundingMode.UNNECESSARY);
        BigDecimal ind3 = policies.bilateralIndicator3Percent().divide(HUNDRED, 4, RoundingMode.UNNECESSARY);
        // RT/LT pairs on separate lines: one bilateral service.
        for (LineWork rt : works) {
            if (!rt.priceable() || rt.pairedWith != null || !rt.line.has("RT") || rt.line.has("LT") || rt.line.has("50")) {
                continue;
            }
            for (LineWork lt : works) {
                if (lt != rt && lt.priceable() && lt.pairedWith == null && lt.line.has("LT") && !lt.line.has("RT") && !lt.line.has("50")
                        && lt.line.code().equals(rt.line.code()) && claim.dateOf(lt.line).equals(claim.dateOf(rt.line))
                        && lt.line.units().compareTo(rt.line.units()) == 0) {
                    rt.pairedWith = lt;
                    lt.pairedWith = rt;
                    break;
                }
            }
        }
        for (LineWork w : works) {
            if (!w.priceable()) {
                continue;
            }
            String ind = w.bilateralIndicator();
            String indText = ind == null ? "unknown (no PPRRVU row)" : ind;
            boolean fifty = w.line.has("50");
            boolean bothOnOneLine = w.line.has("RT") && w.line.has("LT");
            w.services = w.line.units();
            if (w.pairedWith != null) {
                LineWork other = w.pairedWith;
                if ("1".equals(ind)) {
                    w.bilateralFactor = ind1;
                    w.share = new BigDecimal("0.5");
                    w.steps.add("RT/LT pair (lines " + Math.min(w.line.lineNumber(), other.line.lineNumber()) + " and "
                            + Math.max(w.line.lineNumber(), other.line.lineNumber()) + ") recognised as one bilateral service; bilateral indicator 1: "
                            + policies.bilateralIndicator1Percent() + "% of one side, half carried by each line");
                } else if ("3".equals(ind)) {
                    w.steps.add("RT/LT pair; bilateral indicator 3: each side at 100%");
                    w.pairedWith = null;
                } else {
                    boolean first = w.line.lineNumber() < other.line.lineNumber();
                    w.share = first ? BigDecimal.ONE : BigDecimal.ZERO;
                    w.flags.add(NOT_BILATERAL_FLAG);
                    w.steps.add("RT/LT pair but bilateral indicator " + indText + ": not priced bilaterally; "
                            + (first ? "this side at 100% of one unit" : "this second side is not paid ($0)"));
                    w.pairedWith = null;
                    if (!first) {
                        w.services = BigDecimal.ZERO;
                    }
                }
                w.citations.add(policies.bilateralCitation());
            } else if (fifty || bothOnOneLine) {
                boolean twoUnitsPerService = bothOnOneLine || format == BilateralFormat.MODIFIER_50_TWO_UNITS
                        || format == BilateralFormat.RT_LT_ONE_LINE;
                if (twoUnitsPerService && w.line.units().compareTo(BigDecimal.ONE) > 0) {
                    w.services = w.line.units().divide(BigDecimal.valueOf(2), 3, RoundingMode.HALF_UP).stripTrailingZeros();
                    w.steps.add(w.line.units().stripTrailingZeros().toPlainString() + " units under the payer's " + format
                            + " format = " + w.services.toPlainString() + " bilateral service(s)");
                }
                if ("1".equals(ind)) {
                    w.bilateralFactor = ind1;
                    w.steps.add("Modifier 50, bilateral indicator 1: " + policies.bilateralIndicator1Percent() + "% of one side");
                } else if ("3".equals(ind)) {
                    w.bilateralFactor = ind3;
                    w.steps.add("Modifier 50, bilateral indicator 3: each side at 100% (" + policies.bilateralIndicator3Percent() + "%)");
                } else {
                    w.flags.add(NOT_BILATERAL_FLAG);
                    w.services = BigDecimal.ONE.min(w.services);
                    w.steps.add("Modifier 50 but bilateral indicator " + indText + ": never priced bilaterally; 100% of one unit");
                }
                w.citations.add(policies.bilateralCitation());
            }
            Objects.requireNonNull(w.services);
        }
    }
}
