package io.arbiter.cluster;

import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The job table itself (issue 18), on MariaDB — and the claim race on the embedded H2 too, which must accept
 * SELECT … FOR UPDATE SKIP LOCKED the same way: two workers under two instance names claim every job exactly once; a
 * job whose lease ran out is taken over by the other worker, and the first one can no longer finish it; after its last
 * attempt a job is FAILED with its reason, which the worker hands to the kind's handler.
 */
@MicronautTest(transactional = false)
class JobsTest {

    /** Not a kind the application handles: its own worker (which polls "import") leaves these jobs alone. */
    private static final String KIND = "test-job";
    /** Long enough that no background renewal fires during a test; the tests move the clock past it instead. */
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final int JOBS = 40;

    @Inject DataSource dataSource;
    @Inject DataSourceResolver resolver;

    private DataSource db;
    private final MovableClock clock = new MovableClock();
    private final List<Jobs> workers = new ArrayList<>();

    @BeforeEach
    void clean() throws SQLException {
        db = resolver.resolve(dataSource);
        execute(db, "DELETE FROM job_chunk WHERE job_id IN (SELECT id FROM job WHERE kind = '" + KIND + "')");
        execute(db, "DELETE FROM job WHERE kind = '" + KIND + "'");
    }

    @AfterEach
    void stopWorkers() {
        workers.forEach(Jobs::stop);
    }

    @Test
    void twoWorkersRacingClaimEachJobOnce_onMariaDb() throws Exception {
        race(db);
    }

