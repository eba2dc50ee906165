package io.arbiter.claims;

import org.flywaydb.core.Flyway;
import io.arbiter.support.OwnDatabase;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * V13–V15 move adjustment, remark_code and cancelled_remittance_detail rows onto their remittances, on the real
 * MariaDB server (a database of its own, so the suite's schema is untouched) and on H2 (the embedded default).
 */
class RemittanceDetailMigrationTest {

    private static final String DATABASE = "arbiter_migration_test";
    private static final String H2 = "jdbc:h2:mem:migration;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;"
            + "NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1";

    @Test
    void movesRowsOntoTheirRemittancesOnMariaDb() throws SQLException {
        OwnDatabase.onMariaDb(DATABASE, RemittanceDetailMigrationTest::migrateAndCheck);
    }

    @Test
    void movesRowsOntoTheirRemittancesOnH2() throws SQLException {
        migrateAndCheck(H2, "sa", "");
    }

    private static void migrateAndCheck(String url, String user, String password) throws SQLException {
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").target("12").load().migrate();
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            String now = "'2026-10-01 09:00:00'";
            st.executeUpdate("INSERT INTO practice (id, name, tin, billing_npi, created_at, updated_at) VALUES (1, 'P', '741234567', '1234567893', "
                    + now + ", " + now + ")");
            st.executeUpdate("INSERT INTO import_file (id, file_name, sha256, status, started_at, created_at, updated_at) VALUES (1, 'a.835', '"
                    + "0".repeat(64) + "', 'COMPLETED', " + now + ", " + now + ", " + now + ")");
            for (int claim = 1; claim <= 2; claim++) {
                st.executeUpdate("INSERT INTO claim (id, practice_id, patient_control_number, claim_status_code, total_charge, total_paid, "
                        + "patient_responsibility, payment_trace, created_at, updated_at) VALUES (" + claim + ", 1, 'PCN" + claim + "', '1', 1000.00, "
                        + "640.00, 160.00, 'EFT" + claim + "', " + now + ", " + now + ")");
                st.executeUpdate("INSERT INTO claim_line (id, claim_id, line_number, procedure_code, created_at, updated_at) VALUES ("
                        + (10 + claim) + ", " + claim + ", 1, '62323', " + now + ", " + now + ")");
            }
            // claim 1: a paid remittance (5) and a cancelled original (4) whose detail had moved to the history table
            for (int remittance : new int[]{4, 5}) {
                st.executeUpdate("INSERT INTO remittance (id, claim_id, import_id, patient_control_number, claim_status_code, total_charge, "
                        + "total_paid, reversal, cancelled, created_at) VALUES (" + remittance + ", 1, 1, 'PCN1', '1', 1000.00, 640.00, FALSE, "
                        + (remittance == 4) + ", " + now + ")");
            }
            st.executeUpdate("INSERT INTO adjustment (claim_id, claim_line_id, remittance_id, group_code, reason_code, amount) VALUES "
                    + "(1, 11, 5, 'CO', '45', 200.00), (1, 11, 5, 'PR', '2', 160.00), (1, NULL, 5, 'OA', '23', 0.00), "
                    + "(2, 12, NULL, 'CO', '97', 1000.00)");
            st.executeUpdate("INSERT INTO remark_code (claim_id, claim_line_id, remittance_id, code, source) VALUES "
                    + "(1, 11, 5, 'N830', 'LQ'), (1, NULL, 5, 'MA01', 'MOA'), (2, 12, NULL, 'M15', 'LQ')");
            st.executeUpdate("INSERT INTO cancelled_remittance_detail (remittance_id, claim_id, claim_line_id, kind, group_code, code, amount, "
                    + "quantity, source) VALUES (4, 1, 11, 'ADJUSTMENT', 'CO', '45', 360.00, 1.000, NULL), (4, 1, 11, 'REMARK', NULL, 'N830', "
                    + "NULL, NULL, 'LQ')");
        }

        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load().migrate();

        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            List<String[]> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT id, claim_id, import_id, adjustments, remark_codes, total_paid, cancelled "
                    + "FROM remittance ORDER BY claim_id, id")) {
                while (rs.next()) {
                    rows.add(new String[]{rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7)});
                }
            }
            assertEquals(3, rows.size());
            assertEquals("11,CO,45,360.00,1.000", rows.get(0)[3]);
            assertEquals("11,N830,LQ", rows.get(0)[4]);
            assertEquals("11,CO,45,200.00,;11,PR,2,160.00,;,OA,23,0.00,", rows.get(1)[3]);
            assertEquals("11,N830,LQ;,MA01,MOA", rows.get(1)[4]);
            // claim 2's loose rows get a remittance of their own, copied from the claim, with no import
            assertEquals("2", rows.get(2)[1]);
            assertNull(rows.get(2)[2]);
            assertEquals(new BigDecimal("640.00"), new BigDecimal(rows.get(2)[5]));
            Long id = Long.valueOf(rows.get(2)[0]);
            assertEquals(List.of(new Adjustment(2L, 12L, id, "CO", "97", new BigDecimal("1000.00"), null)),
                    RemittanceDetail.adjustments(2L, id, rows.get(2)[3]));
            assertEquals(List.of(new RemarkCode(2L, 12L, id, "M15", "LQ")), RemittanceDetail.remarks(2L, id, rows.get(2)[4]));
            for (String table : new String[]{"adjustment", "remark_code", "cancelled_remittance_detail"}) {
                try (ResultSet rs = c.getMetaData().getTables(c.getCatalog(), null, table, null)) {
                    assertFalse(rs.next(), table + " is dropped");
                }
            }
        }
    }
}
