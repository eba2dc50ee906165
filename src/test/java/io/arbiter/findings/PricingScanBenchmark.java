package io.arbiter.findings;

import io.arbiter.common.Jdbc;
import io.arbiter.practice.Patient;
import io.arbiter.practice.PatientRepository;
import io.arbiter.practice.Payer;
import io.arbiter.practice.Plan;
import io.arbiter.practice.PlanType;
import io.arbiter.practice.Practice;
import io.arbiter.pricing.BenchmarkStore;
import io.arbiter.pricing.PricingTestData;
import io.arbiter.support.ClaimFixtures;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scans N service lines (default 1,000,000; -Dpricing.benchmark.lines=N) against the UCR benchmark set
 * stored in MariaDB, side by side with a plain SQL join baseline over the same data in the same run.
 * Run: see docs/performance-pricing.md. Excluded from surefire by name.
 */
@MicronautTest(transactional = false)
class PricingScanBenchmark {

    /** Realistic visits (code[-modifier]); one visit per claim, padded to four lines with a repeat of the primary on the other side. */
    static final String[][] VISITS = {{"64483-50", "64484-50"}, {"62323"}, {"64493-RT", "64494-RT", "64493-LT", "64494-LT"},
            {"64635-RT", "64636-RT"}, {"63650"}, {"62321"}, {"64490-LT", "64491-LT"}, {"62323", "77003"}};
    static final String[] ZIPS = {"770301234", "752041000", "782011000", "787011000", "606011234"};

    @Inject Jdbc jdbc;
    @Inject PricingTestData data;
    @Inject ClaimFixtures fixtures;
    @Inject PatientRepository patients;
    @Inject FindingsScanner scanner;
    @Inject BenchmarkStore benchmarks;

