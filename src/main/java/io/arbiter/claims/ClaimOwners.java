package io.arbiter.claims;

import io.arbiter.common.Jdbc;
import io.arbiter.security.PracticeAccess;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Who works a claim before it is a case (the worklists' "assign"). A claim is assigned only within the assigner's
 * practices, and only to someone who works for the claim's practice.
 */
@Singleton
public class ClaimOwners {

    /** What an assignment did: the claims assigned, and each claim refused with its reason. */
    public record Assignment(List<Long> assigned, Map<Long, String> refused) {
    }

    private final Jdbc jdbc;
    private final Clock clock;

    public ClaimOwners(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Assignment assign(Collection<Long> claimIds, String owner, String by, PracticeAccess assigner, PracticeAccess ownerReaches) {
        Map<Long, Long> practiceOf = practices(claimIds);
        List<Long> assigned = new ArrayList<>();
        Map<Long, String> refused = new LinkedHashMap<>();
        for (Long id : new java.util.LinkedHashSet<>(claimIds)) {
            Long practice = practiceOf.get(id);
            if (practice == null || !assigner.allows(practice)) {
                refused.put(id, "no such claim");
            } else if (!ownerReaches.allows(practice)) {
                refused.put(id, owner + " does not work for this claim's practice");
            } else {
                assigned.add(id);
            }
        }
        if (!assigned.isEmpty()) {
            LocalDateTime now = LocalDateTime.now(clock);
            jdbc.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO claim_owner (claim_id, owner, assigned_at, assigned_by) VALUES (?, ?, ?, ?) "
                        + "ON DUPLICATE KEY UPDATE owner = VALUES(owner), assigned_at = VALUES(assigned_at), assigned_by = VALUES(assigned_by)")) {
                    for (Long id : assigned) {
                        ps.setLong(1, id);
                        ps.setString(2, owner);
                        ps.setObject(3, now);
                        ps.setString(4, by);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                return null;
            });
        }
        return new Assignment(List.copyOf(assigned), refused);
    }

    /** The owner of each of these claims that has one. */
    public Map<Long, String> ownersOf(Collection<Long> claimIds) {
        if (claimIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.read(c -> {
            Map<Long, String> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT claim_id, owner FROM claim_owner WHERE claim_id IN (" + ids(claimIds) + ")");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getString(2));
                }
            }
            return out;
        });
    }

    private Map<Long, Long> practices(Collection<Long> claimIds) {
        if (claimIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.read(c -> {
            Map<Long, Long> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, practice_id FROM claim WHERE id IN (" + ids(claimIds) + ")");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getLong(2));
                }
            }
            return out;
        });
    }

    private static String ids(Collection<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
