package io.arbiter.findings.scrubber;

import io.arbiter.findings.ScanClaim;
import io.arbiter.practice.BilateralFormat;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** BIL-01: the bilateral format must match the payer's profile (variants A-E, §2.3); 50 x 2 units under Medicare is an error. */
@Singleton
public class BilateralFormatRule implements ScrubberRule {

    @Override
    public String id() {
        return "BIL-01";
    }

    @Override
    public List<RuleHit> check(ScrubContext ctx, RuleConfig config) {
        ScanClaim c = ctx.claim();
        BilateralFormat f = c.bilateralFormat();
        List<RuleHit> hits = new ArrayList<>();
        if (f == BilateralFormat.PAYER_SPECIFIC) {
            return hits;
        }
        for (ScanClaim.Line l : c.lines()) {
            boolean fifty = l.has("50");
            boolean pairSide = (l.has("RT") ^ l.has("LT")) && c.lines().stream().anyMatch(o -> o != l && o.code().equals(l.code())
                    && o.serviceDate().equals(l.serviceDate()) && (l.has("RT") ? o.has("LT") : o.has("RT")));
            boolean twoUnits = l.units().compareTo(BigDecimal.ONE) > 0;
            switch (f) {
                case MODIFIER_50 -> {
                    if (fifty && twoUnits) {
                        hits.add(new RuleHit(l.id(), l.code() + "-50 with " + l.units().stripTrailingZeros().toPlainString()
                                + " units: this payer wants one line, modifier 50, 1 unit (variant A)"));
                    } else if (pairSide && l.has("RT")) {
                        hits.add(new RuleHit(l.id(), l.code() + " billed as RT and LT lines: this payer wants one line with modifier 50"));
                    }
                }
                case RT_LT_TWO_LINES -> {
                    if (fifty) {
                        hits.add(new RuleHit(l.id(), l.code() + "-50: this payer wants two lines, RT and LT, 1 unit each (no 50)"));
                    }
                }
                case MODIFIER_50_TWO_UNITS -> {
                    if (fifty && !twoUnits) {
                        hits.add(new RuleHit(l.id(), l.code() + "-50 with 1 unit: this payer wants modifier 50 with 2 units"));
                    } else if (pairSide && l.has("RT")) {
                        hits.add(new RuleHit(l.id(), l.code() + " billed as RT and LT lines: this payer wants one line, 50 x 2 units"));
                    }
                }
                case RT_LT_ONE_LINE -> {
                    if (fifty) {
                        hits.add(new RuleHit(l.id(), l.code() + "-50: this payer wants one line with RT/LT and 2 units"));
                    }
                }
                default -> { }
            }
        }
        return hits;
    }
}
