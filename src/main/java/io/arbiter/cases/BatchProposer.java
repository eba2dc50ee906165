package io.arbiter.cases;

import io.arbiter.claims.Claim;
import io.arbiter.claims.ClaimLine;
import io.arbiter.claims.ClaimLines;
import io.arbiter.claims.Claims;
import io.arbiter.rules.Track;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Proposes batches of federal IDR lines that may be decided together (see {@link BatchingPolicy}),
 * and says why every other candidate line was left out. The specialist accepts a proposal as is, or
 * edits its line list, by opening a case with those lineIds.
 */
@Singleton
public class BatchProposer {

    @Serdeable
    public record ProposedLine(Long lineId, Long claimId, String patientControlNumber, String procedureCode,
                               LocalDate serviceDate, BigDecimal billed, BigDecimal paid) {
    }

    @Serdeable
    public record Proposal(String provider, Long payerId, String procedureCode, LocalDate windowStart, LocalDate windowEnd,
                           int lineCount, BigDecimal billed, BigDecimal paid, List<Long> lineIds, List<ProposedLine> lines) {
    }

    @Serdeable
    public record Excluded(Long lineId, Long claimId, String reason) {
    }

    @Serdeable
    public record Proposals(List<Proposal> proposals, List<Excluded> excluded, String citation) {
    }

    private final Claims claims;
    private final ClaimLines lines;
    private final CaseLineRepository caseLines;
    private final DisputeCaseRepository cases;
    private final CaseRulebook rules;

    public BatchProposer(Claims claims, ClaimLines lines, CaseLineRepository caseLines,
                         DisputeCaseRepository cases, CaseRulebook rules) {
        this.claims = claims;
        this.lines = lines;
        this.caseLines = caseLines;
        this.cases = cases;
        this.rules = rules;
    }

    @Transactional(readOnly = true)
    public Proposals propose(Collection<Long> claimIds, io.arbiter.security.PracticeAccess access) {
        List<Claim> candidates = (claimIds == null || claimIds.isEmpty() ? claims.findAll() : claims.findByIdIn(claimIds)).stream()
                .filter(c -> access.allows(c.practiceId())).toList();
        Map<Long, Claim> claimById = candidates.stream().collect(Collectors.toMap(Claim::id, c -> c));
        List<ClaimLine> all = claimById.isEmpty() ? List.of() : lines.findByClaimIdInOrderByClaimIdAndLineNumber(claimById.keySet());
        Map<Long, String> openCaseOfLine = new HashMap<>();
        for (CaseLine cl : all.isEmpty() ? List.<CaseLine>of() : caseLines.findByClaimLineIdIn(all.stream().map(ClaimLine::id).toList())) {
            cases.findById(cl.caseId()).filter(DisputeCase::open).ifPresent(dc -> openCaseOfLine.put(cl.claimLineId(), dc.getCaseNumber()));
        }
        Map<Long, Track> trackOfClaim = new HashMap<>();
        List<Excluded> excluded = new ArrayList<>();
        Map<String, List<ClaimLine>> groups = new LinkedHashMap<>();
        for (ClaimLine l : all) {
            Claim c = claimById.get(l.claimId());
            if (openCaseOfLine.containsKey(l.id())) {
                excluded.add(new Excluded(l.id(), c.id(), "already disputed in open case " + openCaseOfLine.get(l.id())));
                continue;
            }
            Track track = trackOfClaim.computeIfAbsent(c.id(), id -> rules.chooseTrack(id).track());
            if (track != Track.FEDERAL_IDR) {
                excluded.add(new Excluded(l.id(), c.id(), "claim is on the " + track + " track; only federal IDR disputes are batched"));
                continue;
            }
            // Same provider, same payer, same service code: the batching pathway every period accepts.
            String key = c.billingNpi() + "|" + c.payerId() + "|" + l.procedureCode();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(l);
        }
        List<Proposal> proposals = new ArrayList<>();
        for (Map.Entry<String, List<ClaimLine>> g : groups.entrySet()) {
            List<ClaimLine> group = new ArrayList<>(g.getValue());
            group.sort(BatchingPolicy.byDate(claimById));
            List<ClaimLine> current = new ArrayList<>();
            LocalDate windowStart = null;
            LocalDate windowEnd = null;
            for (ClaimLine l : group) {
                LocalDate dos = serviceDate(l, claimById);
                OptionalInt cap = dos == null ? OptionalInt.empty() : rules.batchLineCap(dos);
                boolean full = cap.isPresent() && current.size() >= cap.getAsInt();
                if (windowStart == null || dos == null || dos.isAfter(windowEnd) || full) {
                    flush(current, windowStart, windowEnd, g.getKey(), claimById, proposals, excluded);
                    current = new ArrayList<>();
                    windowStart = dos;
                    windowEnd = dos == null ? null : rules.businessDayPeriodEnd(dos, 30);
                }
                current.add(l);
            }
            flush(current, windowStart, windowEnd, g.getKey(), claimById, proposals, excluded);
        }
        proposals.sort((a, b) -> b.billed().compareTo(a.billed()));
        return new Proposals(proposals, excluded, "42 U.S.C. 300gg-111(c)(3); 45 CFR 149.510(c)(3); federal-idr.md §4");
    }

    private static LocalDate serviceDate(ClaimLine l, Map<Long, Claim> claims) {
        return l.serviceDate() != null ? l.serviceDate() : claims.get(l.claimId()).serviceDateFrom();
    }

    private void flush(List<ClaimLine> current, LocalDate start, LocalDate end, String key, Map<Long, Claim> claims,
                       List<Proposal> proposals, List<Excluded> excluded) {
        if (current.isEmpty()) {
            return;
        }
        Set<Long> distinctClaims = current.stream().map(ClaimLine::claimId).collect(Collectors.toSet());
        if (distinctClaims.size() < 2) {
            for (ClaimLine l : current) {
                excluded.add(new Excluded(l.id(), l.claimId(),
                        "no other claim with the same provider, payer and service code in the 30-business-day window; dispute it singly"));
            }
            return;
        }
        String[] parts = key.split("\\|");
        List<ProposedLine> proposed = current.stream().map(l -> new ProposedLine(l.id(), l.claimId(),
                claims.get(l.claimId()).patientControlNumber(), l.procedureCode(), serviceDate(l, claims), l.charge(), l.paid())).toList();
        proposals.add(new Proposal(parts[0], "null".equals(parts[1]) ? null : Long.valueOf(parts[1]), parts[2], start, end,
                current.size(), current.stream().map(ClaimLine::charge).reduce(BigDecimal.ZERO, BigDecimal::add),
                current.stream().map(ClaimLine::paid).reduce(BigDecimal.ZERO, BigDecimal::add),
                current.stream().map(ClaimLine::id).filter(Objects::nonNull).toList(), proposed));
    }
}
