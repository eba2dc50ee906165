package io.arbiter.ops;

import io.micronaut.context.BeanProvider;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;

/**
 * The background work not yet finished, as the database sees it — the same answer on every instance: the imports still
 * RUNNING ({@code import_file}). A background import is on the durable job table ({@code job}, issue 18) but stays
 * RUNNING from its upload to its end, queued or running, taken over or not, so this count includes it; when another
 * kind of work goes on the job table, this class alone is pointed at it too (the gauges and the docs read only
 * {@link #snapshot()}).
 */
@Singleton
public class WorkQueue {

    /** How many items wait or run, and since when the oldest of them started (null when none). */
    public record Snapshot(long depth, @Nullable LocalDateTime oldestStartedAt) {

        /** Seconds the oldest unfinished item has been waiting or running at {@code now}; 0 when there is none. */
        public double oldestAgeSeconds(LocalDateTime now) {
            return oldestStartedAt == null ? 0 : Math.max(0, Duration.between(oldestStartedAt, now).toMillis() / 1000.0);
        }
    }

    private static final String SQL = "SELECT COUNT(*), MIN(started_at) FROM import_file WHERE status = 'RUNNING'";

    private final BeanProvider<DataSource> dataSource;
    private final DataSourceResolver resolver;
    private final Clock clock;

    /**
     * The data source is looked up when first read, not injected: the pool binds its own meters to the meter registry,
     * which binds these gauges, so an injected data source would be created inside its own creation (a new pool each
     * time round, until the server refused connections).
     */
    public WorkQueue(BeanProvider<DataSource> dataSource, DataSourceResolver resolver, Clock clock) {
        this.dataSource = dataSource;
        this.resolver = resolver;
        this.clock = clock;
    }

    public Snapshot snapshot() {
        try (Connection c = resolver.resolve(dataSource.get()).getConnection(); PreparedStatement ps = c.prepareStatement(SQL); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new Snapshot(rs.getLong(1), rs.getObject(2, LocalDateTime.class));
        } catch (SQLException e) {
            throw new IllegalStateException("work queue not read (SQLState " + e.getSQLState() + ")", e);
        }
    }

    /** Now on the clock {@code started_at} is written with (the application's, UTC). */
    public LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
