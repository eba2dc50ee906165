package io.arbiter.findings.scrubber;

import io.arbiter.findings.ScanClaim;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/**
 * KX-01 (FAC-04/ESI-05): Medicare wants KX on diagnostic facet/MBB and SI injections. A block documented
 * as therapeutic (THERAPEUTIC_INJECTION for this claim) is exempt.
 */
@Singleton
public class DiagnosticBlockKxRule implements ScrubberRule {

    @Override
    public String id() {
        return "KX-01";
    }

    @Override
    public List<RuleHit> check(ScrubContext ctx, RuleConfig config) {
        List<String> codes = config.strings("diagnosticCodes");
        boolean therapeutic = ctx.history().documents().stream()
                .anyMatch(d -> "THERAPEUTIC_INJECTION".equals(d.kind()) && d.claimId() != null && d.claimId() == ctx.claim().id());
        List<RuleHit> hits = new ArrayList<>();
        if (therapeutic) {
            return hits;
        }
        for (ScanClaim.Line l : ctx.claim().lines()) {
            if (codes.contains(l.code()) && !l.has("KX")) {
                hits.add(new RuleHit(l.id(), "diagnostic block " + l.code() + " billed to Medicare without KX"
                        + " (document THERAPEUTIC_INJECTION if this session was therapeutic)"));
            }
        }
        return hits;
    }
}
