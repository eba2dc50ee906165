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

/** V81/V82 split "date (reading); date (reading)" deadline alternatives into rows once and drop the text (H2). */
class DeadlineAlternativeMigrationTest {

    private static final String H2 = "jdbc:h2:mem:v82;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;"
            + "NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1";

    @Test
    void alternativesBecomeRowsAndAnOddPartIsKeptWhole() throws SQLException {
        Flyway.configure().dataSource(H2, "sa", "").locations("classpath:db/migration").target("80").load().migrate();
        try (Connection c = DriverManager.getConnection(H2, "sa", ""); Statement st = c.createStatement()) {
            String now = "'2026-11-20 09:00:00'";
            st.executeUpdate("INSERT INTO practice (id, name, tin, billing_npi, created_at, updated_at) VALUES (1, 'P', '741234567', '1234567893', "
                    + now + ", " + now + ")");
            st.executeUpdate("INSERT INTO dispute_case (id, case_number, practice_id, track, stage, created_at, updated_at) VALUES "
                    + "(1, 'ARB-2026-00001', 1, 'TEXAS_ARBITRATION', 'OPEN', " + now + ", " + now + ")");
            String deadline = "INSERT INTO case_deadline (id, case_id, deadline_key, due_date, day_type, day_count, from_key, from_date, "
                    + "alternatives, met) VALUES ";
            st.executeUpdate(deadline + "(1, 1, 'ARBITRATION_REQUEST_DUE', '2026-11-30', 'CALENDAR', 90, 'INITIAL_PAYMENT_RECEIVED', "
                    + "'2026-08-31', '2026-12-01 (TDI closure days count as non-business days (the day after Thanksgiving); "
                    + "the request may be filed the next day); 2026-11-27 (closure days count (strict reading))', FALSE)");
            st.executeUpdate(deadline + "(2, 1, 'DECISION_DUE', '2027-01-15', 'CALENDAR', 30, 'ARBITRATION_REQUESTED', '2026-12-16', "
                    + "'whatever was written by hand', FALSE)");
            st.executeUpdate(deadline + "(3, 1, 'ARBITRATOR_FEE_DUE', '2027-01-15', 'CALENDAR', 30, 'DECISION_ISSUED', '2026-12-16', "
                    + "NULL, FALSE)");
        }
        Flyway.configure().dataSource(H2, "sa", "").locations("classpath:db/migration").load().migrate();
        try (Connection c = DriverManager.getConnection(H2, "sa", ""); Statement st = c.createStatement()) {
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT case_deadline_id, ordinal, due_date, reading FROM case_deadline_alternative "
                    + "ORDER BY case_deadline_id, ordinal")) {
                while (rs.next()) {
                    rows.add(rs.getLong(1) + "/" + rs.getInt(2) + " " + rs.getString(3) + " " + rs.getString(4));
                }
            }
            assertEquals(List.of(
                    "1/0 2026-12-01 TDI closure days count as non-business days (the day after Thanksgiving); the request may be filed the next day",
                    "1/1 2026-11-27 closure days count (strict reading)",
                    "2/0 null whatever was written by hand"), rows);
            try (ResultSet rs = c.getMetaData().getColumns(null, null, "case_deadline", "alternatives")) {
                assertFalse(rs.next(), "the text column is gone");
            }
            st.executeUpdate("DELETE FROM case_deadline WHERE case_id = 1");
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM case_deadline_alternative")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "alternatives go with their deadline (recomputed deadlines are deleted and saved again)");
            }
        }
    }
}
