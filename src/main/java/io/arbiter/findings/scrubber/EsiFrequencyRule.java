package io.arbiter.findings.scrubber;

import io.arbiter.findings.ScanClaim;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ESI-04: more than four ESI sessions per spinal region in a rolling 12 months (Medicare; payer-keyed
 * overrides in the rule data because eviCore, BCBSMA and others differ).
 */
@Singleton
public class EsiFrequencyRule implements ScrubberRule {

    @Override
    public String id() {
        return "ESI-04";
    }

    @Override
    public List<RuleHit> check(ScrubContext ctx, RuleConfig config) {
        int max = config.integer("maxSessions", 4);
        int window = config.integer("windowDays", 365);
        Map<String, Integer> overrides = config.numberMap("payerOverrides");
        if (ctx.claim().payerCode() != null && overrides.containsKey(ctx.claim().payerCode())) {
            max = overrides.get(ctx.claim().payerCode());
        }
        List<RuleHit> hits = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        for (ScanClaim.Line l : ctx.claim().lines()) {
            String region = PainCodes.esiRegion(l.code());
            if (region == null || !reported.add(region + l.serviceDate())) {
                continue;
            }
            LocalDate from = l.serviceDate().minusDays(window - 1L);
            Set<LocalDate> sessions = new HashSet<>();
            sessions.add(l.serviceDate());
            ctx.history().services().stream()
                    .filter(s -> region.equals(PainCodes.esiRegion(s.code())) && !s.date().isBefore(from) && !s.date().isAfter(l.serviceDate()))
                    .forEach(s -> sessions.add(s.date()));
            if (sessions.size() > max) {
                hits.add(new RuleHit(l.id(), "ESI session " + sessions.size() + " in the " + region.toLowerCase().replace('_', '/')
                        + " region within " + window + " days ending " + l.serviceDate() + " (limit " + max + ")"));
            }
        }
        return hits;
    }
}