    @Test
    void scanVersusPlainSqlJoin() {
        int lines = Integer.getInteger("pricing.benchmark.lines", 1_000_000);
        int linesPerClaim = 4;
        int claims = lines / linesPerClaim;
        data.load();
        Practice practice = fixtures.practice();
        Payer payer = fixtures.payer("ACME HEALTH PLAN", "ACME1");
        Plan plan = fixtures.plan(payer, PlanType.SELF_FUNDED_ERISA, null);
        long t0 = System.nanoTime();
        generate(practice.id(), payer.id(), plan.id(), claims, linesPerClaim);
        double genSeconds = (System.nanoTime() - t0) / 1e9;
        benchmarks.evict();

        // Baseline: the same comparison as one plain SQL join (benchmark x units vs allowed), rows streamed to the client.
        long b0 = System.nanoTime();
        long baselineRows = jdbc.read(c -> {
            long n = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT l.id, l.claim_id, b.amount * l.units - l.allowed AS gap "
                    + "FROM claim_line l JOIN claim c ON c.id = l.claim_id JOIN benchmark_rate b ON b.set_name = ? AND b.kind = 'BILLED' "
                    + "AND b.percentile = 80 AND b.procedure_code = l.procedure_code AND b.modifier = '' AND b.geozip = SUBSTRING(c.service_zip, 1, 3) "
                    + "AND l.service_date BETWEEN b.effective_from AND b.effective_to", ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                ps.setFetchSize(Integer.MIN_VALUE);
                ps.setString(1, "DEMO-SYNTHETIC-2026");
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getLong(1);
                        rs.getLong(2);
                        rs.getBigDecimal(3);
                        n++;
                    }
                }
            }
            return n;
        });
        double baselineSeconds = (System.nanoTime() - b0) / 1e9;

        // Warm-up, like the import benchmark's: scan the first 5 % of the claims once by id (the JIT compiles pricing,
        // scrubbing and writing, as in a running service), then drop those findings by TRUNCATE (nothing left to purge).
        java.util.List<Long> warm = jdbc.read(c -> {
            java.util.List<Long> ids = new java.util.ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id FROM claim ORDER BY id LIMIT " + Math.max(1, claims / 20))) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        });
        scanner.scan(new FindingsScanner.ScanRequest(warm, "DEMO-SYNTHETIC-2026", 80, "BILLED"));
        jdbc.read(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("SET foreign_key_checks = 0");
                st.execute("TRUNCATE TABLE finding");
                st.execute("SET foreign_key_checks = 1");
            }
            return null;
        });

        double loadBefore = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        io.arbiter.support.CpuMeter cpu = new io.arbiter.support.CpuMeter();
        long s0 = System.nanoTime();
        FindingsScanner.ScanResult r = scanner.scan(new FindingsScanner.ScanRequest(null, "DEMO-SYNTHETIC-2026", 80, "BILLED"));
        double scanSeconds = (System.nanoTime() - s0) / 1e9;

        double loadAfter = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        double scanRate = r.lines() / scanSeconds;
        double baseRate = lines / baselineSeconds;
        System.out.printf("%nPricingScanBenchmark: N=%,d lines in %,d claims (generated in %.1f s)%n", lines, claims, genSeconds);
        System.out.printf("  plain SQL join baseline: %,d matched rows in %.2f s = %,.0f lines/s%n", baselineRows, baselineSeconds, baseRate);
        System.out.printf("  FindingsScanner (price + scrub + classify + write findings): %,d lines, %,d findings in %.2f s = %,.0f lines/s%n",
                r.lines(), r.findings(), scanSeconds, scanRate);
        System.out.printf("  ratio scanner/baseline = %.2f; findings by type %s; time split ms %s%n", scanRate / baseRate, r.byType(), r.millis());
        System.out.printf("  load average (1 min) before/after the scan: %.2f / %.2f on %d cores; scan used %s%n%n", loadBefore, loadAfter,
                Runtime.getRuntime().availableProcessors(), cpu.since());
        assertTrue(r.lines() == lines);
    }

    private void generate(long practiceId, long payerId, long planId, int claims, int linesPerClaim) {
        Random random = new Random(42);
        Patient[] ps = new Patient[Math.max(1, claims / 4)];
        jdbc.inTransaction(c -> {
            Timestamp now = Timestamp.valueOf(LocalDateTime.of(2026, 11, 1, 0, 0));
            long firstPatient;
            try (PreparedStatement pp = c.prepareStatement("INSERT INTO patient (practice_id, last_name, first_name, created_at, updated_at) "
                    + "VALUES (?,?,?,?,?)")) {
                for (int i = 0; i < ps.length; i++) {
                    pp.setLong(1, practiceId);
                    pp.setString(2, "BENCH" + i);
                    pp.setString(3, "P");
                    pp.setTimestamp(4, now);
                    pp.setTimestamp(5, now);
                    pp.addBatch();
                    if (i % 5000 == 4999) {
                        pp.executeBatch();
                    }
                }
                pp.executeBatch();
            }
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT MIN(id) FROM patient WHERE last_name LIKE 'BENCH%'")) {
                rs.next();
                firstPatient = rs.getLong(1);
            }
            long firstClaim;
            LocalDate[] dates = new LocalDate[claims];
            try (PreparedStatement pc = c.prepareStatement("INSERT INTO claim (practice_id, patient_id, payer_id, plan_id, patient_control_number, "
                    + "claim_status_code, service_date_from, service_date_to, place_of_service, service_zip, service_state, created_at, updated_at) "
                    + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                for (int i = 0; i < claims; i++) {
                    LocalDate dos = LocalDate.of(2026, 1, 5).plusDays(random.nextInt(330));
                    dates[i] = dos;
                    pc.setLong(1, practiceId);
                    pc.setLong(2, firstPatient + (i % ps.length));
                    pc.setLong(3, payerId);
                    pc.setLong(4, planId);
                    pc.setString(5, "BENCH" + i);
                    pc.setString(6, "1");
                    pc.setDate(7, Date.valueOf(dos));
                    pc.setDate(8, Date.valueOf(dos));
                    pc.setString(9, random.nextBoolean() ? "24" : "11");
                    pc.setString(10, ZIPS[random.nextInt(100) < 97 ? random.nextInt(4) : 4]);
                    pc.setString(11, "TX");
                    pc.setTimestamp(12, now);
                    pc.setTimestamp(13, now);
                    pc.addBatch();
                    if (i % 5000 == 4999) {
                        pc.executeBatch();
                    }
                }
                pc.executeBatch();
            }
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT MIN(id) FROM claim WHERE patient_control_number LIKE 'BENCH%'")) {
                rs.next();
                firstClaim = rs.getLong(1);
            }
            try (PreparedStatement pl = c.prepareStatement("INSERT INTO claim_line (claim_id, line_number, procedure_code, modifier1, units, charge, "
                    + "allowed, paid, service_date, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
                int n = 0;
                for (int i = 0; i < claims; i++) {
                    String[] visit = VISITS[random.nextInt(VISITS.length)];
                    for (int k = 0; k < linesPerClaim; k++) {
                        String[] cm = visit[k % visit.length].split("-");
                        String code = cm[0];
                        BigDecimal charge = BigDecimal.valueOf(800 + random.nextInt(3000)).setScale(2);
                        BigDecimal allowed = charge.multiply(BigDecimal.valueOf(10 + random.nextInt(90))).movePointLeft(2).setScale(2, java.math.RoundingMode.HALF_UP);
                        pl.setLong(1, firstClaim + i);
                        pl.setInt(2, k + 1);
                        pl.setString(3, code);
                        pl.setString(4, cm.length > 1 ? cm[1] : null);
                        pl.setBigDecimal(5, BigDecimal.ONE);
                        pl.setBigDecimal(6, charge);
                        pl.setBigDecimal(7, allowed);
                        pl.setBigDecimal(8, allowed.multiply(new BigDecimal("0.8")).setScale(2, java.math.RoundingMode.HALF_UP));
                        pl.setDate(9, Date.valueOf(dates[i]));
                        pl.setTimestamp(10, now);
                        pl.setTimestamp(11, now);
                        pl.addBatch();
                        if (++n % 10000 == 0) {
                            pl.executeBatch();
                        }
                    }
                }
                pl.executeBatch();
            }
            return null;
        });
    }
}
