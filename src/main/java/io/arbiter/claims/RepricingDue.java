package io.arbiter.claims;

import io.arbiter.common.Jdbc;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Claims whose findings are behind their remittance history. Marked in the transaction that changes the claims (so a
 * crash after that commit cannot lose the fact), cleared by the scan that prices them again — only up to the moment
 * that scan started, so a change arriving during the scan stays marked.
 */
@Singleton
public class RepricingDue {

    private static final int CHUNK = 1000;

    private final Jdbc jdbc;

    public RepricingDue(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Marks the claims as changed at {@code since}, inside the caller's transaction. Most claims of a large import are
     * new and unmarked: they go in by {@link io.arbiter.common.BulkInsert} (a 100,000-claim file cost 2.7 s of row-by-row
     * upserts); the few already marked only move their time forward.
     */
    public static void mark(Connection c, Collection<Long> claimIds, LocalDateTime since, String cause) throws SQLException {
        if (claimIds.isEmpty()) {
            return;
        }
        String why = cause.length() > 100 ? cause.substring(0, 100) : cause;
        List<Long> ids = List.copyOf(new java.util.LinkedHashSet<>(claimIds));
        java.util.Set<Long> marked = new java.util.HashSet<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            try (PreparedStatement ps = c.prepareStatement("SELECT claim_id FROM claim_repricing_due WHERE claim_id IN ("
                    + ids.subList(from, Math.min(ids.size(), from + CHUNK)).stream().map(String::valueOf).collect(Collectors.joining(","))
                    + ")"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    marked.add(rs.getLong(1));
                }
            }
        }
        io.arbiter.common.BulkInsert rows = new io.arbiter.common.BulkInsert(c, "claim_repricing_due", "claim_id", "since", "cause");
        for (Long id : ids) {
            if (!marked.contains(id)) {
                rows.add(id).add(since).add(why).endRow();
            }
        }
        rows.execute();
        if (!marked.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE claim_repricing_due SET since = GREATEST(since, ?), cause = ? WHERE claim_id = ?")) {
                for (Long id : marked) {
                    ps.setObject(1, since);
                    ps.setString(2, why);
                    ps.setLong(3, id);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    /** Clears the marks of priced claims that were set before the pricing started, inside the caller's transaction. */
    public static void clear(Connection c, Collection<Long> claimIds, LocalDateTime pricingStarted) throws SQLException {
        List<Long> ids = List.copyOf(claimIds);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM claim_repricing_due WHERE since <= ? AND claim_id IN ("
                    + chunk.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")")) {
                ps.setObject(1, pricingStarted);
                ps.executeUpdate();
            }
        }
    }

    /** Clears every mark set before a full scan started. */
    public static void clearAll(Connection c, LocalDateTime pricingStarted) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM claim_repricing_due WHERE since <= ?")) {
            ps.setObject(1, pricingStarted);
            ps.executeUpdate();
        }
    }

    /** Claims marked before {@code before}, oldest first: those whose re-pricing did not follow (a crash, a failure). */
    public List<Long> markedBefore(LocalDateTime before, int limit) {
        return jdbc.read(c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT claim_id FROM claim_repricing_due WHERE since < ? ORDER BY since LIMIT ?")) {
                ps.setObject(1, before);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            return ids;
        });
    }

    /** When each of these claims changed without being priced since (absent: findings are current). */
    public Map<Long, LocalDateTime> since(Collection<Long> claimIds) {
        if (claimIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.read(c -> {
            Map<Long, LocalDateTime> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT claim_id, since FROM claim_repricing_due WHERE claim_id IN ("
                    + claimIds.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getObject(2, LocalDateTime.class));
                }
            }
            return out;
        });
    }
}
