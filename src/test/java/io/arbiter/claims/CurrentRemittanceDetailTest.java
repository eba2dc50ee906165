package io.arbiter.claims;

import io.arbiter.support.ClaimFixtures;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A claim's current detail, and the claims with a line adjustment found across more than one page of remittances. */
@MicronautTest(transactional = false)
class CurrentRemittanceDetailTest {

    private static final String DIGITS = "(SELECT 0 d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 "
            + "UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9)";

    @Inject CurrentRemittanceDetail detail;
    @Inject ClaimFixtures fixtures;
    @Inject RemittanceRepository remittances;
    @Inject DataSource dataSource;
    @Inject DataSourceResolver resolver;

    @Test
    void claimsWithADenialAdjustmentAreFoundAcrossPagesAndCancelledOrPatientOnesAreNot() throws Exception {
        int claims = 2 * CurrentRemittanceDetail.PAGE + 5;
        long practice = fixtures.practice().id();
        String tag = "PG" + System.nanoTime() % 1_000_000 + "-";
        List<Long> ids = new ArrayList<>();
        try (Connection c = resolver.resolve(dataSource).getConnection(); Statement st = c.createStatement()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO claim (practice_id, patient_control_number, created_at, updated_at) "
                    + "SELECT ?, CONCAT(?, n), NOW(), NOW() FROM (SELECT a.d * 1000 + b.d * 100 + e.d * 10 + f.d AS n FROM " + DIGITS + " a, "
                    + DIGITS + " b, " + DIGITS + " e, " + DIGITS + " f) s WHERE n < ? ORDER BY n")) {
                ps.setLong(1, practice);
                ps.setString(2, tag);
                ps.setInt(3, claims);
                assertEquals(claims, ps.executeUpdate());
            }
            try (ResultSet rs = st.executeQuery("SELECT id FROM claim WHERE patient_control_number LIKE '" + tag + "%' ORDER BY id")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            // every claim: a current remittance; every third: a CO-197 denial on its line; every fifth of those: only on a
            // cancelled remittance; the rest: contractual and patient share only, or a claim-level CO-197
            st.executeUpdate("INSERT INTO remittance (claim_id, patient_control_number, claim_status_code, total_charge, total_paid, reversal, "
                    + "cancelled, lines_on_claim, adjustments, created_at) SELECT id, patient_control_number, '1', 100.00, 0.00, FALSE, FALSE, FALSE, "
                    + "CASE WHEN MOD(id, 3) = 0 AND MOD(id, 5) <> 0 THEN CONCAT(id, ',CO,197,100.00,') "
                    + "WHEN MOD(id, 7) = 0 THEN ',CO,197,100.00,' ELSE CONCAT(id, ',CO,45,80.00,;', id, ',PR,2,20.00,') END, NOW() "
                    + "FROM claim WHERE patient_control_number LIKE '" + tag + "%'");
            st.executeUpdate("INSERT INTO remittance (claim_id, patient_control_number, claim_status_code, total_charge, total_paid, reversal, "
                    + "cancelled, lines_on_claim, adjustments, created_at) SELECT id, patient_control_number, '1', 100.00, 0.00, FALSE, TRUE, FALSE, "
                    + "CONCAT(id, ',CO,197,100.00,'), NOW() FROM claim WHERE patient_control_number LIKE '" + tag + "%' AND MOD(id, 3) = 0 "
                    + "AND MOD(id, 5) = 0");
        }
        List<Long> expected = ids.stream().filter(id -> id % 3 == 0 && id % 5 != 0).toList();

        List<Long> found = detail.claimsWithLineAdjustment(a -> !"PR".equals(a.groupCode()) && "197".equals(a.reasonCode()));

        List<Long> ours = found.stream().filter(ids::contains).toList();
        assertEquals(expected, ours);
        assertTrue(expected.size() > CurrentRemittanceDetail.PAGE / 3, "the matches span pages");
        for (int i = 1; i < found.size(); i++) {
            assertTrue(found.get(i - 1) < found.get(i), "ascending, no repeats");
        }
    }

    @Test
    void aClaimsCurrentDetailLeavesCancelledRemittancesOut() {
        Claim claim = fixtures.nsaTfesiClaim("CURDET" + System.nanoTime() % 1_000_000);
        CurrentRemittanceDetail.Detail before = detail.of(claim.id());
        assertEquals(4, before.adjustments().size());
        assertEquals(7, before.remarkCodes().size());

        // a keyed-in correction that was later cancelled adds nothing to the current picture
        remittances.save(new Remittance(null, claim.id(), null, claim.patientControlNumber(), claim.payerClaimControlNumber(),
                claim.payerId(), "22", claim.totalCharge().negate(), claim.totalPaid().negate(), null, null, claim.paymentDate(), "EFT9",
                true, true, "1,CO,45,-1.00,", ",N830,MOA", null));
        CurrentRemittanceDetail.Detail after = detail.of(claim.id());
        assertEquals(before, after);
    }
}
