package io.arbiter.tracks;

import io.arbiter.claims.Claim;
import io.arbiter.claims.Claims;
import io.arbiter.claims.CurrentRemittanceDetail;
import io.arbiter.common.Jdbc;
import io.arbiter.practice.Plan;
import io.arbiter.practice.Plans;
import io.arbiter.practice.Provider;
import io.arbiter.practice.Providers;
import io.arbiter.rules.RuleSet;
import io.arbiter.security.PracticeAccess;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The track {@link TrackSelector} chose for each claim, kept in {@code claim_track} (V89) so that lists over many
 * claims (batch proposals) select by track in SQL instead of deciding every claim on every view. A stored decision
 * carries the signature of what it read — the claim's version (bumped by every remittance netted into it and every
 * claim fact set), its plan's and rendering provider's version and update time, the plan's latest fact row and the
 * rule set — and is decided again, in bulk, once that signature changes.
 */
@Singleton
public class ClaimTracks {

    /** What a decision read, as SQL over claim c, plan pl, provider pr and the plan's latest fact row pf. */
    // numbers and times made text before COALESCE: H2 (the embedded database) will not mix a number and '-' in one
    private static final String SIGNATURE = "CONCAT(c.version, '|', COALESCE(CONCAT(pl.version, ''), '-'), '@', "
            + "COALESCE(CONCAT(pl.updated_at, ''), '-'), '|', COALESCE(CONCAT(pr.version, ''), '-'), '@', "
            + "COALESCE(CONCAT(pr.updated_at, ''), '-'), '|', COALESCE(pf.last_fact, 0), '|', ?)";
    private static final int CHUNK = 1_000;

    private final Jdbc jdbc;
    private final Claims claims;
    private final Plans plans;
    private final Providers providers;
    private final CurrentRemittanceDetail detail;
    private final TrackFactRepository factRows;
    private final TrackFactsService facts;
    private final TrackSelector selector;
    private final Clock clock;
    private final String rulesVersion;
    /** Per practice scope, the fingerprint with which every stored decision was last found current. */
    private final Map<String, String> current = new java.util.concurrent.ConcurrentHashMap<>();

    public ClaimTracks(Jdbc jdbc, Claims claims, Plans plans, Providers providers, CurrentRemittanceDetail detail,
                       TrackFactRepository factRows, TrackFactsService facts, TrackSelector selector, RuleSet rules, Clock clock) {
        this.jdbc = jdbc;
        this.claims = claims;
        this.plans = plans;
        this.providers = providers;
        this.detail = detail;
        this.factRows = factRows;
        this.facts = facts;
        this.selector = selector;
        this.clock = clock;
        // a new rule version (a deploy) may move claims to another track: every stored decision becomes stale
        this.rulesVersion = Integer.toHexString(rules.all().stream()
                .map(e -> e.key() + "/" + e.variant() + "/" + e.version() + "/" + e.effectiveFrom())
                .collect(Collectors.joining(";")).hashCode());
    }

    /**
     * Decides again every claim of the reachable practices whose stored decision is missing or stale, and stores the
     * result; returns how many were decided. Cheap when nothing changed (one indexed pass comparing signatures).
     */
    public int refresh(PracticeAccess access) {
        String scope = access.sqlCondition("c.practice_id");
        String fingerprint = fingerprint(scope);
        if (fingerprint.equals(current.get(scope))) {
            return 0;
        }
        int decided = decideStale(scope);
        current.put(scope, fingerprint);
        return decided;
    }

