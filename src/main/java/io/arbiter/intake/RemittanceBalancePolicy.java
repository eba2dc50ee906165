package io.arbiter.intake;

import io.arbiter.intake.IntakeModel.BalanceWarning;
import io.arbiter.intake.IntakeModel.BilledClaim;
import io.arbiter.intake.IntakeModel.BilledLine;
import io.arbiter.intake.IntakeModel.Cas;
import io.arbiter.intake.IntakeModel.PaidClaim;
import io.arbiter.intake.IntakeModel.PaidLine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The balancing rules of the claim formats, as warnings (docs/intake.md "Balancing warnings"). 835 (ASC X12
 * 005010X221A1, 1.10.2.1 "Balancing"): per service line, charge (SVC02) − paid (SVC03) = the line's adjustments;
 * per claim, charge (CLP03) − paid (CLP04) = claim and line adjustments, CLP03 = the sum of SVC02 and CLP04 = the sum
 * of SVC03 minus the claim-level adjustments when lines are sent; an original (non-reversal) claim carries no negative
 * charge or payment. 837P (005010X222A1): CLM02 = the sum of SV102. Exact, amounts being exact (Amounts). Out of
 * balance is a warning on the import and on the claim, never a rejection: the payment itself is real and a
 * specialist has to look.
 */
public final class RemittanceBalancePolicy {

    public static final String LINE_BALANCE = "LINE_CHARGE_PAID_ADJUSTMENTS";
    public static final String CLAIM_BALANCE = "CLAIM_CHARGE_PAID_ADJUSTMENTS";
    public static final String CLAIM_CHARGE_LINES = "CLAIM_CHARGE_VS_LINES";
    public static final String CLAIM_PAID_LINES = "CLAIM_PAID_VS_LINES";
    public static final String NEGATIVE_ORIGINAL = "NEGATIVE_AMOUNT_ON_ORIGINAL";

    private RemittanceBalancePolicy() {
    }

    /**
     * Checks the claim and each of its lines; {@code lineLocations} (same order as the lines, may be
     * null) names where each line was read, otherwise the line's own location, else the claim's.
     */
    public static void check(PaidClaim c, List<String> lineLocations, Issues issues) {
        if (c.charge == null || c.paid == null) {
            return;
        }
        if (!c.reversal()) {
            negative(c, c.charge, "charge", c.location + ", element 3", issues);
            negative(c, c.paid, "payment", c.location + ", element 4", issues);
        }
        BigDecimal claimAdj = sum(c.adjustments);
        BigDecimal adj = claimAdj;
        BigDecimal lineCharges = BigDecimal.ZERO;
        BigDecimal linePaid = BigDecimal.ZERO;
        for (int i = 0; i < c.lines.size(); i++) {
            PaidLine l = c.lines.get(i);
            BigDecimal lineAdj = sum(l.adjustments);
            adj = adj.add(lineAdj);
            lineCharges = lineCharges.add(orZero(l.charge));
            linePaid = linePaid.add(orZero(l.paid));
            if (l.charge != null && l.paid != null) {
                BigDecimal off = l.charge.subtract(l.paid).subtract(lineAdj);
                if (off.signum() != 0) {
                    String where = lineLocations != null ? lineLocations.get(i) : l.location != null ? l.location : c.location;
                    warn(c.warnings, issues, LINE_BALANCE, where, "claim " + c.pcn + ", line " + l.procedureCode
                            + " is out of balance: charge " + money(l.charge) + " ≠ paid " + money(l.paid) + " + adjustments "
                            + money(lineAdj) + " (difference " + money(off) + ")", l.charge, l.paid.add(lineAdj));
                }
            }
        }
        BigDecimal off = c.charge.subtract(c.paid).subtract(adj);
        if (off.signum() != 0) {
            warn(c.warnings, issues, CLAIM_BALANCE, c.location, "claim " + c.pcn + " is out of balance: charge " + money(c.charge)
                    + " ≠ paid " + money(c.paid) + " + adjustments " + money(adj) + " (difference " + money(off) + ")",
                    c.charge, c.paid.add(adj));
        }
        if (!c.lines.isEmpty()) {
            if (c.charge.compareTo(lineCharges) != 0) {
                warn(c.warnings, issues, CLAIM_CHARGE_LINES, c.location + ", element 3", "claim " + c.pcn + ": charge "
                        + money(c.charge) + " ≠ the sum of its line charges " + money(lineCharges)
                        + " (difference " + money(c.charge.subtract(lineCharges)) + ")", c.charge, lineCharges);
            }
            BigDecimal expectedPaid = linePaid.subtract(claimAdj);
            if (c.paid.compareTo(expectedPaid) != 0) {
                warn(c.warnings, issues, CLAIM_PAID_LINES, c.location + ", element 4", "claim " + c.pcn + ": payment "
                        + money(c.paid) + " ≠ the sum of its line payments " + money(linePaid) + " minus claim-level adjustments "
                        + money(claimAdj) + " = " + money(expectedPaid) + " (difference " + money(c.paid.subtract(expectedPaid)) + ")",
                        c.paid, expectedPaid);
            }
        }
    }

    /** 837P: the claim's charge (CLM02) against the sum of its line charges (SV102). */
    public static void check(BilledClaim c, Issues issues) {
        if (c.charge == null || c.lines.isEmpty()) {
            return;
        }
        BigDecimal lines = BigDecimal.ZERO;
        for (BilledLine l : c.lines) {
            lines = lines.add(orZero(l.charge));
        }
        if (c.charge.compareTo(lines) != 0) {
            warn(c.warnings, issues, CLAIM_CHARGE_LINES, c.location + ", element 2", "claim " + c.pcn + ": charge "
                    + money(c.charge) + " ≠ the sum of its line charges " + money(lines) + " (difference "
                    + money(c.charge.subtract(lines)) + ")", c.charge, lines);
        }
    }

    private static void negative(PaidClaim c, BigDecimal amount, String what, String where, Issues issues) {
        if (amount.signum() < 0) {
            warn(c.warnings, issues, NEGATIVE_ORIGINAL, where, "claim " + c.pcn + ": negative " + what + " " + money(amount)
                    + " on an original claim (status " + c.status + "; only a reversal, status 22, carries negative amounts)",
                    amount, null);
        }
    }

    private static void warn(List<BalanceWarning> into, Issues issues, String kind, String where, String message,
                             BigDecimal stated, BigDecimal computed) {
        into.add(new BalanceWarning(kind, where, message, stated, computed));
        issues.warning(where, message);
    }

    private static BigDecimal sum(List<Cas> cas) {
        BigDecimal t = BigDecimal.ZERO;
        for (Cas a : cas) {
            t = t.add(a.amount());
        }
        return t;
    }

    private static BigDecimal orZero(BigDecimal b) {
        return b == null ? BigDecimal.ZERO : b;
    }

    private static String money(BigDecimal b) {
        // amounts are exact to the cent (Amounts); this only pads 12.5 to 12.50
        return b.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }
}
