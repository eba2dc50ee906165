package io.arbiter.common;

import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * BulkInsert on the real MariaDB (LOAD DATA LOCAL from memory) and on its INSERT fallback (H2, and MariaDB
 * without the capability): values arrive unchanged, and anything the server would only warn about fails.
 */
@MicronautTest(transactional = false)
class BulkInsertTest {

    static final String TABLE = "CREATE TEMPORARY TABLE bulk_probe (id BIGINT AUTO_INCREMENT PRIMARY KEY, code VARCHAR(12) NOT NULL, "
            + "note TEXT, amount DECIMAL(12,2), service_day DATE, stamped_at DATETIME, flag TINYINT(1) NOT NULL, n BIGINT, UNIQUE KEY uq_code (code))";

    /** Text that needs every escape LOAD DATA knows, plus non-ASCII names. */
    static final String AWKWARD = "tab\there\nnew line\r\\back\\slash \\N not null, Núñez 李 ✓";

    @Inject
    DataSource dataSource;

    @Inject
    DataSourceResolver resolver;

    @Test
    void rowsLoadedFromMemoryArriveExactlyAsGiven() throws Exception {
        try (Connection c = resolver.resolve(dataSource).getConnection()) {
            create(c);
            BulkInsert bulk = probe(c);
            assertTrue(bulk.loadData(), "the test URL enables LOAD DATA LOCAL (allowLoadLocalInfileInPath)");
            assertRoundTrip(c, bulk);
        }
    }

