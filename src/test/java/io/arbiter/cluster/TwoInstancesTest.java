package io.arbiter.cluster;

import io.arbiter.cases.OverdueMonitor;
import io.arbiter.findings.RepriceChangedClaims;
import io.arbiter.intake.ImportLeases;
import io.arbiter.reconciliation.Reconciler;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances started at the same moment on one empty MariaDB database (issue 18): before the start-up lock one of
 * them died with "Duplicate entry 'specialist' for key 'uq_user_name'" (both seeded the demo users; the first
 * administrator had the same race). Now both start, every seed is there once, a third start changes nothing, the
 * daily overdue check fired on both instances runs once, and so does each per-minute sweep in its minute.
 */
class TwoInstancesTest {

    private static final String TEST_URL = System.getenv().getOrDefault("ARBITER_TEST_DB_URL",
            "jdbc:mysql://127.0.0.1:3306/test?connectionTimeZone=UTC&sslMode=DISABLED&allowPublicKeyRetrieval=true");
    private static final String USER = System.getenv().getOrDefault("ARBITER_TEST_DB_USER", "root");
    private static final String PASSWORD = System.getenv().getOrDefault("ARBITER_TEST_DB_PASSWORD", "");
    /** arbiter_% : the CI fallback account may create it. */
    private static final String DATABASE = "arbiter_two_instances";
    private static final String OWN_URL = TEST_URL.replaceFirst("(jdbc:mysql://[^/]+/)[^?]*", "$1" + DATABASE);
    private static final String[] SEEDED_TABLES = {"app_user", "practice", "payer", "plan", "patient", "claim", "claim_line",
            "remittance", "import_file", "benchmark_rate", "finding", "dispute_case", "case_event", "case_deadline"};

    private static final List<ApplicationContext> instances = new ArrayList<>();

