package io.arbiter.cases;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** V79/V80 split the stored "status|name|reason|citation" eligibility text into gate rows once (embedded H2). */
class EligibilityGateMigrationTest {

    private static final String H2 = "jdbc:h2:mem:v80;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;"
            + "NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1";

    @Test
    void storedScreensBecomeRowsAndAnUnreadableLineIsKeptWhole() throws SQLException {
        Flyway.configure().dataSource(H2, "sa", "").locations("classpath:db/migration").target("78").load().migrate();
        try (Connection c = DriverManager.getConnection(H2, "sa", ""); Statement st = c.createStatement()) {
            String now = "'2026-11-20 09:00:00'";
            st.executeUpdate("INSERT INTO practice (id, name, tin, billing_npi, created_at, updated_at) VALUES (1, 'P', '741234567', '1234567893', "
                    + now + ", " + now + ")");
            String text = "PASS|OUT_OF_NETWORK|The provider is out of network for this plan.|42 U.S.C. 300gg-111(c)(1)\n"
                    + "FAIL|STATE_LAW|Texas law governs this self-insured...no: fully insured TX plan (TDI).|\n"
                    + "garbled line without separators";
            st.executeUpdate("INSERT INTO dispute_case (id, case_number, practice_id, track, stage, eligibility, created_at, updated_at) VALUES "
                    + "(1, 'ARB-2026-00001', 1, 'FEDERAL_IDR', 'OPEN_NEGOTIATION', '" + text.replace("'", "''") + "', " + now + ", " + now + ")");
        }
        Flyway.configure().dataSource(H2, "sa", "").locations("classpath:db/migration").load().migrate();
        try (Connection c = DriverManager.getConnection(H2, "sa", ""); Statement st = c.createStatement()) {
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT ordinal, name, status, reason, citation FROM case_eligibility_gate "
                    + "WHERE case_id = 1 ORDER BY ordinal")) {
                while (rs.next()) {
                    rows.add(rs.getInt(1) + " " + rs.getString(2) + " " + rs.getString(3) + " [" + rs.getString(4) + "] " + rs.getString(5));
                }
            }
            assertEquals(List.of(
                    "0 OUT_OF_NETWORK PASS [The provider is out of network for this plan.] 42 U.S.C. 300gg-111(c)(1)",
                    "1 STATE_LAW FAIL [Texas law governs this self-insured...no: fully insured TX plan (TDI).] null",
                    "2 unreadable UNKNOWN [garbled line without separators] null"), rows);
            try (ResultSet rs = c.getMetaData().getColumns(null, null, "dispute_case", "eligibility")) {
                assertFalse(rs.next(), "the text column is gone: nothing can parse it again");
            }
        }
    }
}
