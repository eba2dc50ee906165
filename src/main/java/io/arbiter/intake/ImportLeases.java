package io.arbiter.intake;

import io.arbiter.cluster.Jobs;
import io.arbiter.cluster.ScheduledRuns;
import io.micronaut.context.annotation.Value;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One import per file, decided by the database rather than by one JVM: the {@code import_file_lease} row for a
 * file's SHA-256 is inserted in the same transaction as the file's Import, so of any number of concurrent uploads
 * of the same bytes — on one instance or several, on MariaDB, MySQL or H2 — exactly one starts an import and the
 * others are told it is a duplicate of that one.
 *
 * <p>A running import renews its lease's heartbeat; an import whose heartbeat stopped (its instance was killed or
 * lost the host) is marked REJECTED — its single transaction was rolled back by the database, so nothing of it
 * was kept — and its lease given back, so the file can be imported again. A COMPLETED import keeps its lease for
 * good; a REJECTED one releases it. A background import whose job is still queued or running is left to the job
 * table ({@link Jobs}): another instance takes it over, or the job ends it with its reason after its last attempt.
 */
@Singleton
public class ImportLeases {

    private static final Logger LOG = LoggerFactory.getLogger(ImportLeases.class);
    static final String SWEEP_JOB = "import-lease-sweep";
    static final String INTERRUPTED = "the import stopped before it finished (the service stopped or lost its database "
            + "connection); nothing of it was kept — upload the file again";

    /** A background import whose job another instance can still run is not judged by its heartbeat. */
    private static final String JOB_UNFINISHED = Jobs.unfinished(ImportJobs.KIND, "f.id");

