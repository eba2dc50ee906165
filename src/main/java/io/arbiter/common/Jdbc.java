package io.arbiter.common;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Plain JDBC for the bulk paths (imports of ~19k RVU rows, scans of a million lines) where
 * per-entity repositories would dominate the cost. Connections are taken from the raw pool and
 * each unit of work commits itself.
 */
@Singleton
public class Jdbc {

    private final DataSource raw;

    public Jdbc(DataSource dataSource) {
        this.raw = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    public Connection connection() throws SQLException {
        return raw.getConnection();
    }

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work} in one transaction on its own connection. */
    public <T> T inTransaction(Work<T> work) {
        try (Connection c = raw.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database error: " + e.getMessage(), e);
        }
    }

    public <T> T read(Work<T> work) {
        try (Connection c = raw.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("database error: " + e.getMessage(), e);
        }
    }
}