    @BeforeAll
    static void twoInstancesStartTogether() throws Exception {
        try (Connection c = DriverManager.getConnection(TEST_URL, USER, PASSWORD); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + DATABASE);
            st.execute("CREATE DATABASE " + DATABASE);
        }
        ExecutorService starters = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<ApplicationContext>> started = new ArrayList<>();
            for (int i = 1; i <= 2; i++) {
                String name = "instance-" + i;
                Callable<ApplicationContext> start = () -> {
                    go.await();
                    return instance(name);
                };
                started.add(starters.submit(start));
            }
            go.countDown();
            for (Future<ApplicationContext> f : started) {
                instances.add(f.get(10, TimeUnit.MINUTES)); // rethrows an instance's start-up failure
            }
        } finally {
            starters.shutdownNow();
        }
    }

    @AfterAll
    static void stop() throws SQLException {
        instances.forEach(ApplicationContext::close);
        try (Connection c = DriverManager.getConnection(TEST_URL, USER, PASSWORD); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + DATABASE);
        }
    }

    private static ApplicationContext instance(String name) {
        return ApplicationContext.run(settings(OWN_URL, name, true), "test");
    }

    private static Map<String, Object> settings(String url, String name, boolean demo) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("datasources.default.url", url);
        props.put("datasources.default.username", USER);
        props.put("datasources.default.password", PASSWORD);
        props.put("arbiter.demo.enabled", String.valueOf(demo));
        props.put("arbiter.instance-name", name);
        // As in production: the test environment's clean-schema (every test context starts from an empty schema) would
        // have the second instance drop the first one's tables mid-migration.
        props.put("flyway.datasources.default.clean-schema", "false");
        return props;
    }

    /** Outside demo mode: two instances configured with the same first administrator create it once. */
    @Test
    void theFirstAdministratorIsCreatedOnce() throws Exception {
        String database = DATABASE + "_admin";
        String url = TEST_URL.replaceFirst("(jdbc:mysql://[^/]+/)[^?]*", "$1" + database);
        try (Connection c = DriverManager.getConnection(TEST_URL, USER, PASSWORD); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + database);
            st.execute("CREATE DATABASE " + database);
        }
        ExecutorService starters = Executors.newFixedThreadPool(2);
        List<ApplicationContext> started = new ArrayList<>();
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<ApplicationContext>> futures = new ArrayList<>();
            for (int i = 1; i <= 2; i++) {
                Map<String, Object> props = settings(url, "admin-instance-" + i, false);
                props.put("arbiter.bootstrap-admin.username", "operations");
                props.put("arbiter.bootstrap-admin.password", "copper kettle harbour nine");
                futures.add(starters.submit(() -> {
                    go.await();
                    return ApplicationContext.run(props, "test");
                }));
            }
            go.countDown();
            // Wait for both before judging either: dropping the database while one still starts would wait on its locks.
            Exception failure = null;
            for (Future<ApplicationContext> f : futures) {
                try {
                    started.add(f.get(5, TimeUnit.MINUTES));
                } catch (Exception e) {
                    failure = failure == null ? e : failure;
                }
            }
            if (failure != null) {
                throw failure;
            }
            try (Connection c = DriverManager.getConnection(url, USER, PASSWORD); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM app_user WHERE username = 'operations'")) {
                rs.next();
                assertEquals(1, rs.getLong(1));
            }
        } finally {
            started.forEach(ApplicationContext::close);
            starters.shutdownNow();
            try (Connection c = DriverManager.getConnection(TEST_URL, USER, PASSWORD); Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + database);
            }
        }
    }

    @Test
    void bothStart_andEverySeedIsThereOnce() throws SQLException {
        assertEquals(2, instances.size());
        assertEquals(7, count("SELECT COUNT(*) FROM app_user"), "the seven demo users (four for every practice, three for the second), once");
        assertEquals(2, count("SELECT COUNT(*) FROM practice"), "the demo's two practices, once");
        assertEquals(9, count("SELECT COUNT(*) FROM claim WHERE patient_control_number LIKE 'GCDEMO%'"), "the second practice's claims, once");
        assertEquals(36, count("SELECT COUNT(*) FROM claim WHERE patient_control_number LIKE 'LSDEMO%'"), "the seeded demo claims, once");
        int demoFiles = io.arbiter.demo.DemoImports.FILES.size() + io.arbiter.demo.DemoRemittances.FILES.size();
        assertEquals(demoFiles, count("SELECT COUNT(*) FROM import_file WHERE status = 'COMPLETED'"), "each demo file imported once");
        assertEquals(demoFiles, count("SELECT COUNT(*) FROM import_file"));
        assertEquals(count("SELECT COUNT(DISTINCT case_number) FROM dispute_case"), count("SELECT COUNT(*) FROM dispute_case"));
        assertTrue(count("SELECT COUNT(*) FROM dispute_case") > 0, "the demo cases were opened");
        assertEquals(1, count("SELECT COUNT(DISTINCT set_name) FROM benchmark_rate"));
    }

    @Test
    void aThirdStartChangesNothing() throws SQLException {
        Map<String, Long> before = snapshot();
        try (ApplicationContext third = instance("instance-3")) {
            assertTrue(third.isRunning());
        }
        assertEquals(before, snapshot());
    }

    @Test
    void theDailyOverdueCheckFiredOnBothInstancesRunsOnce() throws Exception {
        ExecutorService schedulers = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> fired = new ArrayList<>();
            for (ApplicationContext instance : instances) {
                fired.add(schedulers.submit(() -> {
                    go.await();
                    instance.getBean(OverdueMonitor.class).daily();
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : fired) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            schedulers.shutdownNow();
        }
        assertEquals(1, count("SELECT COUNT(*) FROM scheduled_run WHERE job = 'overdue-check'"));
        assertEquals(false, instances.get(0).getBean(ScheduledRuns.class).claim("overdue-check",
                instances.get(0).getBean(io.arbiter.cases.CaseService.class).today().toString()), "today's run is taken");
    }

    /** The three per-minute sweeps, each as its scheduler fires it: true when that instance ran it. */
    private static final Map<String, Predicate<ApplicationContext>> SWEEPS = Map.of(
            "reconciliation-sweep", i -> i.getBean(Reconciler.class).scheduledSweep(),
            "reprice-sweep", i -> i.getBean(RepriceChangedClaims.class).scheduledSweep(),
            "import-lease-sweep", i -> i.getBean(ImportLeases.class).scheduledSweep());

    @Test
    void eachPerMinuteSweepFiredOnBothInstancesInOneMinuteRunsOnce() throws Exception {
        for (var sweep : SWEEPS.entrySet()) {
            String job = sweep.getKey();
            String runner = firedOnBothRunsOnce(job, sweep.getValue(), 120);
            assertEquals(runner, leaseHolder(job), "the lease names the instance that ran " + job);

            // fired again in the same minute, on either instance: both skip
            assertEquals(List.of(false, false), fireOnBoth(sweep.getValue()), job + " already ran this minute");

            // a minute later the next period is free, and again exactly one instance takes it
            firedOnBothRunsOnce(job, sweep.getValue(), 61);
        }
        assertEquals(SWEEPS.size(), count("SELECT COUNT(*) FROM scheduled_lease"), "one row per sweep, whatever the number of runs");
        assertEquals(0, count("SELECT COUNT(*) FROM scheduled_run WHERE job LIKE '%sweep'"), "sweeps add no period rows");
    }

    /**
     * Frees the job's period (its last run {@code secondsAgo} seconds back), fires it on both instances at once and
     * returns the instance that ran it; fails when both did. The instances' own schedulers fire these sweeps too: when one
     * of them takes the freed period in the instant between, neither of ours runs, and the round is tried again.
     */
    private static String firedOnBothRunsOnce(String job, Predicate<ApplicationContext> fire, int secondsAgo) throws Exception {
        for (int round = 0; round < 5; round++) {
            try (Connection c = DriverManager.getConnection(OWN_URL, USER, PASSWORD);
                 PreparedStatement ps = c.prepareStatement("UPDATE scheduled_lease SET started_at = ? WHERE job = ?")) {
                ps.setObject(1, LocalDateTime.now(ZoneOffset.UTC).minusSeconds(secondsAgo));
                ps.setString(2, job);
                ps.executeUpdate();
            }
            List<Boolean> ran = fireOnBoth(fire);
            assertTrue(!(ran.get(0) && ran.get(1)), job + " ran on both instances in one period");
            if (ran.contains(true)) {
                return "instance-" + (ran.indexOf(true) + 1);
            }
        }
        throw new AssertionError(job + ": no round in which one of the two fired instances ran it");
    }

    private static List<Boolean> fireOnBoth(Predicate<ApplicationContext> fire) throws Exception {
        ExecutorService schedulers = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> fired = new ArrayList<>();
            for (ApplicationContext instance : instances) {
                fired.add(schedulers.submit(() -> {
                    go.await();
                    return fire.test(instance);
                }));
            }
            go.countDown();
            List<Boolean> ran = new ArrayList<>();
            for (Future<Boolean> f : fired) {
                ran.add(f.get(2, TimeUnit.MINUTES));
            }
            return ran;
        } finally {
            schedulers.shutdownNow();
        }
    }

    private static String leaseHolder(String job) throws SQLException {
        try (Connection c = DriverManager.getConnection(OWN_URL, USER, PASSWORD);
             PreparedStatement ps = c.prepareStatement("SELECT instance_name FROM scheduled_lease WHERE job = ?")) {
            ps.setString(1, job);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "no lease row for " + job);
                return rs.getString(1);
            }
        }
    }

    private static Map<String, Long> snapshot() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String t : SEEDED_TABLES) {
            counts.put(t, count("SELECT COUNT(*) FROM " + t));
        }
        return counts;
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(OWN_URL, USER, PASSWORD); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
