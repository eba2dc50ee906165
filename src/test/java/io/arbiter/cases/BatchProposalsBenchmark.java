package io.arbiter.cases;

import io.arbiter.common.Jdbc;
import io.arbiter.practice.NetworkStatus;
import io.arbiter.practice.Payer;
import io.arbiter.practice.Plan;
import io.arbiter.practice.PlanRepository;
import io.arbiter.practice.PlanType;
import io.arbiter.practice.Practice;
import io.arbiter.security.PracticeAccess;
import io.arbiter.security.Roles;
import io.arbiter.support.ClaimFixtures;
import io.arbiter.support.CpuMeter;
import io.arbiter.support.TestAccounts;
import io.arbiter.support.TestClock;
import io.arbiter.tracks.ClaimTracks;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Batch proposals over N claims (default 100,000; -Dbatches.benchmark.claims=N), "today" 2026-12-01: 70 % federal IDR
 * (four payers), 10 % each Texas arbitration, workers' comp and commercial appeal (in-network plan); 1–2 lines per
 * claim over 8 pain codes and 3 billing NPIs, served 2026-08-01..11-20 and paid 14–30 days later (about half past
 * their open-negotiation window), 2 % without a payment date, 60 % of lines priced (an UNDERPAYMENT finding), 100
 * claims already in open cases. Times, against a plain SQL read of the same candidate rows in the same run: deciding
 * every claim's track once (cold), re-deciding 1 % after a change, the proposer's first page, and GET /ui/batches as a
 * specialist (HTML size too). Run: see docs/performance.md. Excluded from surefire by name.
 */
@MicronautTest(transactional = false)
class BatchProposalsBenchmark {

    static final String[] CODES = {"64483", "64484", "62323", "64493", "64635", "64490", "62321", "63650"};
    static final String[] NPIS = {"1234567893", "1639172858", "1558367778"};
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @Inject Jdbc jdbc;
    @Inject ClaimFixtures fixtures;
    @Inject PlanRepository plans;
    @Inject TestClock clock;
    @Inject TestAccounts accounts;
    @Inject EmbeddedServer server;
    @Inject BatchProposer proposer;
    @Inject ClaimTracks tracks;
    @Inject CaseService cases;

    @Test
    void proposalsPageVersusPlainSqlRead() throws Exception {
        int n = Integer.getInteger("batches.benchmark.claims", 100_000);
        clock.today(TODAY);
        try {
            run(n);
        } finally {
            clock.reset();
        }
    }

    private void run(int n) throws Exception {
        Practice practice = fixtures.practice();
        List<Plan> planOf = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            planOf.add(fixtures.plan(fixtures.payer("FEDERAL PAYER " + i, "FED" + i), PlanType.SELF_FUNDED_ERISA, null));
        }
        planOf.add(fixtures.plan(fixtures.payer("BLUEBONNET ASSURANCE", "BLUE1"), PlanType.FULLY_INSURED_STATE, "TX"));
        planOf.add(fixtures.plan(fixtures.payer("LONE STAR COMP", "LSCOMP"), PlanType.WORKERS_COMP, "TX"));
        Payer contracted = fixtures.payer("CONTRACTED HEALTH", "CONTR");
        planOf.add(plans.save(Plan.create(contracted.id(), "CONTRACTED PPO", PlanType.SELF_FUNDED_ERISA, null, NetworkStatus.IN_NETWORK)));
        long g0 = System.nanoTime();
        int lines = generate(practice.id(), planOf, n);
        double genSeconds = (System.nanoTime() - g0) / 1e9;

        // a few claims already disputed (opened as the service does, one case per claim)
        List<Long> open = jdbc.read(c -> ids(c, "SELECT id FROM claim WHERE plan_id = " + planOf.get(0).id()
                + " AND payment_date >= '2026-11-01' ORDER BY id LIMIT 100"));
        for (Long id : open) {
            cases.open(new CaseRequests.Create(List.of(id), null, null, null), "bench", PracticeAccess.EVERY);
        }