    /**
     * A summary that changes whenever any decision's inputs may have: the reachable claims' count, newest id and sum of
     * versions (versions only grow), the plans' and providers' versions and update times, the newest fact row, the
     * stored decisions' count and the rule set. Equal to the last one seen after deciding: nothing to look at per claim.
     */
    private String fingerprint(String scope) {
        return jdbc.read(c -> {
            try (java.sql.Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT "
                    + "(SELECT CONCAT(COUNT(*), ':', COALESCE(MAX(c.id), 0), ':', COALESCE(SUM(c.version), 0)) FROM claim c WHERE " + scope + "), "
                    + "(SELECT CONCAT(COUNT(*), ':', COALESCE(SUM(version), 0), ':', COALESCE(MAX(updated_at), '-')) FROM plan), "
                    + "(SELECT CONCAT(COUNT(*), ':', COALESCE(SUM(version), 0), ':', COALESCE(MAX(updated_at), '-')) FROM provider), "
                    + "(SELECT COALESCE(MAX(id), 0) FROM track_fact), (SELECT COUNT(*) FROM claim_track)")) {
                rs.next();
                return rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getLong(4) + "|" + rs.getLong(5)
                        + "|" + rulesVersion;
            }
        });
    }

    private int decideStale(String scope) {
        Map<Long, String[]> stale = jdbc.read(c -> {
            Map<Long, String[]> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT c.id, c.claim_filing_indicator, " + SIGNATURE + " FROM claim c "
                    + "LEFT JOIN plan pl ON pl.id = c.plan_id LEFT JOIN provider pr ON pr.rendering_npi = c.rendering_npi "
                    + "LEFT JOIN (SELECT plan_id, MAX(id) last_fact FROM track_fact WHERE plan_id IS NOT NULL GROUP BY plan_id) pf "
                    + "ON pf.plan_id = c.plan_id LEFT JOIN claim_track t ON t.claim_id = c.id WHERE "
                    + scope + " AND (t.claim_id IS NULL OR t.inputs <> " + SIGNATURE + ")")) {
                ps.setString(1, rulesVersion);
                ps.setString(2, rulesVersion);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)});
                    }
                }
            }
            return out;
        });
        List<Long> ids = new ArrayList<>(stale.keySet());
        Map<Long, Optional<Plan>> planById = new HashMap<>();
        Map<Long, List<TrackFactRecord>> planFacts = new HashMap<>();
        Map<String, Optional<Provider>> providerByNpi = new HashMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            Map<Long, CurrentRemittanceDetail.Detail> details = detail.byClaim(chunk);
            Map<Long, List<TrackFactRecord>> claimFacts = factRows.findByClaimIdInOrderById(chunk).stream()
                    .collect(Collectors.groupingBy(TrackFactRecord::claimId));
            List<Object[]> rows = new ArrayList<>();
            for (Claim c : claims.findByIdIn(chunk)) {
                Plan plan = c.planId() == null ? null : planById.computeIfAbsent(c.planId(), plans::findById).orElse(null);
                Provider provider = c.renderingNpi() == null ? null
                        : providerByNpi.computeIfAbsent(c.renderingNpi(), providers::findByRenderingNpi).orElse(null);
                List<TrackFactRecord> planRows = plan == null ? List.of()
                        : planFacts.computeIfAbsent(plan.id(), factRows::findByPlanIdOrderById);
                TrackFacts f = facts.resolve(c, plan, provider, details.get(c.id()), stale.get(c.id())[0],
                        TrackFactsService.userFacts(planRows, claimFacts.getOrDefault(c.id(), List.of()))).facts();
                TrackDecision decision = selector.select(f);
                rows.add(new Object[] {c.id(), decision.track().name(), stale.get(c.id())[1],
                        decision.status() == TrackDecision.Status.NEEDS_FACTS});
            }
            store(rows);
        }
        return ids.size();
    }

    private void store(List<Object[]> rows) {
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS));
        jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO claim_track (claim_id, track, inputs, decided_at, needs_facts) "
                    + "VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE track = VALUES(track), inputs = VALUES(inputs), "
                    + "decided_at = VALUES(decided_at), needs_facts = VALUES(needs_facts)")) {
                for (Object[] r : rows) {
                    ps.setLong(1, (Long) r[0]);
                    ps.setString(2, (String) r[1]);
                    ps.setString(3, (String) r[2]);
                    ps.setTimestamp(4, now);
                    ps.setBoolean(5, (Boolean) r[3]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return rows.size();
        });
    }
}
