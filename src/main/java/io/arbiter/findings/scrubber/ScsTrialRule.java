package io.arbiter.findings.scrubber;

import io.arbiter.findings.ClinicalDocument;
import io.arbiter.findings.ScanClaim;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/**
 * SCS-01: a permanent SCS (63685/63655) needs a documented trial with >= 50% relief and a psychological
 * evaluation before the implant (NCD 160.7). Reads SCS_TRIAL and PSYCH_EVAL documentation.
 */
@Singleton
public class ScsTrialRule implements ScrubberRule {

    @Override
    public String id() {
        return "SCS-01";
    }

    @Override
    public List<RuleHit> check(ScrubContext ctx, RuleConfig config) {
        List<String> permanent = config.strings("permanentCodes");
        int relief = config.integer("minimumTrialReliefPercent", 50);
        List<RuleHit> hits = new ArrayList<>();
        for (ScanClaim.Line l : ctx.claim().lines()) {
            if (!permanent.contains(l.code())) {
                continue;
            }
            List<ClinicalDocument> before = ctx.history().documents().stream().filter(d -> !d.documentDate().isAfter(l.serviceDate())).toList();
            boolean trial = before.stream().anyMatch(d -> "SCS_TRIAL".equals(d.kind()) && d.reliefPercent() != null && d.reliefPercent() >= relief);
            boolean psych = before.stream().anyMatch(d -> "PSYCH_EVAL".equals(d.kind()) && !"NOT_CLEARED".equals(d.result()));
            boolean trialBilled = ctx.history().services().stream().anyMatch(s -> "63650".equals(s.code()) && s.date().isBefore(l.serviceDate()));
            if (!trial || !psych) {
                List<String> missing = new ArrayList<>();
                if (!trial) {
                    missing.add("SCS_TRIAL (trial log showing >= " + relief + "% relief)" + (trialBilled ? "; a 63650 trial was billed but its result is not documented" : ""));
                }
                if (!psych) {
                    missing.add("PSYCH_EVAL (psychological evaluation/clearance)");
                }
                hits.add(new RuleHit(l.id(), "permanent SCS " + l.code() + " on " + l.serviceDate() + " without " + String.join(" and ", missing)));
            }
        }
        return hits;
    }
}
