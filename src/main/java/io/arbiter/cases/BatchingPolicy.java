package io.arbiter.cases;

import io.arbiter.claims.Claim;
import io.arbiter.claims.ClaimLine;
import io.arbiter.rules.Track;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Whether lines may be decided together in one batched federal IDR dispute. The criteria themselves
 * (same provider NPI/TIN, same payer, same service code or similar condition, one 30-business-day
 * period, the line cap in force; 42 U.S.C. 300gg-111(c)(3), federal-idr.md §4) live in the eligibility
 * screen's batching gate; this policy asks it and adds what only a case knows (the track).
 */
@Singleton
public class BatchingPolicy {

    private final CaseRulebook rules;

    public BatchingPolicy(CaseRulebook rules) {
        this.rules = rules;
    }

    /** Every reason these lines cannot be one batch; empty when they can. */
    public List<String> violations(Track track, List<ClaimLine> lines, Map<Long, Claim> claimById) {
        List<String> out = new ArrayList<>();
        if (track != Track.FEDERAL_IDR) {
            out.add("batching applies to federal IDR disputes; this is a " + track + " case");
            return out;
        }
        CaseRulebook.Gate gate = rules.batchingGate(lines, claimById);
        if (gate.failed()) {
            out.add(gate.reason());
        }
        return out;
    }

    static LocalDate serviceDate(ClaimLine l, Map<Long, Claim> claims) {
        return l.serviceDate() != null ? l.serviceDate() : claims.get(l.claimId()).serviceDateFrom();
    }

    /** Orders lines by service date, then claim. */
    static Comparator<ClaimLine> byDate(Map<Long, Claim> claims) {
        return Comparator.comparing((ClaimLine l) -> serviceDate(l, claims), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(ClaimLine::claimId);
    }
}
