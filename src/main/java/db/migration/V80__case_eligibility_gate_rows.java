package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;

/**
 * Splits each case's stored eligibility text ("status|name|reason|citation" per line, written by CaseService before
 * V79) into case_eligibility_gate rows once, then drops the text column. A line that does not have the four parts or
 * a known status is kept whole as the reason of a gate named "unreadable" with status UNKNOWN, never dropped.
 */
public class V80__case_eligibility_gate_rows extends BaseJavaMigration {

    private static final Set<String> STATUSES = Set.of("PASS", "FAIL", "UNKNOWN");

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT id, eligibility FROM dispute_case WHERE eligibility IS NOT NULL ORDER BY id");
             PreparedStatement ins = c.prepareStatement("INSERT INTO case_eligibility_gate (case_id, ordinal, name, status, reason, "
                     + "citation) VALUES (?,?,?,?,?,?)")) {
            while (rs.next()) {
                int ordinal = 0;
                for (String line : rs.getString(2).split("\n")) {
                    if (line.isBlank()) {
                        continue;
                    }
                    String[] p = line.split("\\|", 4);
                    boolean readable = p.length >= 3 && STATUSES.contains(p[0]);
                    ins.setLong(1, rs.getLong(1));
                    ins.setInt(2, ordinal++);
                    ins.setString(3, readable ? cut(p[1], 120) : "unreadable");
                    ins.setString(4, readable ? p[0] : "UNKNOWN");
                    ins.setString(5, cut(readable ? p[2] : line, 2000));
                    ins.setString(6, readable && p.length > 3 && !p[3].isBlank() ? cut(p[3], 1000) : null);
                    ins.addBatch();
                }
            }
            ins.executeBatch();
        }
        try (Statement st = c.createStatement()) {
            st.execute("ALTER TABLE dispute_case DROP COLUMN eligibility");
        }
    }

    private static String cut(String v, int max) {
        return v.length() <= max ? v : v.substring(0, max);
    }
}
