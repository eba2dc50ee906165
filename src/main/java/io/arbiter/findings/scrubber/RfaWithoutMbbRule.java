package io.arbiter.findings.scrubber;

import io.arbiter.findings.ClinicalDocument;
import io.arbiter.findings.ScanClaim;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/**
 * FAC-02: RFA (64633/64635) needs two prior diagnostic medial branch blocks, each with documented relief
 * of at least 80% (CGS RFA pathway). Reads clinical_documentation kind MBB_RELIEF for the patient.
 */
@Singleton
public class RfaWithoutMbbRule implements ScrubberRule {

    @Override
    public String id() {
        return "FAC-02";
    }

    @Override
    public List<RuleHit> check(ScrubContext ctx, RuleConfig config) {
        int required = config.integer("requiredBlocks", 2);
        int relief = config.integer("minimumReliefPercent", 80);
        List<RuleHit> hits = new ArrayList<>();
        for (ScanClaim.Line l : ctx.claim().lines()) {
            if (!PainCodes.RFA_PRIMARY.contains(l.code())) {
                continue;
            }
            String region = PainCodes.rfaRegion(l.code());
            List<ClinicalDocument> blocks = ctx.history().documents().stream()
                    .filter(d -> "MBB_RELIEF".equals(d.kind()) && d.documentDate().isBefore(l.serviceDate())
                            && (d.region() == null || d.region().equals(region)))
                    .toList();
            long qualifying = blocks.stream().filter(d -> d.reliefPercent() != null && d.reliefPercent() >= relief).count();
            if (qualifying < required) {
                long priorMbbSessions = ctx.history().services().stream()
                        .filter(s -> PainCodes.MBB.contains(s.code()) && s.date().isBefore(l.serviceDate())).map(s -> s.date()).distinct().count();
                hits.add(new RuleHit(l.id(), l.code() + " on " + l.serviceDate() + ": " + qualifying + " of " + required
                        + " diagnostic medial branch blocks with documented relief >= " + relief + "% found (" + priorMbbSessions
                        + " prior MBB session(s) billed). Missing document: MBB_RELIEF (procedure note with pre/post pain scores) for "
                        + (required - qualifying) + " block(s)"));
            }
        }
        return hits;
    }
}
