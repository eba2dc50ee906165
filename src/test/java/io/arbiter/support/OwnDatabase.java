package io.arbiter.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A MariaDB database of a test's own on the suite's server (application-test.yml, .ci/run settings), created empty
 * and dropped afterwards, so a migration test can migrate from an old version without touching the suite's schema.
 */
public final class OwnDatabase {

    /** The suite's database settings; the test swaps in a database of its own on the same server. */
    public static final String TEST_URL = System.getenv().getOrDefault("ARBITER_TEST_DB_URL",
            "jdbc:mysql://127.0.0.1:3306/test?connectionTimeZone=UTC&sslMode=DISABLED&allowPublicKeyRetrieval=true");
    public static final String USER = System.getenv().getOrDefault("ARBITER_TEST_DB_USER", "root");
    public static final String PASSWORD = System.getenv().getOrDefault("ARBITER_TEST_DB_PASSWORD", "");

    /** What runs against the database: its JDBC URL, user and password. */
    public interface Work {
        void run(String url, String user, String password) throws SQLException;
    }

    private OwnDatabase() {
    }

    public static void onMariaDb(String database, Work work) throws SQLException {
        String own = TEST_URL.replaceFirst("(jdbc:mysql://[^/]+/)[^?]*", "$1" + database);
        execute("DROP DATABASE IF EXISTS " + database);
        execute("CREATE DATABASE " + database);
        try {
            work.run(own, USER, PASSWORD);
        } finally {
            execute("DROP DATABASE IF EXISTS " + database);
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(TEST_URL, USER, PASSWORD); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
