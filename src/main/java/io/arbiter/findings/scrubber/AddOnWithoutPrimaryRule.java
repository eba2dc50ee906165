package io.arbiter.findings.scrubber;

import io.arbiter.findings.PatientHistory;
import io.arbiter.findings.ScanClaim;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** ADDON-01: an add-on code (e.g. +64484) needs its primary (64483) on the same date, on this claim or another of the patient's. */
@Singleton
public class AddOnWithoutPrimaryRule implements ScrubberRule {

    @Override
    public String id() {
        return "ADDON-01";
    }

    @Override
    public List<RuleHit> check(ScrubContext ctx, RuleConfig config) {
        Map<String, List<String>> primaries = config.codeMap("primaries");
        List<RuleHit> hits = new ArrayList<>();
        for (ScanClaim.Line l : ctx.claim().lines()) {
            if (!primaries.containsKey(l.code())) {
                continue;
            }
            List<String> needed = primaries.get(l.code());
            boolean onClaim = ctx.claim().lines().stream().anyMatch(o -> needed.contains(o.code()) && o.serviceDate().equals(l.serviceDate()));
            boolean elsewhere = ctx.history().services().stream().anyMatch(s -> needed.contains(s.code()) && s.date().equals(l.serviceDate()));
            if (!onClaim && !elsewhere) {
                hits.add(new RuleHit(l.id(), "add-on " + l.code() + " on " + l.serviceDate() + " without its primary " + String.join(" or ", needed)
                        + " on the same date"));
            }
        }
        return hits;
    }

    static boolean sameDate(PatientHistory.Service s, ScanClaim.Line l) {
        return s.date().equals(l.serviceDate());
    }
}
