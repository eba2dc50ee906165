package io.arbiter.claims;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** V62 resets claim.payment_date / payment_trace of existing claims to their initial payment (embedded H2 database). */
class InitialPaymentDateMigrationTest {

    private static final String H2 = "jdbc:h2:mem:v62;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";

    @Test
    void existingClaimsCountFromTheirInitialPayment() throws SQLException {
        Flyway.configure().dataSource(H2, "sa", "").locations("classpath:db/migration").target("61").load().migrate();
        try (Connection c = DriverManager.getConnection(H2, "sa", ""); Statement st = c.createStatement()) {
            String now = "'2026-10-21 09:00:00'";
            st.executeUpdate("INSERT INTO practice (id, name, tin, billing_npi, created_at, updated_at) VALUES (1, 'P', '741234567', '1234567893', "
                    + now + ", " + now + ")");
            // As intake left them before issue 14: the latest remittance's date and trace on the claim.
            for (int claim = 1; claim <= 2; claim++) {
                st.executeUpdate("INSERT INTO claim (id, practice_id, patient_control_number, claim_status_code, total_charge, total_paid, "
                        + "patient_responsibility, payment_date, payment_trace, created_at, updated_at) VALUES (" + claim + ", 1, 'PCN" + claim
                        + "', '1', 1800.00, 410.40, 102.60, '2026-10-20', 'EFT00261020', " + now + ", " + now + ")");
            }
            // claim 1: paid 2026-09-01 (cancelled), reversed and re-paid 2026-10-20; claim 2 has no remittance on record.
            String remit = "INSERT INTO remittance (id, claim_id, patient_control_number, claim_status_code, total_charge, total_paid, "
                    + "payment_date, payment_trace, reversal, cancelled, created_at) VALUES ";
            st.executeUpdate(remit + "(1, 1, 'PCN1', '1', 1800.00, 310.40, '2026-09-01', 'EFT00260901', FALSE, TRUE, " + now + ")");
            st.executeUpdate(remit + "(2, 1, 'PCN1', '22', -1800.00, -310.40, '2026-10-20', 'EFT00261020', TRUE, TRUE, " + now + ")");
            st.executeUpdate(remit + "(3, 1, 'PCN1', '1', 1800.00, 410.40, '2026-10-20', 'EFT00261020', FALSE, FALSE, " + now + ")");
        }
        Flyway.configure().dataSource(H2, "sa", "").locations("classpath:db/migration").load().migrate();
        try (Connection c = DriverManager.getConnection(H2, "sa", ""); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, payment_date, payment_trace FROM claim ORDER BY id")) {
            rs.next();
            assertEquals("2026-09-01", rs.getString(2));
            assertEquals("EFT00260901", rs.getString(3));
            rs.next();
            assertEquals("2026-10-20", rs.getString(2), "a claim without remittances keeps its date");
            assertEquals("EFT00261020", rs.getString(3));
        }
    }
}
