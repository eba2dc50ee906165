package io.arbiter.denials;

import io.arbiter.common.Jdbc;
import io.arbiter.practice.Payer;
import io.arbiter.practice.Plan;
import io.arbiter.practice.PlanType;
import io.arbiter.practice.Practice;
import io.arbiter.reports.AuditReport;
import io.arbiter.support.ClaimFixtures;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Denial sync and audit report over N denied lines (default 20,000; -Ddenials.benchmark.lines=N), beside a plain
 * SQL baseline that streams the same lines with their adjustments and remarks in the same run.
 * Run: see docs/performance-denials.md. Excluded from surefire by name.
 */
@MicronautTest(transactional = false)
class DenialSyncBenchmark {

    /** code, group-carc, rarc: one claim per visit, four denied lines each. */
    static final String[][] LINES = {{"64483", "197", null}, {"64484", "198", null}, {"62323", "50", "N115"}, {"77003", "97", "M15"},
            {"64493", "4", null}, {"64635", "151", null}, {"64490", "252", null}, {"27096", "29", null}};

    @Inject Jdbc jdbc;
    @Inject ClaimFixtures fixtures;
    @Inject DenialService service;
    @Inject AuditReport report;

    @Test
    void syncAndReportVersusPlainRead() {
        int lines = Integer.getInteger("denials.benchmark.lines", 20_000);
        int claims = lines / 4;
        Practice practice = fixtures.practice();
        Payer payer = fixtures.payer("ACME HEALTH PLAN", "ACME1");
        Plan plan = fixtures.plan(payer, PlanType.SELF_FUNDED_ERISA, null);
        long g0 = System.nanoTime();
        generate(practice.id(), payer.id(), plan.id(), claims);
        double gen = (System.nanoTime() - g0) / 1e9;

        long b0 = System.nanoTime();
        long rows = jdbc.read(c -> {
            long n = 0;
            // each line with its claim's current remittance detail (adjustments and RARCs as stored, not decoded)
            try (PreparedStatement ps = c.prepareStatement("SELECT l.id, l.procedure_code, l.charge, l.paid, r.adjustments, r.remark_codes "
                    + "FROM claim_line l JOIN remittance r ON r.claim_id = l.claim_id AND r.cancelled = FALSE "
                    + "ORDER BY l.id", ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                ps.setFetchSize(Integer.MIN_VALUE);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getLong(1);
                        rs.getString(2);
                        rs.getBigDecimal(3);
                        rs.getString(5);
                        rs.getString(6);
                        n++;
                    }
                }
            }
            return n;
        });
        double baseline = (System.nanoTime() - b0) / 1e9;

        long s0 = System.nanoTime();
        DenialRequests.SyncResult first = service.sync(null);
        double sync = (System.nanoTime() - s0) / 1e9;
        long s1 = System.nanoTime();
        DenialRequests.SyncResult again = service.sync(null);
        double resync = (System.nanoTime() - s1) / 1e9;
        long r0 = System.nanoTime();
        AuditReport.Report r = report.build(null, null, io.arbiter.security.PracticeAccess.EVERY);
        double audit = (System.nanoTime() - r0) / 1e9;

        assertEquals(lines, first.created());
        assertEquals(lines, again.unchanged());
        assertEquals(lines, r.totals().denials());
        System.out.printf("DENIALS BENCHMARK lines=%d claims=%d generate=%.2fs | baseline plain read %d rows %.2fs (%.0f lines/s) | "
                        + "first sync %.2fs (%.0f lines/s) | re-sync %.2fs (%.0f lines/s) | audit report %.2fs (%.0f lines/s, %d items)%n",
                lines, claims, gen, rows, baseline, lines / baseline, sync, lines / sync, resync, lines / resync, audit, lines / audit,
                r.items().size());
    }

    private void generate(long practiceId, long payerId, long planId, int claims) {
        LocalDateTime now = LocalDateTime.of(2026, 11, 1, 0, 0);
        jdbc.inTransaction(c -> {
            try (PreparedStatement pc = c.prepareStatement("INSERT INTO claim (practice_id, payer_id, plan_id, patient_control_number, "
                    + "service_date_from, service_date_to, place_of_service, total_charge, total_paid, patient_responsibility, payment_date, "
                    + "created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
                for (int i = 0; i < claims; i++) {
                    LocalDate dos = LocalDate.of(2026, 1, 5).plusDays(i % 300);
                    pc.setLong(1, practiceId);
                    pc.setLong(2, payerId);
                    pc.setLong(3, planId);
                    pc.setString(4, "BENCH" + i);
                    pc.setDate(5, Date.valueOf(dos));
                    pc.setDate(6, Date.valueOf(dos));
                    pc.setString(7, "11");
                    pc.setBigDecimal(8, new java.math.BigDecimal("4000.00"));
                    pc.setBigDecimal(9, java.math.BigDecimal.ZERO);
                    pc.setBigDecimal(10, java.math.BigDecimal.ZERO);
                    pc.setDate(11, Date.valueOf(dos.plusDays(30)));
                    pc.setTimestamp(12, Timestamp.valueOf(now));
                    pc.setTimestamp(13, Timestamp.valueOf(now));
                    pc.addBatch();
                }
                pc.executeBatch();
            }
            try (PreparedStatement pl = c.prepareStatement("INSERT INTO claim_line (claim_id, line_number, procedure_code, units, charge, paid, "
                    + "service_date, created_at, updated_at) SELECT id, ?, ?, 1, 1000.00, 0, service_date_from, created_at, updated_at "
                    + "FROM claim WHERE patient_control_number LIKE 'BENCH%'")) {
                for (int n = 0; n < 4; n++) {
                    pl.setInt(1, n + 1);
                    pl.setString(2, LINES[n * 2 % LINES.length][0]);
                    pl.executeUpdate();
                }
            }
            try (Statement st = c.createStatement()) {
                // One keyed-in remittance per claim: a denial adjustment per line by its code (codes map 1:1 to CARCs in
                // LINES), M15/N115 remarks where given, in RemittanceDetail's text form.
                StringBuilder carc = new StringBuilder("CASE l.procedure_code");
                StringBuilder rarc = new StringBuilder("CASE l.procedure_code");
                for (String[] l : LINES) {
                    carc.append(" WHEN '").append(l[0]).append("' THEN '").append(l[1]).append("'");
                    if (l[2] != null) {
                        rarc.append(" WHEN '").append(l[0]).append("' THEN '").append(l[2]).append("'");
                    }
                }
                carc.append(" END");
                rarc.append(" END");
                st.executeUpdate("INSERT INTO remittance (claim_id, patient_control_number, payer_claim_control_number, payer_id, claim_status_code, "
                        + "total_charge, total_paid, payment_date, payment_trace, reversal, cancelled, lines_on_claim, adjustments, remark_codes, created_at) "
                        + "SELECT c.id, c.patient_control_number, c.payer_claim_control_number, c.payer_id, '4', c.total_charge, c.total_paid, "
                        + "c.payment_date, c.payment_trace, FALSE, FALSE, FALSE, "
                        + "GROUP_CONCAT(CONCAT(l.id, ',CO,', " + carc + ", ',1000.00,') ORDER BY l.line_number SEPARATOR ';'), "
                        + "GROUP_CONCAT(CONCAT(l.id, ',', " + rarc + ", ',LQ') ORDER BY l.line_number SEPARATOR ';'), c.created_at "
                        + "FROM claim c JOIN claim_line l ON l.claim_id = c.id WHERE c.patient_control_number LIKE 'BENCH%' GROUP BY c.id");
            }
            return null;
        });
    }
}
