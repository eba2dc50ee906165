package io.arbiter.pricing;

import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Multiple-procedure reduction (MULT PROC 2): procedures of the same date of service are ranked by value
 * (after the bilateral adjustment) and paid 100%, 50%, 50%...; each further unit counts as a further
 * procedure. Add-on codes (GLOB DAYS ZZZ) and MULT PROC 0 codes are exempt (pain-coding-and-denials.md §2.4).
 * Each date of service is ranked on its own: a claim spanning two session dates has a rank-1 procedure on each
 * (CMS Claims Processing Manual ch. 12 §40.6: the reduction applies to procedures on the same day).
 */
@Singleton
public class MultipleProcedurePolicy {

    public static final String NO_INDICATORS_FLAG = "NO_MPFS_INDICATORS";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private final PricingPolicies policies;

    public MultipleProcedurePolicy(PricingPolicies policies) {
        this.policies = policies;
    }

    private record Procedure(LineWork first, LineWork second, BigDecimal value, int order) {
    }

    void apply(PricingInput claim, List<LineWork> works) {
        Map<LocalDate, List<Procedure>> byDate = new TreeMap<>();
        for (LineWork w : works) {
            if (!w.priceable()) {
                continue;
            }
            BigDecimal unit = w.rate.amount();
            w.amount = BigDecimal.ZERO;
            if (w.indicators == null || w.indicators.exemptFromMultipleProcedure()) {
                w.amount = unit.multiply(w.services).multiply(w.bilateralFactor).multiply(w.share);
                if (w.indicators == null) {
                    w.flags.add(NO_INDICATORS_FLAG);
                    w.steps.add("No PPRRVU indicators loaded for " + w.line.code() + ": no multiple-procedure reduction applied");
                } else if (w.services.signum() > 0) {
                    w.steps.add(("ZZZ".equals(w.indicators.globDays()) ? "Add-on code (GLOB DAYS ZZZ)" : "MULT PROC " + w.indicators.multProc())
                            + ": exempt from the multiple-procedure reduction; $" + plain(unit) + " x " + plain(w.services) + " service(s)"
                            + factorText(w) + " = $" + plain(w.amount));
                    w.citations.add(policies.multipleProcedureCitation());
                }
                continue;
            }
            if (w.pairedWith != null && w.line.lineNumber() > w.pairedWith.line.lineNumber()) {
                continue; // the pair is ranked once, from its first line
            }
            int whole = w.services.setScale(0, RoundingMode.FLOOR).intValue();
            BigDecimal value = unit.multiply(w.bilateralFactor);
            List<Procedure> sameDate = byDate.computeIfAbsent(claim.dateOf(w.line), d -> new ArrayList<>());
            for (int i = 0; i < Math.max(whole, 1); i++) {
                BigDecimal v = whole == 0 ? value.multiply(w.services) : value;
                sameDate.add(new Procedure(w, w.pairedWith, v, w.line.lineNumber() * 1000 + i));
            }
        }
        for (Map.Entry<LocalDate, List<Procedure>> day : byDate.entrySet()) {
            rank(day.getKey(), day.getValue(), byDate.size() > 1);
        }
    }

    private void rank(LocalDate date, List<Procedure> ranked, boolean severalDates) {
        ranked.sort(Comparator.comparing(Procedure::value).reversed().thenComparing(Procedure::order));
        List<BigDecimal> percents = policies.multipleProcedurePercents();
        for (int rank = 0; rank < ranked.size(); rank++) {
            Procedure p = ranked.get(rank);
            BigDecimal pct = percents.get(Math.min(rank, percents.size() - 1));
            for (LineWork w : p.second() == null ? List.of(p.first()) : List.of(p.first(), p.second())) {
                BigDecimal part = p.value().multiply(pct).divide(HUNDRED).multiply(w.share);
                w.amount = w.amount.add(part);
                w.steps.add("Multiple-procedure rank " + (rank + 1) + " of " + ranked.size()
                        + (severalDates ? " on date of service " + date + " (each date ranked separately)" : "") + " by value: $" + plain(p.value())
                        + (w.share.compareTo(BigDecimal.ONE) == 0 ? "" : " x share " + plain(w.share)) + " x " + plain(pct) + "% = $" + plain(part));
                if (!w.citations.contains(policies.multipleProcedureCitation())) {
                    w.citations.add(policies.multipleProcedureCitation());
                }
                if (severalDates && !w.citations.contains(policies.sameDateCitation())) {
                    w.citations.add(policies.sameDateCitation());
                }
            }
        }
    }

    private static String factorText(LineWork w) {
        String s = "";
        if (w.bilateralFactor.compareTo(BigDecimal.ONE) != 0) {
            s += " x " + plain(w.bilateralFactor.multiply(HUNDRED)) + "%";
        }
        if (w.share.compareTo(BigDecimal.ONE) != 0) {
            s += " x share " + plain(w.share);
        }
        return s;
    }

    static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }
}