    private final DataSource dataSource;
    private final Clock clock;
    /** Heartbeats measure whether a process is alive: machine time, not the business clock tests move. */
    private final Clock wall = Clock.systemUTC();
    private final Duration staleAfter;
    private final Duration heartbeatEvery;
    private final ScheduledRuns runs;
    private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "arbiter-import-heartbeat");
        t.setDaemon(true);
        return t;
    });

    public ImportLeases(DataSource dataSource, DataSourceResolver resolver, Clock clock,
                        @Value("${arbiter.intake.stale-after-seconds:120}") long staleAfterSeconds, ScheduledRuns runs) {
        this.runs = runs;
        this.dataSource = resolver.resolve(dataSource);
        this.clock = clock;
        this.staleAfter = Duration.ofSeconds(staleAfterSeconds);
        // Several beats per stale period, so a slow beat or two never makes a live import look dead.
        this.heartbeatEvery = Duration.ofSeconds(Math.max(1, staleAfterSeconds / 6));
    }

    @PreDestroy
    void stop() {
        beats.shutdownNow();
    }

    /** What an upload got: its own new Import, or the Import that already holds the file. */
    public sealed interface Claim {
        long importId();

        record Started(long importId) implements Claim {
        }

        record Duplicate(long importId) implements Claim {
        }
    }

    /** The new Import's fields that do not come from the database. */
    public record Draft(String fileName, String sha256, long size, String importedBy) {
    }

    /**
     * Creates the file's Import (RUNNING) together with its lease, or names the Import that holds the lease. A
     * holder whose heartbeat has stopped is released first.
     */
    public Claim claim(Draft draft) {
        for (int attempt = 0; attempt < 5; attempt++) {
            releaseIfStale(draft.sha256());
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    long id = insertImport(c, draft);
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO import_file_lease (sha256, import_id, heartbeat_at) VALUES (?, ?, ?)")) {
                        ps.setString(1, draft.sha256());
                        ps.setLong(2, id);
                        ps.setObject(3, wallNow());
                        ps.executeUpdate();
                    }
                    c.commit();
                    return new Claim.Started(id);
                } catch (SQLException e) {
                    c.rollback();
                    if (!isDuplicateKey(e)) {
                        throw e;
                    }
                } finally {
                    c.setAutoCommit(true);
                }
                Optional<Long> holder = holderOf(c, draft.sha256());
                if (holder.isPresent()) {
                    return new Claim.Duplicate(holder.get());
                }
                // The holder gave the lease back between our insert and our look (its file was rejected): try again.
            } catch (SQLException e) {
                throw new IllegalStateException("could not register the import (SQLState " + e.getSQLState() + ")", e);
            }
        }
        throw new IllegalStateException("the import of one file could not be registered after 5 attempts");
    }

    /** Renews the import's lease until closed; {@link Heartbeat#lost()} says whether another instance took it. */
    public Heartbeat heartbeat(String sha256, long importId) {
        return new Heartbeat(sha256, importId);
    }

    /** Gives a rejected file's lease back (in the caller's transaction), so the same bytes can be uploaded again. */
    void release(Connection c, String sha256, long importId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM import_file_lease WHERE sha256 = ? AND import_id = ?")) {
            ps.setString(1, sha256);
            ps.setLong(2, importId);
            ps.executeUpdate();
        }
    }

    /**
     * Every instance's scheduler fires at start-up and each minute; the instance that claims the minute sweeps (the
     * sweep is idempotent as well). True when it was this one.
     */
    @Scheduled(initialDelay = "5s", fixedDelay = "60s")
    public boolean scheduledSweep() {
        if (!runs.claimEvery(SWEEP_JOB, Duration.ofMinutes(1))) {
            return false;
        }
        sweep();
        return true;
    }

    /**
     * Marks every import whose instance stopped renewing its lease REJECTED and releases its lease; also RUNNING
     * imports from before leases existed. Background imports whose job is still queued or running are the job table's.
     */
    public int sweep() {
        int swept = 0;
        try (Connection c = dataSource.getConnection()) {
            List<String> stale = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT l.sha256 FROM import_file_lease l JOIN import_file f ON f.id = l.import_id "
                    + "WHERE f.status = 'RUNNING' AND l.heartbeat_at < ? AND NOT " + JOB_UNFINISHED)) {
                ps.setObject(1, wallNow().minus(staleAfter));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        stale.add(rs.getString(1));
                    }
                }
            }
            for (String sha : stale) {
                swept += releaseIfStale(sha) ? 1 : 0;
            }
            // Found by a plain read, then ended one by one by primary key: one UPDATE scanning import_file would lock the
            // row of every running import in turn and wait behind (or deadlock with) a long import's transaction.
            LocalDateTime now = now();
            List<Long> leaseless = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT f.id FROM import_file f WHERE f.status = 'RUNNING' AND f.started_at < ? "
                    + "AND NOT EXISTS (SELECT 1 FROM import_file_lease l WHERE l.import_id = f.id) AND NOT " + JOB_UNFINISHED)) {
                ps.setObject(1, now.minus(staleAfter));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        leaseless.add(rs.getLong(1));
                    }
                }
            }
            for (long id : leaseless) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE import_file SET status = 'REJECTED', errors = ?, finished_at = ?, "
                        + "version = version + 1, updated_at = ? WHERE id = ? AND status = 'RUNNING' "
                        + "AND NOT EXISTS (SELECT 1 FROM import_file_lease l WHERE l.import_id = import_file.id) "
                        + "AND NOT " + Jobs.unfinished(ImportJobs.KIND, "import_file.id"))) {
                    ps.setString(1, errorsJson());
                    ps.setObject(2, now);
                    ps.setObject(3, now);
                    ps.setLong(4, id);
                    swept += ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            LOG.warn("Sweep of interrupted imports failed (SQLState {})", e.getSQLState());
        }
        if (swept > 0) {
            LOG.warn("{} interrupted import(s) marked REJECTED", swept);
        }
        return swept;
    }

    /**
     * Releases the file's lease if its import is RUNNING with a heartbeat older than the stale period, and is not a
     * background import whose job is still queued or running.
     */
    boolean releaseIfStale(String sha256) {
        LocalDateTime now = now();
        LocalDateTime staleBefore = wallNow().minus(staleAfter);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Long importId = null;
                try (PreparedStatement ps = c.prepareStatement("SELECT l.import_id FROM import_file_lease l JOIN import_file f "
                        + "ON f.id = l.import_id WHERE l.sha256 = ? AND f.status = 'RUNNING' AND l.heartbeat_at < ? AND NOT "
                        + JOB_UNFINISHED)) {
                    ps.setString(1, sha256);
                    ps.setObject(2, staleBefore);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            importId = rs.getLong(1);
                        }
                    }
                }
                if (importId == null) {
                    c.rollback();
                    return false;
                }
                // Conditional on the stale heartbeat: of two instances sweeping at once, one deletes the row. And on the job:
                // it may have been queued since the look above.
                int taken;
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM import_file_lease WHERE sha256 = ? AND import_id = ? "
                        + "AND heartbeat_at < ? AND NOT " + Jobs.unfinished(ImportJobs.KIND, "import_file_lease.import_id"))) {
                    ps.setString(1, sha256);
                    ps.setLong(2, importId);
                    ps.setObject(3, staleBefore);
                    taken = ps.executeUpdate();
                }
                if (taken == 1) {
                    try (PreparedStatement ps = c.prepareStatement("UPDATE import_file SET status = 'REJECTED', errors = ?, "
                            + "finished_at = ?, version = version + 1, updated_at = ? WHERE id = ? AND status = 'RUNNING'")) {
                        ps.setString(1, errorsJson());
                        ps.setObject(2, now);
                        ps.setObject(3, now);
                        ps.setLong(4, importId);
                        ps.executeUpdate();
                    }
                }
                c.commit();
                if (taken == 1) {
                    LOG.warn("Import {} stopped renewing its lease; marked REJECTED", importId);
                }
                return taken == 1;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            LOG.warn("Stale lease check failed (SQLState {})", e.getSQLState());
            return false;
        }
    }

    /** A running import's lease renewal; closing it stops the renewals. */
    public final class Heartbeat implements AutoCloseable {
        private final String sha256;
        private final long importId;
        private final ScheduledFuture<?> task;
        private volatile boolean lost;

        private Heartbeat(String sha256, long importId) {
            this.sha256 = sha256;
            this.importId = importId;
            long every = heartbeatEvery.toMillis();
            this.task = beats.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
        }

        /** Renews now; false once the lease is no longer this import's (it was judged dead and taken over). */
        public boolean beat() {
            if (lost) {
                return false;
            }
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement(
                         "UPDATE import_file_lease SET heartbeat_at = ? WHERE sha256 = ? AND import_id = ?")) {
                ps.setObject(1, wallNow());
                ps.setString(2, sha256);
                ps.setLong(3, importId);
                if (ps.executeUpdate() == 0) {
                    lost = true;
                }
            } catch (SQLException e) {
                LOG.warn("Heartbeat of import {} not written (SQLState {})", importId, e.getSQLState());
            }
            return !lost;
        }

        public boolean lost() {
            return lost;
        }

        @Override
        public void close() {
            task.cancel(false);
        }
    }

    private long insertImport(Connection c, Draft d) throws SQLException {
        LocalDateTime now = now();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO import_file (file_name, sha256, status, total, imported_by, "
                + "started_at, version, created_at, updated_at) VALUES (?, ?, 'RUNNING', ?, ?, ?, 0, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, d.fileName());
            ps.setString(2, d.sha256());
            ps.setLong(3, d.size());
            ps.setString(4, d.importedBy());
            ps.setObject(5, now);
            ps.setObject(6, now);
            ps.setObject(7, now);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static Optional<Long> holderOf(Connection c, String sha256) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT import_id FROM import_file_lease WHERE sha256 = ?")) {
            ps.setString(1, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /** MySQL/MariaDB 23000 (ER_DUP_ENTRY 1062), H2 23505: the other upload holds the lease. */
    private static boolean isDuplicateKey(SQLException e) {
        return e.getErrorCode() == 1062 || "23505".equals(e.getSQLState());
    }

    private static String errorsJson() {
        return "[{\"location\":\"file\",\"message\":\"" + INTERRUPTED + "\"}]";
    }

    private LocalDateTime wallNow() {
        return LocalDateTime.now(wall).truncatedTo(ChronoUnit.SECONDS);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }
}