    @Test
    void twoWorkersRacingClaimEachJobOnce_onH2() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:jobs-race;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=VALUE;"
                + "DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        h2.setPassword("");
        // The packaged jar's database: every migration, V91 included, as the jar runs them.
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        try (Connection c = h2.getConnection()) {
            assertTrue(c.getMetaData().getURL().startsWith("jdbc:h2:"), c.getMetaData().getURL());
        }
        race(h2);
    }

    /** Four threads per worker claim until nothing is left; every job is claimed once, by one of the two workers. */
    private void race(DataSource ds) throws Exception {
        Jobs a = worker(ds, "worker-a", 3);
        Jobs b = worker(ds, "worker-b", 3);
        Set<Long> queued = new HashSet<>();
        for (int i = 0; i < JOBS; i++) {
            queued.add(a.enqueue(KIND, 1000 + i, null, new ByteArrayInputStream(new byte[]{(byte) i})));
        }
        Map<Long, String> claimedBy = new ConcurrentHashMap<>();
        AtomicInteger claims = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                Jobs worker = t % 2 == 0 ? a : b;
                done.add(threads.submit(() -> {
                    go.await();
                    for (Optional<Jobs.Claimed> c = worker.claim(Set.of(KIND)); c.isPresent(); c = worker.claim(Set.of(KIND))) {
                        claims.incrementAndGet();
                        Jobs.Lease lease = ((Jobs.Claimed.Run) c.get()).lease();
                        claimedBy.merge(lease.job().id(), worker.instanceName(), (x, y) -> x + "+" + y);
                        worker.completed(lease);
                        lease.close();
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(JOBS, claims.get(), "one claim per job: " + claimedBy);
        assertEquals(queued, claimedBy.keySet());
        assertTrue(claimedBy.values().stream().allMatch(w -> w.equals("worker-a") || w.equals("worker-b")), "each by one worker: " + claimedBy);
        assertEquals(JOBS, count(ds, "SELECT COUNT(*) FROM job WHERE kind = ? AND status = 'DONE' AND attempts = 1", KIND));
        assertEquals(0, count(ds, "SELECT COUNT(*) FROM job_chunk c JOIN job j ON j.id = c.job_id WHERE j.kind = ?", KIND),
                "a finished job's bytes are deleted");
        System.out.println("JobsTest race: worker-a " + claimedBy.values().stream().filter("worker-a"::equals).count()
                + ", worker-b " + claimedBy.values().stream().filter("worker-b"::equals).count());
    }

    @Test
    void aJobWhoseLeaseRanOutIsTakenOverByTheOtherWorker() throws Exception {
        Jobs a = worker(db, "worker-a", 3);
        Jobs b = worker(db, "worker-b", 3);
        byte[] content = new byte[2_500_000]; // three chunks of at most 1 MB
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31);
        }
        long id = a.enqueue(KIND, 7, "X12", new ByteArrayInputStream(content));
        assertEquals(3, count(db, "SELECT COUNT(*) FROM job_chunk WHERE job_id = ?", id));

        Jobs.Lease first = run(a.claim(Set.of(KIND)));
        assertEquals(new Jobs.Job(id, KIND, 7, "X12", 1, 3, null), first.job());
        assertTrue(b.claim(Set.of(KIND)).isEmpty(), "a live lease is left alone");

        clock.pass(LEASE.plusSeconds(1)); // worker-a stopped renewing (its instance died)
        Jobs.Lease second = run(b.claim(Set.of(KIND)));
        assertEquals(2, second.job().attempt());
        assertEquals("worker-a", second.job().takenOverFrom());
        assertEquals("worker-b", text(db, "SELECT lease_owner FROM job WHERE id = ?", id));
        assertTrue(text(db, "SELECT last_error FROM job WHERE id = ?", id).startsWith("attempt 1: instance worker-a stopped"));
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        assertEquals(content.length, b.copyContent(id, copy));
        assertArrayEquals(content, copy.toByteArray(), "the bytes of the job are in the database for the other instance");

        // worker-a comes back to life: it can neither renew nor finish what it no longer holds.
        assertFalse(first.renew());
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            assertFalse(first.finishIn(c), "the replaced worker must roll back");
            c.rollback();
        }
        assertTrue(second.renew());
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            assertTrue(second.finishIn(c));
            assertEquals(0, count(c, "SELECT COUNT(*) FROM job_chunk WHERE job_id = ?", id), "the bytes go with the finish");
            c.rollback(); // as an import whose transaction failed: the job stays the worker's, with its bytes
        }
        assertEquals(3, count(db, "SELECT COUNT(*) FROM job_chunk WHERE job_id = ?", id));
        b.completed(second);
        assertEquals("DONE", text(db, "SELECT status FROM job WHERE id = ?", id));
        assertEquals(0, count(db, "SELECT COUNT(*) FROM job_chunk WHERE job_id = ?", id));
        first.close();
        second.close();
    }

    @Test
    void aJobCutShortByAGracefulStopIsQueuedAgainAtOnceWithoutSpendingAnAttempt() throws Exception {
        Jobs a = worker(db, "worker-a", 3);
        Jobs b = worker(db, "worker-b", 3);
        long id = a.enqueue(KIND, 8, "X12", new ByteArrayInputStream("ISA*00*".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        Jobs.Lease first = run(a.claim(Set.of(KIND)));
        assertTrue(b.claim(Set.of(KIND)).isEmpty(), "a live lease is left alone");

        a.handBack(); // worker-a's instance is stopped (docker stop, a rolling restart) while it works on the job
        assertEquals("QUEUED", text(db, "SELECT status FROM job WHERE id = ?", id));
        Jobs.Lease second = run(b.claim(Set.of(KIND))); // at once: the clock has not moved
        assertEquals(1, second.job().attempt(), "the attempt the stop cut short is not counted");
        assertNull(second.job().takenOverFrom(), "handed back, not taken over from a dead instance");
        assertEquals("worker-b", text(db, "SELECT lease_owner FROM job WHERE id = ?", id));

        // the stopping worker, still running its copy, can neither renew nor finish it
        assertFalse(first.renew());
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            assertFalse(first.finishIn(c), "the stopping worker must roll back");
            c.rollback();
        }
        b.completed(second);
        assertEquals("DONE", text(db, "SELECT status FROM job WHERE id = ?", id));
        first.close();
        second.close();
    }

    @Test
    void aJobFinishingAsTheStopComesStaysFinished() throws Exception {
        Jobs a = worker(db, "worker-a", 3);
        long id = a.enqueue(KIND, 9, "X12", new ByteArrayInputStream("ISA*00*".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        Jobs.Lease lease = run(a.claim(Set.of(KIND)));
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            assertTrue(lease.finishIn(c), "the import's transaction marks its job done");
            Thread stop = new Thread(a::handBack); // the stop arrives before that transaction commits
            stop.start();
            stop.join(500);
            assertTrue(stop.isAlive(), "the hand-back waits for the finishing transaction's row lock");
            c.commit();
            stop.join(30_000);
        }
        assertEquals("DONE", text(db, "SELECT status FROM job WHERE id = ?", id), "a finished job is not queued again");
        assertEquals(1, count(db, "SELECT attempts FROM job WHERE id = ?", id));
        lease.close();
    }

    @Test
    void afterItsLastAttemptAJobFailsWithItsReason() throws Exception {
        Jobs a = worker(db, "worker-a", 3);
        Jobs b = worker(db, "worker-b", 3);
        long id = a.enqueue(KIND, 8, null, new ByteArrayInputStream(new byte[]{1, 2, 3}));
        Jobs[] turns = {a, b, a};
        for (int attempt = 1; attempt <= 3; attempt++) {
            Jobs.Lease lease = run(turns[attempt - 1].claim(Set.of(KIND)));
            assertEquals(attempt, lease.job().attempt());
            lease.close();
            clock.pass(LEASE.plusSeconds(1)); // each time its instance stops
        }
        Optional<Jobs.Claimed> last = b.claim(Set.of(KIND));
        Jobs.Claimed.GaveUp gaveUp = assertInstanceOf(Jobs.Claimed.GaveUp.class, last.orElseThrow());
        assertTrue(gaveUp.reason().startsWith("could not finish after 3 attempts: instance worker-a stopped before it finished "
                + "(its lease ran out at "), gaveUp.reason());
        assertEquals("FAILED", text(db, "SELECT status FROM job WHERE id = ?", id));
        assertEquals(gaveUp.reason(), text(db, "SELECT last_error FROM job WHERE id = ?", id));
        assertNull(text(db, "SELECT lease_until FROM job WHERE id = ?", id));
        assertTrue(a.claim(Set.of(KIND)).isEmpty() && b.claim(Set.of(KIND)).isEmpty(), "a failed job is not claimed again");
        assertEquals(0, count(db, "SELECT COUNT(*) FROM job_chunk WHERE job_id = ?", id), "its bytes went with it");
    }

    /** The poller: a handler that throws uses up the attempts; the last failure reaches the handler with its reason. */
    @Test
    void theWorkerRetriesAFailingJobAndReportsItsLastFailureToTheHandler() throws Exception {
        Jobs a = worker(db, "worker-a", 2);
        List<String> reported = new ArrayList<>();
        AtomicInteger runs = new AtomicInteger();
        JobHandler failing = new JobHandler() {
            @Override
            public String kind() {
                return KIND;
            }

            @Override
            public void run(Jobs.Lease lease) {
                runs.incrementAndGet();
                throw new IllegalStateException("no PHI here");
            }

            @Override
            public void gaveUp(Jobs.Job job, String reason) {
                reported.add(job.refId() + ": " + reason);
            }
        };
        JobWorker worker = new JobWorker(a, List.of(failing), 60_000, true);
        long id = a.enqueue(KIND, 9, null, new ByteArrayInputStream(new byte[]{9}));
        assertTrue(worker.runOne());
        assertEquals("QUEUED", text(db, "SELECT status FROM job WHERE id = ?", id), "back in the queue for its second attempt");
        assertTrue(worker.runOne());
        assertFalse(worker.runOne(), "nothing left");
        assertEquals(2, runs.get());
        assertEquals(List.of("9: could not finish after 2 attempts: it failed (IllegalStateException)"), reported);
        assertEquals("FAILED", text(db, "SELECT status FROM job WHERE id = ?", id));
        assertEquals(0, count(db, "SELECT COUNT(*) FROM job_chunk WHERE job_id = ?", id));
    }

    // ---------------------------------------------------------------- plumbing

    private Jobs worker(DataSource ds, String name, int maxAttempts) {
        Jobs jobs = new Jobs(ds, name, LEASE, maxAttempts, 1 << 20, clock);
        workers.add(jobs);
        return jobs;
    }

    private static Jobs.Lease run(Optional<Jobs.Claimed> claimed) {
        return assertInstanceOf(Jobs.Claimed.Run.class, claimed.orElseThrow(), "a job to run").lease();
    }

    private static void execute(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.executeUpdate();
        }
    }

    private static long count(DataSource ds, String sql, Object... args) throws SQLException {
        try (Connection c = ds.getConnection()) {
            return count(c, sql, args);
        }
    }

    private static long count(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String text(DataSource ds, String sql, Object... args) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** The workers' wall clock, moved past a lease instead of waiting it out. */
    private static final class MovableClock extends Clock {
        private volatile Duration offset = Duration.ZERO;

        void pass(Duration d) {
            offset = offset.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }
}
