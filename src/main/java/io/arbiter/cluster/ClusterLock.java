package io.arbiter.cluster;

import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A lock shared by every instance on the database: a row of {@code cluster_lock} held with SELECT ... FOR UPDATE on a
 * connection of its own for as long as the work runs. The database, not the JVM, makes the second instance wait, and
 * it releases the lock of an instance that died (its connection ends). Works the same on MariaDB, MySQL and H2.
 */
@Singleton
public class ClusterLock {

    /** Start-up seeding (first administrator, demo data). */
    public static final String STARTUP = "startup";
    /** How long an instance waits for another's start-up seeding (the demo's imports and scan take well under this). */
    public static final Duration STARTUP_PATIENCE = Duration.ofMinutes(10);

    private final DataSource dataSource;

    public ClusterLock(DataSource dataSource, DataSourceResolver resolver) {
        // Its own connection, outside any transaction of the work it guards (which commits on its own).
        this.dataSource = resolver.resolve(dataSource);
    }

    /**
     * Runs {@code work} while holding the named lock; waits (in lock-wait-timeout steps, up to {@code patience}) while
     * another instance holds it.
     */
    public <T> T holding(String name, Duration patience, Supplier<T> work) {
        long deadline = System.nanoTime() + patience.toNanos();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                while (!lock(c, name)) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("cluster lock '" + name + "' still held by another instance after " + patience);
                    }
                }
                return work.get();
            } finally {
                c.rollback(); // releases the row lock; the lock row itself never changes
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cluster lock '" + name + "' could not be taken (SQLState " + e.getSQLState() + ")", e);
        }
    }

    /** True when the row is locked by this connection; false when the wait for another holder timed out. */
    private static boolean lock(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT name FROM cluster_lock WHERE name = ? FOR UPDATE")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no cluster lock named '" + name + "' (migration V67)");
                }
                return true;
            }
        } catch (SQLException e) {
            if (isLockWaitTimeout(e)) {
                return false;
            }
            throw e;
        }
    }

    private static boolean isLockWaitTimeout(SQLException e) {
        // MariaDB/MySQL 1205 lock wait timeout; H2 HYT00 / 50200 timeout trying to lock
        return e.getErrorCode() == 1205 || "HYT00".equals(e.getSQLState()) || e.getErrorCode() == 50200;
    }
}