    @Test
    void withoutTheCapabilityTheSameRowsGoThroughMultiRowInserts() throws Exception {
        String url;
        try (Connection pooled = resolver.resolve(dataSource).getConnection()) {
            url = pooled.getMetaData().getURL().replaceAll("&?allowLoadLocalInfileInPath=[^&]*", "");
        }
        String user = System.getenv().getOrDefault("ARBITER_TEST_DB_USER", "root");
        String password = System.getenv().getOrDefault("ARBITER_TEST_DB_PASSWORD", "");
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            create(c);
            BulkInsert bulk = probe(c);
            assertFalse(bulk.loadData());
            assertRoundTrip(c, bulk);
        }
    }

    @Test
    void embeddedH2UsesTheInsertFallback() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:bulk_probe;MODE=MySQL;DATABASE_TO_LOWER=TRUE")) {
            try (Statement st = c.createStatement()) {
                st.execute(TABLE.replace("TEMPORARY ", "").replace(", UNIQUE KEY uq_code (code)", ", CONSTRAINT uq_code UNIQUE (code)"));
            }
            BulkInsert bulk = probe(c);
            assertFalse(bulk.loadData());
            assertRoundTrip(c, bulk);
        }
    }

    @Test
    void constantColumnsAreStoredOnEveryRowOnBothPaths() throws Exception {
        try (Connection maria = resolver.resolve(dataSource).getConnection();
             Connection h2 = DriverManager.getConnection("jdbc:h2:mem:bulk_constants;MODE=MySQL;DATABASE_TO_LOWER=TRUE")) {
            create(maria);
            try (Statement st = h2.createStatement()) {
                st.execute(TABLE.replace("TEMPORARY ", "").replace(", UNIQUE KEY uq_code (code)", ", CONSTRAINT uq_code UNIQUE (code)"));
            }
            for (Connection c : List.of(maria, h2)) {
                BulkInsert bulk = new BulkInsert(c, "bulk_probe", "code", "note").constant("amount", new BigDecimal("12.50"))
                        .constant("service_day", LocalDate.of(2026, 9, 14)).constant("stamped_at", LocalDateTime.of(2026, 10, 8, 9, 30, 15, 999))
                        .constant("flag", true).constant("n", 42L);
                assertEquals(c == maria, bulk.loadData());
                for (int i = 0; i < BulkInsert.ROWS_PER_INSERT + 3; i++) { // more than one INSERT on the fallback
                    bulk.add("K" + i).add(i % 2 == 0 ? null : "odd").endRow();
                }
                assertEquals(BulkInsert.ROWS_PER_INSERT + 3, bulk.execute());
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*), MIN(amount), MAX(amount), "
                        + "MIN(service_day), MAX(stamped_at), MIN(flag), MAX(n), COUNT(note) FROM bulk_probe")) {
                    rs.next();
                    assertEquals(BulkInsert.ROWS_PER_INSERT + 3, rs.getInt(1));
                    assertEquals(new BigDecimal("12.50"), rs.getBigDecimal(2));
                    assertEquals(new BigDecimal("12.50"), rs.getBigDecimal(3));
                    assertEquals(LocalDate.of(2026, 9, 14), rs.getObject(4, LocalDate.class));
                    assertEquals(LocalDateTime.of(2026, 10, 8, 9, 30, 15), rs.getObject(5, LocalDateTime.class));
                    assertEquals(1, rs.getInt(6));
                    assertEquals(42, rs.getLong(7));
                    assertEquals((BulkInsert.ROWS_PER_INSERT + 3) / 2, rs.getInt(8));
                }
            }
        }
    }

    @Test
    void aConstantMustBeANumberBooleanOrDateAndComeBeforeTheRows() throws Exception {
        try (Connection c = resolver.resolve(dataSource).getConnection()) {
            create(c);
            BulkInsert bulk = new BulkInsert(c, "bulk_probe", "code", "flag");
            assertThrows(IllegalArgumentException.class, () -> bulk.constant("note", "'); DROP TABLE claim; --"));
            bulk.add("A").add(true).endRow();
            assertThrows(IllegalStateException.class, () -> bulk.constant("n", 1L));
        }
    }

    @Test
    void rowsBeyondOneBufferAreSentInSeveralLoadsAndAllArrive() throws Exception {
        try (Connection c = resolver.resolve(dataSource).getConnection()) {
            create(c);
            BulkInsert bulk = probe(c);
            String note = "x".repeat(200);
            int n = 3 * BulkInsert.SEND_AT_BYTES / note.length();
            for (int i = 0; i < n; i++) {
                row(bulk, "C" + i, note, "1.00");
            }
            assertTrue(bulk.rows() < n, "full buffers were sent while rows were added");
            assertEquals(n, bulk.execute());
            assertEquals(n, count(c));
        }
    }

    @Test
    void generatedIdsNameEveryRowInTheOrderAddedAcrossSeveralLoads() throws Exception {
        try (Connection c = resolver.resolve(dataSource).getConnection()) {
            create(c);
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO bulk_probe (code, flag) VALUES ('EXISTING', 0)"); // ids do not start at 1
            }
            BulkInsert bulk = BulkInsert.withGeneratedIds(c, "bulk_probe", "code", "note", "amount", "service_day", "stamped_at", "flag", "n");
            assertTrue(bulk.loadData(), "MariaDB's default innodb_autoinc_lock_mode 1 gives a LOAD consecutive ids");
            assertIdsMatchRows(c, bulk, 3 * BulkInsert.SEND_AT_BYTES / 200);
        }
    }

    @Test
    void generatedIdsFollowAutoIncrementIncrement() throws Exception {
        try (Connection c = resolver.resolve(dataSource).getConnection()) {
            create(c);
            try (Statement st = c.createStatement()) {
                st.execute("SET SESSION auto_increment_increment = 3"); // as on a three-node multi-primary cluster
            }
            try {
                BulkInsert bulk = BulkInsert.withGeneratedIds(c, "bulk_probe", "code", "note", "amount", "service_day", "stamped_at", "flag", "n");
                assertTrue(bulk.loadData());
                assertIdsMatchRows(c, bulk, 50);
            } finally {
                try (Statement st = c.createStatement()) {
                    st.execute("SET SESSION auto_increment_increment = 1");
                }
            }
        }
    }

    @Test
    void generatedIdsOnTheInsertFallback() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:bulk_ids;MODE=MySQL;DATABASE_TO_LOWER=TRUE")) {
            try (Statement st = c.createStatement()) {
                st.execute(TABLE.replace("TEMPORARY ", "").replace(", UNIQUE KEY uq_code (code)", ", CONSTRAINT uq_code UNIQUE (code)"));
                st.execute("INSERT INTO bulk_probe (code, flag) VALUES ('EXISTING', 0)");
            }
            BulkInsert bulk = BulkInsert.withGeneratedIds(c, "bulk_probe", "code", "note", "amount", "service_day", "stamped_at", "flag", "n");
            assertFalse(bulk.loadData());
            assertIdsMatchRows(c, bulk, BulkInsert.ROWS_PER_INSERT * 2 + 7);
        }
    }

    private static void assertIdsMatchRows(Connection c, BulkInsert bulk, int n) throws SQLException {
        String note = "n".repeat(200);
        for (int i = 0; i < n; i++) {
            row(bulk, "K" + i, note, "1.00");
        }
        bulk.execute();
        long[] ids = bulk.ids();
        assertEquals(n, ids.length);
        java.util.Map<Long, String> codes = new java.util.HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id, code FROM bulk_probe")) {
            while (rs.next()) {
                codes.put(rs.getLong(1), rs.getString(2));
            }
        }
        for (int i = 0; i < n; i++) {
            assertEquals("K" + i, codes.get(ids[i]), "row " + i);
        }
    }

    @Test
    void aValueTheServerWouldTruncateFailsTheLoadAndTheTransactionLeavesNothing() throws Exception {
        try (Connection c = resolver.resolve(dataSource).getConnection()) {
            create(c);
            c.setAutoCommit(false);
            try {
                BulkInsert bulk = probe(c);
                row(bulk, "OK-1", "fine", "1.00");
                row(bulk, "MUCH-TOO-LONG-CODE", "truncated", "2.00");
                SQLException e = assertThrows(SQLException.class, bulk::execute);
                assertTrue(e.getMessage().startsWith("bulk_probe: the database stored"), e.getMessage());
                assertTrue(e.getMessage().contains("code"), e.getMessage());
                c.rollback();
                assertEquals(0, count(c));
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    @Test
    void aDuplicateKeyThatLoadDataWouldSkipFailsTheLoad() throws Exception {
        try (Connection c = resolver.resolve(dataSource).getConnection()) {
            create(c);
            BulkInsert bulk = probe(c);
            row(bulk, "SAME", "first", "1.00");
            row(bulk, "SAME", "second", "2.00");
            SQLException e = assertThrows(SQLException.class, bulk::execute);
            assertTrue(e.getMessage().contains("stored 1 of 2 rows"), e.getMessage());
            assertTrue(e.getMessage().contains("Duplicate"), e.getMessage());
        }
    }

    @Test
    void theServerCannotReadAClientFileOutsideABulkInsert() throws Exception {
        try (Connection c = resolver.resolve(dataSource).getConnection()) {
            create(c);
            BulkInsert bulk = probe(c);
            row(bulk, "A", "a", "1.00");
            bulk.execute();
            try (Statement st = c.createStatement()) {
                SQLException e = assertThrows(SQLException.class,
                        () -> st.executeUpdate("LOAD DATA LOCAL INFILE '/etc/hostname' INTO TABLE bulk_probe (code)"));
                assertTrue(e.getMessage().contains("allowLoadLocalInfile"), e.getMessage());
            }
            assertEquals(1, count(c));
        }
    }

    @Test
    void aRowWithTheWrongNumberOfValuesIsRefusedBeforeAnythingIsSent() throws Exception {
        try (Connection c = resolver.resolve(dataSource).getConnection()) {
            create(c);
            BulkInsert bulk = probe(c);
            bulk.add("X").add("x");
            assertThrows(IllegalStateException.class, bulk::execute, "a row left open is not sent");
            IllegalStateException e = assertThrows(IllegalStateException.class, bulk::endRow);
            assertEquals("bulk_probe: row 1 has 2 values for 7 columns", e.getMessage());
        }
    }

    private static void create(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("DROP TEMPORARY TABLE IF EXISTS bulk_probe");
            st.execute(TABLE);
        }
    }

    private static BulkInsert probe(Connection c) throws SQLException {
        return new BulkInsert(c, "bulk_probe", "code", "note", "amount", "service_day", "stamped_at", "flag", "n");
    }

    private static void row(BulkInsert bulk, String code, String note, String amount) throws SQLException {
        bulk.add(code).add(note).add(new BigDecimal(amount)).add(LocalDate.of(2026, 8, 27)).add(LocalDateTime.of(2026, 10, 8, 12, 0))
                .add(false).add(1L).endRow();
    }

    private static void assertRoundTrip(Connection c, BulkInsert bulk) throws SQLException {
        bulk.add("R1").add(AWKWARD).add(new BigDecimal("1502.71")).add(LocalDate.of(2026, 8, 27))
                .add(LocalDateTime.of(2026, 10, 8, 7, 5, 9, 999_000_000)).add(true).add(Long.MAX_VALUE).endRow();
        bulk.add("R2").add((String) null).add((BigDecimal) null).add((LocalDate) null).add((LocalDateTime) null).add(false).add((Long) null).endRow();
        bulk.add("R3").add("").add(new BigDecimal("-0.50")).add(LocalDate.of(2024, 2, 29)).add(LocalDateTime.of(2026, 1, 1, 0, 0))
                .add(false).add(-7L).endRow();
        assertEquals(3, bulk.execute());
        assertEquals(0, bulk.rows());
        assertEquals(0, bulk.execute(), "nothing pending after a successful execute");
        List<String> got = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT code, note, amount, service_day, stamped_at, flag, n FROM bulk_probe ORDER BY code")) {
            while (rs.next()) {
                got.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getBigDecimal(3) + "|" + rs.getObject(4, LocalDate.class) + "|"
                        + rs.getObject(5, LocalDateTime.class) + "|" + rs.getBoolean(6) + "|" + rs.getObject(7));
            }
        }
        assertEquals(List.of(
                "R1|" + AWKWARD + "|1502.71|2026-08-27|2026-10-08T07:05:09|true|" + Long.MAX_VALUE,
                "R2|null|null|null|null|false|null",
                "R3||-0.50|2024-02-29|2026-01-01T00:00|false|-7"), got);
    }

    private static long count(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM bulk_probe")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
