package io.arbiter.cases;

import org.flywaydb.core.Flyway;
import io.arbiter.support.OwnDatabase;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * V77/V78 move per-line packet details (text) into typed case_line_terms; values that are not amounts as written are
 * kept verbatim in case_line_terms_rejected, never guessed — on the real MariaDB (a database of its own) and on H2.
 */
class CaseLineTermsMigrationTest {

    private static final String DATABASE = "arbiter_terms_migration_test";
    private static final String H2 = "jdbc:h2:mem:termsmigration;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;"
            + "NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1";

    @Test
    void movesLineValuesIntoTypedTermsOnMariaDb() throws SQLException {
        OwnDatabase.onMariaDb(DATABASE, CaseLineTermsMigrationTest::migrateAndCheck);
    }

    @Test
    void movesLineValuesIntoTypedTermsOnH2() throws SQLException {
        migrateAndCheck(H2, "sa", "");
    }

    private static void migrateAndCheck(String url, String user, String password) throws SQLException {
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").target("76").load().migrate();
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            String now = "'2026-11-20 09:00:00'";
            st.executeUpdate("INSERT INTO practice (id, name, tin, billing_npi, created_at, updated_at) VALUES (1, 'P', '741234567', '1234567893', "
                    + now + ", " + now + ")");
            st.executeUpdate("INSERT INTO claim (id, practice_id, patient_control_number, claim_status_code, total_charge, total_paid, "
                    + "patient_responsibility, created_at, updated_at) VALUES (1, 1, 'PCN1', '1', 2400.00, 336.00, 0, " + now + ", " + now + ")");
            for (int l = 1; l <= 2; l++) {
                st.executeUpdate("INSERT INTO claim_line (id, claim_id, line_number, procedure_code, created_at, updated_at) VALUES ("
                        + l + ", 1, " + l + ", '6448" + (2 + l) + "', " + now + ", " + now + ")");
            }
            st.executeUpdate("INSERT INTO dispute_case (id, case_number, practice_id, track, stage, created_at, updated_at) VALUES "
                    + "(1, 'ARB-2026-00001', 1, 'FEDERAL_IDR', 'OPEN_NEGOTIATION', " + now + ", " + now + ")");
            for (int l = 1; l <= 2; l++) {
                st.executeUpdate("INSERT INTO case_line (id, case_id, claim_id, claim_line_id, procedure_code, billed, paid) VALUES ("
                        + l + ", 1, 1, " + l + ", '6448" + (2 + l) + "', 1200.00, 168.00)");
            }
            String detail = "INSERT INTO packet_detail (scope, scope_id, field_key, field_value, updated_by, updated_at) VALUES ";
            // line 1: all good, in the forms people type
            st.executeUpdate(detail + "('LINE', 1, 'qpa', '1234.50', 'spec', " + now + ")");
            st.executeUpdate(detail + "('LINE', 1, 'offer', '$2,950.00', 'spec', " + now + ")");
            st.executeUpdate(detail + "('LINE', 1, 'units', '2', 'spec', " + now + ")");
            st.executeUpdate(detail + "('LINE', 1, 'description', 'Transforaminal ESI, lumbar', 'spec', " + now + ")");
            // line 2: what a text field accepted and must not be guessed
            st.executeUpdate(detail + "('LINE', 2, 'qpa', 'abc', 'spec', " + now + ")");
            st.executeUpdate(detail + "('LINE', 2, 'offer', '1,234.5x', 'spec', " + now + ")");
            st.executeUpdate(detail + "('LINE', 2, 'mar', '-10', 'spec', " + now + ")");
            st.executeUpdate(detail + "('LINE', 2, 'amountInDispute', '12.345', 'spec', " + now + ")");
            // a case-level detail stays where it is
            st.executeUpdate(detail + "('CASE', 1, 'idr.disputeNumber', 'DISP-1234567', 'spec', " + now + ")");
        }
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load().migrate();
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT case_line_id, qpa, offer, mar, amount_in_dispute, units, description "
                    + "FROM case_line_terms ORDER BY case_line_id")) {
                assertTrue(rs.next());
                assertEquals(1, rs.getLong(1));
                assertEquals("1234.50", rs.getBigDecimal(2).toPlainString());
                assertEquals("2950.00", rs.getBigDecimal(3).toPlainString());
                assertEquals(null, rs.getBigDecimal(4));
                assertEquals(2, rs.getInt(6));
                assertEquals("Transforaminal ESI, lumbar", rs.getString(7));
                assertTrue(rs.next());
                assertEquals(2, rs.getLong(1));
                assertEquals(null, rs.getBigDecimal(2), "'abc' is not guessed");
                assertEquals(null, rs.getBigDecimal(3), "'1,234.5x' is not guessed");
                assertEquals(null, rs.getBigDecimal(4));
                assertEquals(null, rs.getBigDecimal(5));
                assertFalse(rs.next());
            }
            List<String> rejected = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT case_line_id, field_key, field_value, reason FROM case_line_terms_rejected ORDER BY id")) {
                while (rs.next()) {
                    rejected.add(rs.getLong(1) + " " + rs.getString(2) + "=" + rs.getString(3) + ": " + rs.getString(4));
                }
            }
            assertEquals(List.of("2 qpa=abc: is not an amount (e.g. 1234.50)", "2 offer=1,234.5x: is not an amount (e.g. 1234.50)",
                    "2 mar=-10: is negative; an amount here is never below zero", "2 amountInDispute=12.345: has more than two decimals"),
                    rejected);
            try (ResultSet rs = st.executeQuery("SELECT scope, COUNT(*) FROM packet_detail GROUP BY scope ORDER BY scope")) {
                assertTrue(rs.next());
                assertEquals("CASE", rs.getString(1), "no LINE detail is left to be read as text");
                assertEquals(1, rs.getInt(2));
                assertFalse(rs.next());
            }
        }
    }
}
