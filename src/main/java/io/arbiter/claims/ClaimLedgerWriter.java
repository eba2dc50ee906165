package io.arbiter.claims;

import io.arbiter.common.Money;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The claims ledger's bulk writer: re-derives claims and their lines from their stored remittances
 * ({@link RemittanceNetting}) in the caller's transaction, a chunk of claims per round trip. Intake calls it after
 * writing remittances; nothing else writes a claim's paid amounts.
 */
public final class ClaimLedgerWriter {

    private static final int CHUNK = 4000;

    private final Connection conn;
    private final LocalDateTime now;

    public ClaimLedgerWriter(Connection conn, LocalDateTime now) {
        this.conn = conn;
        this.now = now;
    }

    /** Nets the given claims' remittances and writes the result to the claims and their lines. */
    public void recompute(Collection<Long> claimIds) throws SQLException {
        List<Long> ids = new ArrayList<>(new HashSet<>(claimIds));
        for (int from = 0; from < ids.size(); from += CHUNK) {
            recomputeChunk(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
        }
    }

    private void recomputeChunk(List<Long> ids) throws SQLException {
        Map<Long, List<RemittanceNetting.Remit>> remits = readRemittances(ids);
        Set<Long> billed = readBilled(ids);
        Set<Long> active = new HashSet<>();
        List<Long> cancelledNow = new ArrayList<>();
        try (PreparedStatement upd = conn.prepareStatement("UPDATE claim SET total_paid = ?, patient_responsibility = ?, "
                + "claim_status_code = ?, payer_claim_control_number = COALESCE(?, payer_claim_control_number), payment_date = ?, "
                + "payment_trace = ?, total_charge = CASE WHEN billed THEN total_charge ELSE ? END, version = version + 1, "
                + "updated_at = ? WHERE id = ?")) {
            for (Long claimId : ids) {
                RemittanceNetting.ClaimNet net = RemittanceNetting.claim(remits.getOrDefault(claimId, List.of())).orElse(null);
                if (net == null) {
                    continue;
                }
                active.addAll(net.active());
                cancelledNow.addAll(net.newlyCancelled());
                upd.setBigDecimal(1, net.paid());
                upd.setBigDecimal(2, net.patientResponsibility());
                upd.setString(3, net.status());
                upd.setString(4, net.payerClaimControlNumber());
                upd.setDate(5, net.paymentDate() == null ? null : Date.valueOf(net.paymentDate()));
                upd.setString(6, net.trace());
                upd.setBigDecimal(7, net.charge());
                upd.setObject(8, now);
                upd.setLong(9, claimId);
                upd.addBatch();
            }
            upd.executeBatch();
        }
        if (!cancelledNow.isEmpty()) {
            try (PreparedStatement ps = conn.prepareStatement("UPDATE remittance SET cancelled = TRUE WHERE id IN ("
                    + marks(cancelledNow.size()) + ")")) {
                bind(ps, cancelledNow);
                ps.executeUpdate();
            }
        }
        writeLines(ids, billed, active);
    }

    private Map<Long, List<RemittanceNetting.Remit>> readRemittances(List<Long> ids) throws SQLException {
        Map<Long, List<RemittanceNetting.Remit>> remits = new HashMap<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT id, claim_id, claim_status_code, total_charge, total_paid, "
                + "patient_responsibility, payer_claim_control_number, payment_date, payment_trace, reversal, cancelled FROM remittance "
                + "WHERE claim_id IN (" + marks(ids.size()) + ") ORDER BY id")) {
            bind(ps, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Date d = rs.getDate(8);
                    remits.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(new RemittanceNetting.Remit(rs.getLong(1),
                            rs.getString(3), rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getString(7),
                            d == null ? null : d.toLocalDate(), rs.getString(9), rs.getBoolean(10), rs.getBoolean(11)));
                }
            }
        }
        return remits;
    }

    private Set<Long> readBilled(List<Long> ids) throws SQLException {
        Set<Long> billed = new HashSet<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT id FROM claim WHERE billed AND id IN (" + marks(ids.size()) + ")")) {
            bind(ps, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    billed.add(rs.getLong(1));
                }
            }
        }
        return billed;
    }

    /** Lines: paid and allowed are the net of the active remittance lines; a remitted-only line also takes charge and units. */
    private void writeLines(List<Long> ids, Set<Long> billedClaims, Set<Long> active) throws SQLException {
        Map<Long, List<RemittanceNetting.RemitLine>> byLine = new LinkedHashMap<>();
        Map<Long, Long> lineClaim = new HashMap<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT id, claim_id FROM claim_line WHERE claim_id IN (" + marks(ids.size()) + ")")) {
            bind(ps, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byLine.put(rs.getLong(1), new ArrayList<>());
                    lineClaim.put(rs.getLong(1), rs.getLong(2));
                }
            }
        }
        try (PreparedStatement ps = conn.prepareStatement("SELECT claim_line_id, remittance_id, paid, allowed, charge, units "
                + "FROM remittance_line WHERE claim_id IN (" + marks(ids.size()) + ") AND claim_line_id IS NOT NULL "
                + "ORDER BY remittance_id, seq")) {
            bind(ps, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<RemittanceNetting.RemitLine> l = byLine.get(rs.getLong(1));
                    if (l != null) {
                        l.add(new RemittanceNetting.RemitLine(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                                rs.getBigDecimal(5), rs.getBigDecimal(6)));
                    }
                }
            }
        }
        try (PreparedStatement remitted = conn.prepareStatement("UPDATE claim_line SET paid = ?, allowed = ?, charge = ?, units = ?, "
                + "version = version + 1, updated_at = ? WHERE id = ?");
             PreparedStatement billed = conn.prepareStatement("UPDATE claim_line SET paid = ?, allowed = ?, version = version + 1, "
                     + "updated_at = ? WHERE id = ?")) {
            boolean anyRemitted = false;
            boolean anyBilled = false;
            for (Map.Entry<Long, List<RemittanceNetting.RemitLine>> e : byLine.entrySet()) {
                RemittanceNetting.LineNet net = RemittanceNetting.line(e.getValue(), active);
                if (billedClaims.contains(lineClaim.get(e.getKey())) || net.charge() == null) {
                    billed.setBigDecimal(1, net.paid());
                    billed.setBigDecimal(2, net.allowed());
                    billed.setObject(3, now);
                    billed.setLong(4, e.getKey());
                    billed.addBatch();
                    anyBilled = true;
                } else {
                    remitted.setBigDecimal(1, net.paid());
                    remitted.setBigDecimal(2, net.allowed());
                    remitted.setBigDecimal(3, net.charge());
                    remitted.setBigDecimal(4, net.units() == null ? BigDecimal.ONE : net.units());
                    remitted.setObject(5, now);
                    remitted.setLong(6, e.getKey());
                    remitted.addBatch();
                    anyRemitted = true;
                }
            }
            if (anyRemitted) {
                remitted.executeBatch();
            }
            if (anyBilled) {
                billed.executeBatch();
            }
        }
    }

    private static String marks(int n) {
        return "?" + ",?".repeat(Math.max(0, n - 1));
    }

    private static void bind(PreparedStatement ps, List<Long> ids) throws SQLException {
        for (int i = 0; i < ids.size(); i++) {
            ps.setLong(i + 1, ids.get(i));
        }
    }
}