        CpuMeter coldCpu = new CpuMeter();
        long t0 = System.nanoTime();
        int decided = tracks.refresh(PracticeAccess.EVERY);
        double coldSeconds = (System.nanoTime() - t0) / 1e9;
        String coldCpuText = coldCpu.since();
        jdbc.read(c -> {
            try (Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE claim SET version = version + 1 WHERE id % 100 = 0");
            }
            return null;
        });
        long s0 = System.nanoTime();
        int stale = tracks.refresh(PracticeAccess.EVERY);
        double staleSeconds = (System.nanoTime() - s0) / 1e9;
        Map<String, Integer> byTrack = new HashMap<>();
        jdbc.read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT track, COUNT(*) FROM claim_track GROUP BY track")) {
                while (rs.next()) {
                    byTrack.put(rs.getString(1), rs.getInt(2));
                }
            }
            return null;
        });

        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String cookie = login(http);
        for (int i = 0; i < 3; i++) { // warm-up: the JIT compiles the proposer, the page and the template
            proposer.page(BatchCandidates.Filter.NONE, PracticeAccess.EVERY, 0, 20, 0, 0, 10);
            get(http, cookie, "/ui/batches");
            get(http, cookie, "/ui/batches?excluded=1&xpage=3");
            baseline();
        }
        double loadBefore = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        CpuMeter cpu = new CpuMeter();
        int runs = 7;
        double[] base = new double[runs];
        double[] prop = new double[runs];
        double[] page = new double[runs];
        double[] filtered = new double[runs];
        double[] leftOut = new double[runs];
        long baselineRows = 0;
        BatchProposer.Page first = null;
        String html = "";
        for (int i = 0; i < runs; i++) {
            long b = System.nanoTime();
            baselineRows = baseline();
            base[i] = (System.nanoTime() - b) / 1e6;
            long p = System.nanoTime();
            first = proposer.page(BatchCandidates.Filter.NONE, PracticeAccess.EVERY, 0, 20, 0, 0, 10);
            prop[i] = (System.nanoTime() - p) / 1e6;
            long h = System.nanoTime();
            HttpResponse<String> r = get(http, cookie, "/ui/batches");
            page[i] = (System.nanoTime() - h) / 1e6;
            assertEquals(200, r.statusCode());
            html = r.body();
            long f = System.nanoTime();
            get(http, cookie, "/ui/batches?payer=" + planOf.get(1).payerId() + "&code=64483&from=2026-10-01&to=2026-11-30");
            filtered[i] = (System.nanoTime() - f) / 1e6;
            long x = System.nanoTime();
            assertEquals(200, get(http, cookie, "/ui/batches?excluded=1&xpage=" + (i * 100)).statusCode());
            leftOut[i] = (System.nanoTime() - x) / 1e6;
        }
        double loadAfter = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        System.out.printf("%nBatchProposalsBenchmark: %,d claims, %,d lines (generated in %.1f s); tracks %s%n", n, lines, genSeconds, byTrack);
        System.out.printf("  track decisions, cold: %,d claims in %.2f s (%s); after 1 %% changed: %,d in %.2f s%n", decided, coldSeconds,
                coldCpuText, stale, staleSeconds);
        System.out.printf("  baseline (plain SQL read of the candidate rows): %,d rows, median %.0f ms%n", baselineRows, median(base));
        System.out.printf("  proposer, first page: %,d proposals, %,d lines left out; median %.0f ms (runs %s)%n", first.proposalCount(),
                first.excludedCount(), median(prop), Arrays.toString(round(prop)));
        System.out.printf("  GET /ui/batches as a specialist: median %.0f ms (runs %s), %,d bytes of HTML; filtered (payer, code, dates) "
                + "median %.0f ms; a page of 50 left-out lines median %.0f ms%n", median(page), Arrays.toString(round(page)),
                html.getBytes(StandardCharsets.UTF_8).length, median(filtered), median(leftOut));
        System.out.printf("  load average (1 min) before/after: %.2f / %.2f on %d cores; timed runs used %s%n%n", loadBefore, loadAfter,
                Runtime.getRuntime().availableProcessors(), cpu.since());
        assertTrue(first.proposalCount() > 0);
        assertTrue(median(page) < 1000, "the page renders in under a second: " + median(page) + " ms");
    }

    /** The same candidate rows the proposer reads, as one plain query (no categories, no gaps, no windowing). */
    private long baseline() {
        return jdbc.read(c -> {
            long rows = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT l.id, c.id, c.billing_npi, c.payer_id, l.procedure_code, "
                    + "COALESCE(l.service_date, c.service_date_from) dos, c.payment_date, l.charge, l.paid FROM claim_line l "
                    + "JOIN claim c ON c.id = l.claim_id JOIN claim_track t ON t.claim_id = c.id AND t.track = 'FEDERAL_IDR' "
                    + "WHERE c.payment_date >= '2026-10-19' ORDER BY c.billing_npi, c.payer_id, l.procedure_code, dos, c.id, l.id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getLong(1);
                    rs.getBigDecimal(8);
                    rows++;
                }
            }
            return rows;
        });
    }

    private int generate(long practiceId, List<Plan> planOf, int n) {
        Random random = new Random(21);
        Timestamp now = Timestamp.valueOf(LocalDateTime.of(2026, 12, 1, 6, 0));
        jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO claim (practice_id, payer_id, plan_id, patient_control_number, "
                    + "claim_status_code, frequency_code, service_date_from, service_date_to, place_of_service, facility_network_status, "
                    + "service_zip, service_state, rendering_npi, billing_npi, diagnosis_codes, total_charge, total_paid, "
                    + "patient_responsibility, payment_date, created_at, updated_at) VALUES (?,?,?,?,'1','1',?,?,'24','IN_NETWORK',"
                    + "'752041000','TX','2345678900',?,'M5416',?,?,?,?,?,?)")) {
                for (int i = 0; i < n; i++) {
                    int r = random.nextInt(100);
                    Plan plan = planOf.get(r < 70 ? r % 4 : r < 80 ? 4 : r < 90 ? 5 : 6);
                    LocalDate dos = LocalDate.of(2026, 8, 1).plusDays(random.nextInt(112));
                    LocalDate paid = dos.plusDays(14 + random.nextInt(17));
                    ps.setLong(1, practiceId);
                    ps.setLong(2, plan.payerId());
                    ps.setLong(3, plan.id());
                    ps.setString(4, String.format("BB%07d", i));
                    ps.setDate(5, Date.valueOf(dos));
                    ps.setDate(6, Date.valueOf(dos));
                    ps.setString(7, NPIS[random.nextInt(NPIS.length)]);
                    ps.setBigDecimal(8, new BigDecimal("2400.00"));
                    ps.setBigDecimal(9, new BigDecimal("268.80"));
                    ps.setBigDecimal(10, new BigDecimal("67.20"));
                    ps.setDate(11, random.nextInt(50) == 0 || paid.isAfter(TODAY) ? null : Date.valueOf(paid));
                    ps.setTimestamp(12, now);
                    ps.setTimestamp(13, now);
                    ps.addBatch();
                    if (i % 5_000 == 4_999) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            return null;
        });
        List<long[]> claimDates = jdbc.read(c -> {
            List<long[]> out = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id, service_date_from FROM claim "
                    + "WHERE patient_control_number LIKE 'BB%' ORDER BY id")) {
                while (rs.next()) {
                    out.add(new long[] {rs.getLong(1), rs.getDate(2).toLocalDate().toEpochDay()});
                }
            }
            return out;
        });
        int[] count = {0};
        jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO claim_line (claim_id, line_number, procedure_code, units, charge, "
                    + "allowed, paid, service_date, created_at, updated_at) VALUES (?,?,?,1,2400.00,336.00,268.80,?,?,?)")) {
                for (long[] cd : claimDates) {
                    int linesHere = 1 + random.nextInt(2);
                    for (int l = 1; l <= linesHere; l++) {
                        ps.setLong(1, cd[0]);
                        ps.setInt(2, l);
                        ps.setString(3, CODES[random.nextInt(CODES.length)]);
                        ps.setDate(4, Date.valueOf(LocalDate.ofEpochDay(cd[1] + (l - 1) * random.nextInt(3))));
                        ps.setTimestamp(5, now);
                        ps.setTimestamp(6, now);
                        ps.addBatch();
                        if (++count[0] % 5_000 == 0) {
                            ps.executeBatch();
                        }
                    }
                }
                ps.executeBatch();
            }
            // 60 % of the lines priced: one UNDERPAYMENT finding each
            try (Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO finding (type, claim_id, line_id, rule_id, severity, expected, paid, gap, explanation, "
                        + "created_at) SELECT 'UNDERPAYMENT', l.claim_id, l.id, 'BENCH', 'HIGH', 268.80 + (l.id % 900), 268.80, l.id % 900, "
                        + "'benchmark gap', '2026-12-01 06:00:00' FROM claim_line l JOIN claim c ON c.id = l.claim_id "
                        + "WHERE c.patient_control_number LIKE 'BB%' AND l.id % 10 < 6");
            }
            return null;
        });
        return count[0];
    }

    private static List<Long> ids(java.sql.Connection c, String sql) throws java.sql.SQLException {
        List<Long> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }

    private String login(HttpClient http) throws Exception {
        accounts.ensure("bench.specialist", "pw-bench-specialist-1", Roles.SPECIALIST);
        HttpResponse<String> ok = http.send(HttpRequest.newBuilder(uri("/ui/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=bench.specialist&password=pw-bench-specialist-1")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, ok.statusCode());
        String setCookie = ok.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private HttpResponse<String> get(HttpClient http, String cookie, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").header("Cookie", cookie).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + server.getPort() + path);
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static long[] round(double[] xs) {
        return Arrays.stream(xs).mapToLong(Math::round).toArray();
    }
}
