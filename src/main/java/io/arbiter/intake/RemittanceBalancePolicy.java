package io.arbiter.intake;

import io.arbiter.intake.IntakeModel.Cas;
import io.arbiter.intake.IntakeModel.PaidClaim;
import io.arbiter.intake.IntakeModel.PaidLine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The 835 balancing rule (ASC X12 005010X221A1, 1.10.2.1 "Balancing"): per service line, submitted
 * charge (SVC02) = paid (SVC03) + the line's adjustments (CAS); per claim, CLP03 = CLP04 + claim and
 * line adjustments; within a cent. Out of balance is a warning naming the claim (and line), never a
 * rejection: the payment itself is real and a specialist has to look. Applied to 835 claims and to
 * CSV rows that state both paid and adjustments.
 */
public final class RemittanceBalancePolicy {

    private static final BigDecimal CENT = new BigDecimal("0.01");

    private RemittanceBalancePolicy() {
    }

    /**
     * Checks the claim and each of its lines; {@code lineLocations} (same order as the lines, may be
     * null) names where each line was read, otherwise the claim's location is used.
     */
    public static void check(PaidClaim c, List<String> lineLocations, Issues issues) {
        if (c.charge == null || c.paid == null) {
            return;
        }
        BigDecimal adj = sum(c.adjustments);
        for (int i = 0; i < c.lines.size(); i++) {
            PaidLine l = c.lines.get(i);
            BigDecimal lineAdj = sum(l.adjustments);
            adj = adj.add(lineAdj);
            if (l.charge != null && l.paid != null) {
                BigDecimal off = l.charge.subtract(l.paid).subtract(lineAdj);
                if (off.abs().compareTo(CENT) >= 0) {
                    String where = lineLocations == null ? c.location : lineLocations.get(i);
                    issues.warning(where, "claim " + c.pcn + ", line " + l.procedureCode + " is out of balance: charge "
                            + money(l.charge) + " ≠ paid " + money(l.paid) + " + adjustments " + money(lineAdj)
                            + " (difference " + money(off) + ")");
                }
            }
        }
        BigDecimal off = c.charge.subtract(c.paid).subtract(adj);
        if (off.abs().compareTo(CENT) >= 0) {
            issues.warning(c.location, "claim " + c.pcn + " is out of balance: charge " + money(c.charge) + " ≠ paid "
                    + money(c.paid) + " + adjustments " + money(adj) + " (difference " + money(off) + ")");
        }
    }

    private static BigDecimal sum(List<Cas> cas) {
        BigDecimal t = BigDecimal.ZERO;
        for (Cas a : cas) {
            t = t.add(a.amount());
        }
        return t;
    }

    private static String money(BigDecimal b) {
        return b.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
