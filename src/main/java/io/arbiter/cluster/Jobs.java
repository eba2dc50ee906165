package io.arbiter.cluster;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The durable job table (issue 18, table {@code job}, V91): background work queued in the database with the bytes it
 * needs ({@code job_chunk}), so that any instance can run it and another can finish it when the first one dies.
 *
 * <p>A worker claims the oldest QUEUED job — or a RUNNING one whose lease ran out — with SELECT … FOR UPDATE SKIP
 * LOCKED, so instances polling together never claim the same job, and holds a lease (its instance name, an expiry)
 * that it renews while it works. Each claim counts an attempt; a job whose lease ran out on its last attempt is FAILED
 * with the reason, for its kind's handler to report. The lease is also the job's fence: {@link Lease#finishIn} marks
 * the job DONE inside the caller's own transaction only while the lease is still the caller's, so a worker that was
 * judged dead and replaced can never commit its work too.
 *
 * <p>Lease times are the instances' wall clocks (UTC), as for the import leases: keep instances' clocks in step (NTP)
 * to well under the lease.
 */
@Singleton
public class Jobs {

    private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);

    public static final String QUEUED = "QUEUED";
    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";

    /** The leases this instance holds now, handed back at a graceful stop. */
    private final java.util.Set<Lease> held = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final String COLUMNS = "id, kind, ref_id, args, status, attempts, max_attempts, lease_owner, lease_until, last_error";

    private final DataSource dataSource;
    private final String instanceName;
    private final Duration lease;
    private final int maxAttempts;
    private final int chunkBytes;
    private final Clock wall;
    private final List<Runnable> queuedListeners = new CopyOnWriteArrayList<>();
    private volatile boolean stopping;
    private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "arbiter-job-lease");
        t.setDaemon(true);
        return t;
    });

    @Inject
    public Jobs(DataSource dataSource, DataSourceResolver resolver, ScheduledRuns runs,
                @Value("${arbiter.jobs.lease-seconds:60}") long leaseSeconds,
                @Value("${arbiter.jobs.max-attempts:3}") int maxAttempts,
                @Value("${arbiter.jobs.chunk-bytes:1048576}") int chunkBytes) {
        // Plain JDBC on the raw pool: each step commits itself, outside Micronaut's transactions.
        this(resolver.resolve(dataSource), runs.instanceName(), Duration.ofSeconds(leaseSeconds), maxAttempts, chunkBytes,
                Clock.systemUTC());
    }

    /** One worker's view of the table (tests run two, under two instance names, on one database). */
    Jobs(DataSource dataSource, String instanceName, Duration lease, int maxAttempts, int chunkBytes, Clock wall) {
        if (maxAttempts < 1 || lease.isNegative() || lease.isZero() || chunkBytes < 1024) {
            throw new IllegalArgumentException("arbiter.jobs: max-attempts ≥ 1, lease-seconds > 0, chunk-bytes ≥ 1024");
        }
        this.dataSource = dataSource;
        this.instanceName = instanceName;
        this.lease = lease;
        this.maxAttempts = maxAttempts;
        this.chunkBytes = chunkBytes;
        this.wall = wall;
    }

    @PreDestroy
    void stop() {
        stopFinishing();
        renewals.shutdownNow();
    }

    /** The instance is stopping: from now on no lease finishes its job (each runs out and the job runs again elsewhere). */
    void stopFinishing() {
        stopping = true;
    }

    /**
     * A graceful stop: no lease finishes its job any more, and each job this instance is running is queued again at once
     * — another instance takes it within its poll interval instead of after the lease, and the attempt cut short is not
     * counted. Safe against a job finishing at this moment: its finish holds the row until it commits (then nothing is
     * handed back) or rolls back (then it is); after {@code stopFinishing} no finish can start.
     */
    void handBack() {
        stopFinishing();
        for (Lease held : this.held) {
            held.handBack();
        }
    }

    /** A claimed job: what to work on and which attempt this is. */
    public record Job(long id, String kind, long refId, @Nullable String args, int attempt, int maxAttempts,
                      @Nullable String takenOverFrom) {
    }

    /** What a claim found: a job to run under a lease, or one whose attempts ran out. */
    public sealed interface Claimed {
        Job job();

        record Run(Lease lease) implements Claimed {
            @Override
            public Job job() {
                return lease.job();
            }
        }

        record GaveUp(Job job, String reason) implements Claimed {
        }
    }

    /**
     * SQL condition, true while the job of {@code kind} for the row's {@code refColumn} is QUEUED or RUNNING — some
     * instance is running it or can still take it over. For other capabilities' sweeps, which must leave such work alone.
     */
    public static String unfinished(String kind, String refColumn) {
        checkKind(kind);
        return "EXISTS (SELECT 1 FROM job j WHERE j.kind = '" + kind + "' AND j.ref_id = " + refColumn
                + " AND j.status IN ('QUEUED', 'RUNNING'))";
    }

    public String instanceName() {
        return instanceName;
    }

    /** Called (on the enqueuing thread) after each job this instance queues: the local worker's nudge. */
    void whenQueued(Runnable listener) {
        queuedListeners.add(listener);
    }

    /**
     * Queues a job with its bytes: the job row and every chunk of {@code content} commit together, so a job is never
     * visible without all of its bytes. Returns the job's id.
     */
    public long enqueue(String kind, long refId, @Nullable String args, InputStream content) {
        checkKind(kind);
        long id;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                LocalDateTime now = now();
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO job (kind, ref_id, args, status, attempts, max_attempts, "
                        + "created_at, updated_at) VALUES (?, ?, ?, 'QUEUED', 0, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                    ps.setString(1, kind);
                    ps.setLong(2, refId);
                    ps.setString(3, args);
                    ps.setInt(4, maxAttempts);
                    ps.setObject(5, now);
                    ps.setObject(6, now);
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                }
                int size = chunkSize(c);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO job_chunk (job_id, seq, content) VALUES (?, ?, ?)")) {
                    int seq = 0;
                    for (byte[] chunk = content.readNBytes(size); chunk.length > 0; chunk = content.readNBytes(size)) {
                        // one statement per chunk (never a batch): the driver could merge a batch past max_allowed_packet
                        ps.setLong(1, id);
                        ps.setInt(2, seq++);
                        ps.setBytes(3, chunk);
                        ps.executeUpdate();
                    }
                }
                c.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the job could not be queued (SQLState " + e.getSQLState() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        queuedListeners.forEach(Runnable::run);
        return id;
    }

    /** Writes the job's bytes, chunk by chunk, to {@code out}; returns how many. One chunk in memory at a time. */
    public long copyContent(long jobId, OutputStream out) {
        long total = 0;
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT content FROM job_chunk WHERE job_id = ? AND seq = ?")) {
            for (int seq = 0; ; seq++) {
                ps.setLong(1, jobId);
                ps.setInt(2, seq);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return total;
                    }
                    byte[] chunk = rs.getBytes(1);
                    out.write(chunk);
                    total += chunk.length;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the job's content could not be read (SQLState " + e.getSQLState() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Claims one job of the given kinds for this instance: the oldest QUEUED one or one whose lease ran out (its
     * instance stopped). A job whose lease ran out on its last attempt is marked FAILED instead and returned as
     * {@link Claimed.GaveUp}, for its handler to report.
     */
    public Optional<Claimed> claim(Collection<String> kinds) {
        if (kinds.isEmpty()) {
            return Optional.empty();
        }
        kinds.forEach(Jobs::checkKind);
        LocalDateTime now = now();
        try (Connection c = dataSource.getConnection()) {
            int isolation = c.getTransactionIsolation();
            c.setAutoCommit(false);
            // Read committed: the locking read then locks only the row it returns, not the rows it passed over.
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            try {
                Optional<Claimed> claimed = claim(c, kinds, now);
                c.commit();
                claimed.ifPresent(this::logClaim);
                return claimed;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setTransactionIsolation(isolation);
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("no job could be claimed (SQLState " + e.getSQLState() + ")", e);
        }
    }

    private Optional<Claimed> claim(Connection c, Collection<String> kinds, LocalDateTime now) throws SQLException {
        String in = String.join(", ", kinds.stream().map(k -> "?").toList());
        long id;
        String kind;
        long refId;
        String args;
        String status;
        int attempts;
        int max;
        String owner;
        LocalDateTime until;
        String lastError;
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM job WHERE kind IN (" + in + ") AND "
                + "(status = 'QUEUED' OR (status = 'RUNNING' AND lease_until < ?)) ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED")) {
            int i = 1;
            for (String k : kinds) {
                ps.setString(i++, k);
            }
            ps.setObject(i, now);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                id = rs.getLong(1);
                kind = rs.getString(2);
                refId = rs.getLong(3);
                args = rs.getString(4);
                status = rs.getString(5);
                attempts = rs.getInt(6);
                max = rs.getInt(7);
                owner = rs.getString(8);
                until = rs.getObject(9, LocalDateTime.class);
                lastError = rs.getString(10);
            }
        }
        boolean expired = RUNNING.equals(status);
        String stopped = expired ? "instance " + owner + " stopped before it finished (its lease ran out at "
                + SHOWN.format(until) + " UTC)" : null;
        if (attempts >= max) {
            String reason = "could not finish after " + attempts + (attempts == 1 ? " attempt: " : " attempts: ")
                    + (expired ? stopped : lastError == null ? "it failed" : lastError);
            try (PreparedStatement ps = c.prepareStatement("UPDATE job SET status = 'FAILED', lease_until = NULL, last_error = ?, "
                    + "finished_at = ?, updated_at = ? WHERE id = ?")) {
                ps.setString(1, cut(reason, 1000));
                ps.setObject(2, now);
                ps.setObject(3, now);
                ps.setLong(4, id);
                ps.executeUpdate();
            }
            dropContent(c, id);
            return Optional.of(new Claimed.GaveUp(new Job(id, kind, refId, args, attempts, max, expired ? owner : null), reason));
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE job SET status = 'RUNNING', attempts = ?, lease_owner = ?, "
                + "lease_until = ?, last_error = ?, updated_at = ? WHERE id = ?")) {
            ps.setInt(1, attempts + 1);
            ps.setString(2, instanceName);
            ps.setObject(3, now.plus(lease));
            ps.setString(4, expired ? cut("attempt " + attempts + ": " + stopped, 1000) : lastError);
            ps.setObject(5, now);
            ps.setLong(6, id);
            ps.executeUpdate();
        }
        return Optional.of(new Claimed.Run(new Lease(new Job(id, kind, refId, args, attempts + 1, max, expired ? owner : null))));
    }

    private void logClaim(Claimed claimed) {
        Job j = claimed.job();
        if (claimed instanceof Claimed.GaveUp) {
            LOG.warn("Job {} ({} {}) failed after {} attempt(s); its last instance was {}", j.id(), j.kind(), j.refId(), j.attempt(),
                    j.takenOverFrom());
        } else if (j.takenOverFrom() != null) {
            LOG.warn("Job {} ({} {}) taken over from {} (its lease ran out): attempt {} of {}", j.id(), j.kind(), j.refId(),
                    j.takenOverFrom(), j.attempt(), j.maxAttempts());
        } else {
            LOG.info("Job {} ({} {}) claimed: attempt {} of {}", j.id(), j.kind(), j.refId(), j.attempt(), j.maxAttempts());
        }
    }

    /** After the handler returned: DONE, unless it already ended the job in its own transaction. */
    void completed(Lease l) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                l.finishIn(c);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            LOG.warn("Job {} not marked done (SQLState {}); its lease will run out and it runs again", l.job().id(), e.getSQLState());
        }
    }

    /**
     * The handler failed on this attempt: the job goes back to the queue for the next attempt, or — on its last — is
     * FAILED. Returns the reason when it gave up. Nothing happens if the lease is no longer this worker's.
     */
    Optional<String> failed(Lease l, String error) {
        Job j = l.job();
        boolean last = j.attempt() >= j.maxAttempts();
        String reason = last ? "could not finish after " + j.attempt() + (j.attempt() == 1 ? " attempt: " : " attempts: ") + error
                : "attempt " + j.attempt() + ": " + error;
        LocalDateTime now = now();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int changed;
                try (PreparedStatement ps = c.prepareStatement("UPDATE job SET status = ?, lease_until = NULL, last_error = ?, "
                        + "finished_at = ?, updated_at = ? WHERE id = ? AND lease_owner = ? AND attempts = ? AND status = 'RUNNING'")) {
                    ps.setString(1, last ? FAILED : QUEUED);
                    ps.setString(2, cut(reason, 1000));
                    ps.setObject(3, last ? now : null);
                    ps.setObject(4, now);
                    ps.setLong(5, j.id());
                    ps.setString(6, instanceName);
                    ps.setInt(7, j.attempt());
                    changed = ps.executeUpdate();
                }
                if (changed == 1 && last) {
                    dropContent(c, j.id());
                }
                c.commit();
                return changed == 1 && last ? Optional.of(reason) : Optional.empty();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            LOG.warn("Job {} failure not recorded (SQLState {}); its lease will run out and it runs again", j.id(), e.getSQLState());
            return Optional.empty();
        }
    }

    /** A job's bytes go in the transaction that ends it: an ended job never needs them again, a job to run always has them. */
    private static void dropContent(Connection c, long jobId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM job_chunk WHERE job_id = ?")) {
            ps.setLong(1, jobId);
            ps.executeUpdate();
        }
    }

    /** This worker's hold on a claimed job: renewed in the background until closed. */
    public final class Lease implements AutoCloseable {
        private final Job job;
        private final ScheduledFuture<?> renewal;
        private volatile boolean lost;

        private Lease(Job job) {
            this.job = job;
            held.add(this);
            // Three renewals per lease, so one slow renewal never lets a live worker's lease run out.
            long every = Math.max(200, lease.toMillis() / 3);
            this.renewal = renewals.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
        }

        public Job job() {
            return job;
        }

        /** Extends the lease; false once another instance has taken the job over (or it ended). */
        public boolean renew() {
            if (lost) {
                return false;
            }
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement("UPDATE job SET lease_until = ? WHERE id = ? AND lease_owner = ? "
                         + "AND attempts = ? AND status = 'RUNNING'")) {
                c.setAutoCommit(true);
                ps.setObject(1, now().plus(lease));
                ps.setLong(2, job.id());
                ps.setString(3, instanceName);
                ps.setInt(4, job.attempt());
                if (ps.executeUpdate() == 0) {
                    lost = true;
                }
            } catch (SQLException e) {
                LOG.warn("Lease of job {} not renewed (SQLState {})", job.id(), e.getSQLState());
            }
            return !lost;
        }

        public boolean lost() {
            return lost;
        }

        /**
         * In the caller's transaction on {@code c}: marks the job DONE if this lease still holds it (same instance, same
         * attempt, still RUNNING — whether or not its time ran out, as nobody else has claimed it), and locks the row
         * until the caller commits or rolls back, so no other instance can take the job over in between; deletes its bytes
         * with it. False when another instance took it over: the caller must roll back.
         */
        public boolean finishIn(Connection c) throws SQLException {
            if (stopping) {
                lost = true;
                return false;
            }
            LocalDateTime now = now();
            try (PreparedStatement ps = c.prepareStatement("UPDATE job SET status = 'DONE', lease_until = NULL, finished_at = ?, "
                    + "updated_at = ? WHERE id = ? AND lease_owner = ? AND attempts = ? AND status = 'RUNNING'")) {
                ps.setObject(1, now);
                ps.setObject(2, now);
                ps.setLong(3, job.id());
                ps.setString(4, instanceName);
                ps.setInt(5, job.attempt());
                boolean held = ps.executeUpdate() == 1;
                if (!held) {
                    lost = true;
                    return false;
                }
            }
            dropContent(c, job.id());
            return true;
        }

        /** Queues the job again if this lease still holds it, with the attempt it was on not counted. */
        void handBack() {
            lost = true;
            renewal.cancel(false);
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement("UPDATE job SET status = 'QUEUED', attempts = attempts - 1, "
                         + "lease_owner = NULL, lease_until = NULL, updated_at = ? WHERE id = ? AND lease_owner = ? AND attempts = ? "
                         + "AND status = 'RUNNING'")) {
                c.setAutoCommit(true);
                ps.setObject(1, now());
                ps.setLong(2, job.id());
                ps.setString(3, instanceName);
                ps.setInt(4, job.attempt());
                if (ps.executeUpdate() == 1) {
                    LOG.info("Job {} ({}) handed back at this instance's stop: queued again", job.id(), job.kind());
                }
            } catch (SQLException e) {
                // its lease runs out instead, as if the instance had died
                LOG.warn("Job {} not handed back (SQLState {}); it is taken over when its lease runs out", job.id(), e.getSQLState());
            }
        }

        @Override
        public void close() {
            renewal.cancel(false);
            held.remove(this);
        }
    }

    /**
     * The configured chunk size, kept under half of MySQL/MariaDB's max_allowed_packet: the driver sends a chunk inside
     * the statement's text, where escaping can double some bytes.
     */
    private int chunkSize(Connection c) throws SQLException {
        if (!c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).matches(".*(mysql|mariadb).*")) {
            return chunkBytes;
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT @@max_allowed_packet")) {
            long packet = rs.next() ? rs.getLong(1) : 0;
            return packet <= 0 ? chunkBytes : (int) Math.max(1024, Math.min(chunkBytes, (packet - 16 * 1024) / 2));
        }
    }

    private static void checkKind(String kind) {
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("a job kind is lower-case letters, digits and dashes: " + kind);
        }
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(wall).truncatedTo(ChronoUnit.MILLIS);
    }
}
