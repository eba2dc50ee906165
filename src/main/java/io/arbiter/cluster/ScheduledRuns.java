package io.arbiter.cluster;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Scheduled work runs once per period across all instances: each instance's scheduler fires, and the one that claims
 * the period runs the job; the others skip it. The jobs are also safe to run twice (they act only on what is still
 * waiting for them), so this is about not doing the work N times, not about correctness.
 *
 * <p>Two ways to claim. {@link #claim} for a named period (the overdue check of 2026-12-03): one {@code scheduled_run}
 * row per job and period, kept as the history of daily runs. {@link #claimEvery} for the per-minute sweeps: one
 * {@code scheduled_lease} row per job, moved forward by the instance that takes the next run, so nothing grows.
 * Each run is counted as {@code arbiter.scheduled.runs} by job and outcome (ran / skipped).
 */
@Singleton
public class ScheduledRuns {

    private final DataSource dataSource;
    private final Clock clock;
    /** Lease times measure elapsed machine time, not the business clock tests move (as import heartbeats do). */
    private final Clock wall = Clock.systemUTC();
    private final String instanceName;
    private final MeterRegistry meters;

    public ScheduledRuns(DataSource dataSource, DataSourceResolver resolver, Clock clock,
                         @Value("${arbiter.instance-name:}") String instanceName, MeterRegistry meters) {
        this.dataSource = resolver.resolve(dataSource);
        this.clock = clock;
        this.instanceName = instanceName.isBlank() ? defaultInstanceName() : instanceName;
        this.meters = meters;
    }

    /** True when this instance claimed {@code job} for {@code period} and must run it; false when another did. */
    public boolean claim(String job, String period) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO scheduled_run (job, period, instance_name, started_at) VALUES (?, ?, ?, ?)")) {
            c.setAutoCommit(true);
            ps.setString(1, job);
            ps.setString(2, period);
            ps.setString(3, instanceName);
            ps.setObject(4, LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS));
            ps.executeUpdate();
            return counted(job, true);
        } catch (SQLException e) {
            if (isDuplicateKey(e)) {
                return counted(job, false);
            }
            throw new IllegalStateException("scheduled run of " + job + " could not be recorded (SQLState " + e.getSQLState() + ")", e);
        }
    }

    /**
     * True when no instance has started {@code job} within the last {@code every} and this instance now has: the
     * job's lease row moves to this instance and this moment. Of several instances firing in the same period exactly
     * one gets it — the conditional UPDATE is decided by the database's row lock, and the first INSERT by its primary
     * key. Instances' clocks should agree (NTP): a clock ahead by s seconds may start a run s seconds early. A run that
     * outlasts {@code every} may overlap the next one; the sweeps are idempotent.
     */
    public boolean claimEvery(String job, Duration every) {
        LocalDateTime now = LocalDateTime.now(wall).truncatedTo(ChronoUnit.SECONDS);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE scheduled_lease SET instance_name = ?, started_at = ? WHERE job = ? AND started_at <= ?")) {
                ps.setString(1, instanceName);
                ps.setObject(2, now);
                ps.setString(3, job);
                ps.setObject(4, now.minus(every));
                if (ps.executeUpdate() == 1) {
                    return counted(job, true);
                }
            }
            // not due yet, or the job's first run ever: only the latter inserts, and only one insert wins
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO scheduled_lease (job, instance_name, started_at) VALUES (?, ?, ?)")) {
                ps.setString(1, job);
                ps.setString(2, instanceName);
                ps.setObject(3, now);
                ps.executeUpdate();
                return counted(job, true);
            } catch (SQLException e) {
                if (isDuplicateKey(e)) {
                    return counted(job, false);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("scheduled run of " + job + " could not be claimed (SQLState " + e.getSQLState() + ")", e);
        }
    }

    public String instanceName() {
        return instanceName;
    }

    private boolean counted(String job, boolean ran) {
        Counter.builder("arbiter.scheduled.runs")
                .description("Scheduled jobs fired on this instance: ran (claimed the period) or skipped (another instance had it)")
                .tag("job", job)
                .tag("outcome", ran ? "ran" : "skipped")
                .register(meters)
                .increment();
        return ran;
    }

    /** MySQL/MariaDB 1062 and H2 23505 (SQLState class 23: integrity constraint violation). */
    private static boolean isDuplicateKey(SQLException e) {
        return e.getErrorCode() == 1062 || (e.getSQLState() != null && e.getSQLState().startsWith("23"));
    }

    private static String defaultInstanceName() {
        String host = System.getenv().getOrDefault("HOSTNAME", "arbiter");
        return host + "-" + ProcessHandle.current().pid();
    }
}
