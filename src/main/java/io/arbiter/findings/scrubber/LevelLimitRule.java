package io.arbiter.findings.scrubber;

import io.arbiter.findings.ScanClaim;
import io.arbiter.practice.BilateralFormat;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * LVL-01: more than two transforaminal levels, or three or more facet levels, per region and side in one
 * session. A level is a joint: bilateral at one level is one level; 64492/64495 mean 3+ levels.
 */
@Singleton
public class LevelLimitRule implements ScrubberRule {

    private static final Map<String, String[]> FAMILIES = Map.of(
            "64479", new String[]{"TF", "CERVICAL_THORACIC"}, "64480", new String[]{"TF", "CERVICAL_THORACIC"},
            "64483", new String[]{"TF", "LUMBAR_SACRAL"}, "64484", new String[]{"TF", "LUMBAR_SACRAL"},
            "64490", new String[]{"FACET", "CERVICAL_THORACIC"}, "64491", new String[]{"FACET", "CERVICAL_THORACIC"},
            "64492", new String[]{"FACET", "CERVICAL_THORACIC"}, "64493", new String[]{"FACET", "LUMBAR_SACRAL"},
            "64494", new String[]{"FACET", "LUMBAR_SACRAL"}, "64495", new String[]{"FACET", "LUMBAR_SACRAL"});
    private static final Set<String> THIRD_LEVEL = Set.of("64492", "64495");

    @Override
    public String id() {
        return "LVL-01";
    }

    @Override
    public List<RuleHit> check(ScrubContext ctx, RuleConfig config) {
        int maxTf = config.integer("maxTransforaminalLevels", 2);
        int maxFacet = config.integer("maxFacetLevels", 2);
        Map<String, BigDecimal> levels = new HashMap<>();
        Map<String, ScanClaim.Line> last = new HashMap<>();
        BilateralFormat format = ctx.claim().bilateralFormat();
        for (ScanClaim.Line l : ctx.claim().lines()) {
            String[] fam = FAMILIES.get(l.code());
            if (fam == null) {
                continue;
            }
            BigDecimal n = l.units();
            boolean twoUnitsBilateral = (l.has("50") && format == BilateralFormat.MODIFIER_50_TWO_UNITS) || (l.has("RT") && l.has("LT"));
            if (twoUnitsBilateral && n.compareTo(BigDecimal.ONE) > 0) {
                n = n.divide(BigDecimal.valueOf(2));
            }
            if (THIRD_LEVEL.contains(l.code())) {
                n = n.max(BigDecimal.ONE).add(BigDecimal.ONE); // a 3rd-level code means at least 3 levels with its primary and 2nd
            }
            String side = l.has("LT") && !l.has("RT") ? "LT" : "RT"; // 50 and RT count on one side; LT on the other
            String key = fam[0] + "|" + fam[1] + "|" + l.serviceDate() + "|" + side;
            levels.merge(key, n, BigDecimal::add);
            last.put(key, l);
        }
        List<RuleHit> hits = new ArrayList<>();
        levels.forEach((key, n) -> {
            String[] k = key.split("\\|");
            int max = k[0].equals("TF") ? maxTf : maxFacet;
            if (n.compareTo(BigDecimal.valueOf(max)) > 0) {
                hits.add(new RuleHit(last.get(key).id(), n.stripTrailingZeros().toPlainString() + " " + (k[0].equals("TF") ? "transforaminal" : "facet")
                        + " levels in the " + k[1].toLowerCase().replace('_', '/') + " region on " + k[2] + " (limit " + max + " per session)"));
            }
        });
        return hits;
    }
}
