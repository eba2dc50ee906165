package db.migration;

import io.arbiter.claims.RemittanceDetail;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves every adjustment, remark_code and cancelled_remittance_detail row into the text columns of its remittance
 * (V13), in the order the rows were written. Rows that belong to no remittance (entered with a claim rather than
 * read from an 835) get one remittance per claim, copied from the claim's payment fields, with no import.
 * In Java because the text format is {@link RemittanceDetail}'s and must be the same on MySQL, MariaDB and H2.
 */
public class V14__remittance_detail_from_rows extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        Map<Long, Long> remittanceOfClaim = remittancesForLooseRows(c);
        Map<Long, StringBuilder> adjustments = new LinkedHashMap<>();
        Map<Long, StringBuilder> remarks = new LinkedHashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT remittance_id, claim_id, claim_line_id, group_code, "
                + "reason_code, amount, quantity FROM adjustment ORDER BY id")) {
            while (rs.next()) {
                Long remittance = remittanceOf(rs, remittanceOfClaim);
                RemittanceDetail.appendAdjustment(adjustments.computeIfAbsent(remittance, k -> new StringBuilder()), nullableLong(rs, 3),
                        rs.getString(4), rs.getString(5), rs.getBigDecimal(6), rs.getBigDecimal(7));
            }
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT remittance_id, claim_id, claim_line_id, code, source "
                + "FROM remark_code ORDER BY id")) {
            while (rs.next()) {
                Long remittance = remittanceOf(rs, remittanceOfClaim);
                RemittanceDetail.appendRemark(remarks.computeIfAbsent(remittance, k -> new StringBuilder()), nullableLong(rs, 3),
                        rs.getString(4), rs.getString(5));
            }
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT remittance_id, claim_id, claim_line_id, kind, "
                + "group_code, code, amount, quantity, source FROM cancelled_remittance_detail ORDER BY id")) {
            while (rs.next()) {
                long remittance = rs.getLong(1);
                Long line = nullableLong(rs, 3);
                if ("ADJUSTMENT".equals(rs.getString(4))) {
                    BigDecimal amount = rs.getBigDecimal(7);
                    RemittanceDetail.appendAdjustment(adjustments.computeIfAbsent(remittance, k -> new StringBuilder()), line,
                            rs.getString(5), rs.getString(6), amount == null ? BigDecimal.ZERO : amount, rs.getBigDecimal(8));
                } else {
                    RemittanceDetail.appendRemark(remarks.computeIfAbsent(remittance, k -> new StringBuilder()), line,
                            rs.getString(6), rs.getString(9) == null ? "" : rs.getString(9));
                }
            }
        }
        write(c, "adjustments", adjustments);
        write(c, "remark_codes", remarks);
    }

    /** One new remittance per claim that has adjustments or remark codes without one; keyed by claim. */
    private static Map<Long, Long> remittancesForLooseRows(Connection c) throws SQLException {
        Map<Long, Long> out = new LinkedHashMap<>();
        List<Long> claims = new java.util.ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT claim_id FROM adjustment WHERE remittance_id IS NULL "
                + "UNION SELECT claim_id FROM remark_code WHERE remittance_id IS NULL ORDER BY 1")) {
            while (rs.next()) {
                claims.add(rs.getLong(1));
            }
        }
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO remittance (claim_id, import_id, patient_control_number, "
                + "payer_claim_control_number, payer_id, claim_status_code, total_charge, total_paid, patient_responsibility, payment_date, "
                + "payment_trace, reversal, cancelled, lines_on_claim, created_at) SELECT id, NULL, patient_control_number, "
                + "payer_claim_control_number, payer_id, COALESCE(claim_status_code, ''), total_charge, total_paid, patient_responsibility, "
                + "payment_date, payment_trace, FALSE, FALSE, FALSE, updated_at FROM claim WHERE id = ?", Statement.RETURN_GENERATED_KEYS)) {
            for (Long claim : claims) {
                ins.setLong(1, claim);
                ins.executeUpdate();
                try (ResultSet keys = ins.getGeneratedKeys()) {
                    keys.next();
                    out.put(claim, keys.getLong(1));
                }
            }
        }
        return out;
    }

    private static Long remittanceOf(ResultSet rs, Map<Long, Long> remittanceOfClaim) throws SQLException {
        long remittance = rs.getLong(1);
        return rs.wasNull() ? remittanceOfClaim.get(rs.getLong(2)) : remittance;
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static void write(Connection c, String column, Map<Long, StringBuilder> texts) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE remittance SET " + column + " = ? WHERE id = ?")) {
            int pending = 0;
            for (Map.Entry<Long, StringBuilder> e : texts.entrySet()) {
                ps.setString(1, e.getValue().toString());
                ps.setLong(2, e.getKey());
                ps.addBatch();
                if (++pending == 1000) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }
}
