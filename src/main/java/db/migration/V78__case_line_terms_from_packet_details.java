package db.migration;

import io.arbiter.cases.LineTerms;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves the per-line values packet_detail held as text (scope LINE) into the typed case_line_terms (V77). A value
 * that is an amount as written (1234.50, $1,234.50) or a whole number of units moves; anything else ("abc",
 * "1,234.5x", "-10", "12.345") is not guessed: it goes verbatim to case_line_terms_rejected with the reason, for a
 * person to re-enter. Either way the packet_detail row is removed, so no line value is read from text again.
 * In Java because the amount rule is {@link LineTerms}'s and must be the same on MySQL, MariaDB and H2.
 */
public class V78__case_line_terms_from_packet_details extends BaseJavaMigration {

    private static final List<String> AMOUNTS = List.of("qpa", "offer", "mar", "amountInDispute");

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        Map<Long, Map<String, String>> byLine = new LinkedHashMap<>();
        Map<Long, String> updatedBy = new LinkedHashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT d.scope_id, d.field_key, d.field_value, "
                + "d.updated_by FROM packet_detail d JOIN case_line l ON l.id = d.scope_id WHERE d.scope = 'LINE' ORDER BY d.scope_id, d.id")) {
            while (rs.next()) {
                byLine.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getString(3));
                updatedBy.put(rs.getLong(1), rs.getString(4));
            }
        }
        LocalDateTime now = LocalDateTime.now().withNano(0);
        try (PreparedStatement terms = c.prepareStatement("INSERT INTO case_line_terms (case_line_id, qpa, offer, mar, mar_computation, "
                + "amount_in_dispute, units, description, version, updated_by, updated_at) VALUES (?,?,?,?,?,?,?,?,0,?,?)");
             PreparedStatement rejected = c.prepareStatement("INSERT INTO case_line_terms_rejected (case_line_id, field_key, "
                     + "field_value, reason) VALUES (?,?,?,?)")) {
            for (var line : byLine.entrySet()) {
                long id = line.getKey();
                Map<String, String> v = line.getValue();
                Map<String, BigDecimal> amounts = new LinkedHashMap<>();
                for (String key : AMOUNTS) {
                    String raw = v.get(key);
                    if (raw == null || raw.isBlank()) {
                        continue;
                    }
                    String why = LineTerms.amountProblem(raw.trim());
                    if (why == null) {
                        amounts.put(key, new BigDecimal(raw.trim().replace("$", "").replace(",", "")).setScale(2));
                    } else {
                        reject(rejected, id, key, raw, why);
                    }
                }
                Integer units = null;
                String rawUnits = v.get("units");
                if (rawUnits != null && !rawUnits.isBlank()) {
                    if (rawUnits.trim().matches("\\d{1,4}") && Integer.parseInt(rawUnits.trim()) >= 1) {
                        units = Integer.parseInt(rawUnits.trim());
                    } else {
                        reject(rejected, id, "units", rawUnits, "is not a number of units from 1 to 9999");
                    }
                }
                terms.setLong(1, id);
                terms.setBigDecimal(2, amounts.get("qpa"));
                terms.setBigDecimal(3, amounts.get("offer"));
                terms.setBigDecimal(4, amounts.get("mar"));
                terms.setString(5, text(rejected, id, "marComputation", v.get("marComputation"), 2000));
                terms.setBigDecimal(6, amounts.get("amountInDispute"));
                if (units == null) {
                    terms.setNull(7, java.sql.Types.INTEGER);
                } else {
                    terms.setInt(7, units);
                }
                terms.setString(8, text(rejected, id, "description", v.get("description"), 500));
                terms.setString(9, updatedBy.get(id));
                terms.setTimestamp(10, Timestamp.valueOf(now));
                terms.addBatch();
            }
            terms.executeBatch();
            rejected.executeBatch();
        }
        try (Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM packet_detail WHERE scope = 'LINE' AND scope_id IN (SELECT id FROM case_line)");
        }
    }

    private static void reject(PreparedStatement rejected, long line, String key, String raw, String why) throws Exception {
        rejected.setLong(1, line);
        rejected.setString(2, key);
        rejected.setString(3, raw);
        rejected.setString(4, why);
        rejected.addBatch();
    }

    /** The text as kept, or null; a text longer than its column is rejected whole rather than cut. */
    private static String text(PreparedStatement rejected, long line, String key, String v, int max) throws Exception {
        if (v == null || v.isBlank()) {
            return null;
        }
        String t = v.trim();
        if (t.length() > max) {
            reject(rejected, line, key, t, "is " + t.length() + " characters long; at most " + max);
            return null;
        }
        return t;
    }
}
