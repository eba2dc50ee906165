package io.arbiter.reports;

import io.arbiter.cases.CaseEvent;
import io.arbiter.cases.CaseEventType;
import io.arbiter.cases.FeeKind;
import io.arbiter.cases.Outcome;
import io.arbiter.common.Money;
import io.arbiter.rules.Track;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The fee refund a case is still owed. Federal IDR only: "loser pays" — the IDR entity refunds the prevailing party's
 * IDR entity fee within 30 business days of the determination, and when the parties settle after initiation each is
 * refunded half; the administrative fee is never refunded (42 U.S.C. 300gg-111(c)(5)(F); Oct 2021 IFR, 86 FR 56132,
 * 45 CFR 149.510). No refund rule is known for the other tracks, so nothing is counted receivable there.
 */
public final class FeeRefundRule {

    /** What the page shows beside the figure, in words. */
    public static final String EXPLANATION = "Federal IDR only: the IDR entity refunds the prevailing party's IDR entity fee "
            + "within 30 business days of the determination; if the parties settle after the dispute is initiated, each is "
            + "refunded half; the administrative fee is never refunded. Receivable = that refund minus fee refunds already "
            + "received, never below zero. No refund rule is known for the other tracks, so none is counted for them.";

    /** The statute; the rule data adds the regulation's citation (FEDERAL_IDR.FEE_REFUND_DUE). */
    public static final String STATUTE = "42 U.S.C. 300gg-111(c)(5)(F)";

    private FeeRefundRule() {
    }

    /** IDR entity fees paid on the case (FEE_PAID events of kind IDRE). */
    public static BigDecimal idreFeesPaid(List<CaseEvent> events) {
        return events.stream().filter(e -> e.type() == CaseEventType.FEE_PAID && e.feeKind() == FeeKind.IDRE && e.amount() != null)
                .map(CaseEvent::amount).reduce(Money.ZERO, BigDecimal::add);
    }

    /** The refund the rule gives, before subtracting what has come back: won all, settled half, otherwise nothing. */
    public static BigDecimal refundDue(Track track, @Nullable Outcome outcome, BigDecimal idreFeesPaid) {
        if (track != Track.FEDERAL_IDR || outcome == null) {
            return Money.ZERO;
        }
        return switch (outcome) {
            case WON -> Money.cents(idreFeesPaid);
            // half each; an odd cent rounds half-up (the IDR entity's own rounding is not published)
            case SETTLED -> idreFeesPaid.divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
            default -> Money.ZERO;
        };
    }

    /** Still receivable: the refund due minus fee refunds received, never below zero. */
    public static BigDecimal receivable(Track track, @Nullable Outcome outcome, BigDecimal idreFeesPaid, BigDecimal refundsReceived) {
        BigDecimal left = refundDue(track, outcome, idreFeesPaid).subtract(refundsReceived);
        return left.signum() < 0 ? Money.ZERO : Money.cents(left);
    }
}
