package io.arbiter.intake;

import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * IntakeWriter's throughput rests on Connector/J sending a JDBC batch as ONE multi-row INSERT
 * (rewriteBatchedStatements) even when it asks for generated keys (docs/performance-intake.md).
 * Guards that assumption against a driver upgrade or a changed URL.
 */
@MicronautTest(transactional = false)
class BatchRewriteTest {

    @Inject
    DataSource dataSource;

    @Inject
    DataSourceResolver resolver;

    @Test
    void aBatchWithGeneratedKeysIsOneInsertStatementAndReturnsConsecutiveKeys() throws Exception {
        try (Connection c = resolver.resolve(dataSource).getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TEMPORARY TABLE batch_probe (id BIGINT AUTO_INCREMENT PRIMARY KEY, code VARCHAR(10) NOT NULL)");
            }
            long before = comInsert(c);
            List<Long> keys = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO batch_probe (code) VALUES (?)", Statement.RETURN_GENERATED_KEYS)) {
                for (int i = 0; i < 1000; i++) {
                    ps.setString(1, "C" + i);
                    ps.addBatch();
                }
                ps.executeBatch();
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    while (rs.next()) {
                        keys.add(rs.getLong(1));
                    }
                }
            }
            // one INSERT statement reached the server for the 1,000 rows
            assertEquals(1, comInsert(c) - before);
            assertEquals(1000, keys.size());
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT MIN(id), MAX(id), COUNT(*) FROM batch_probe WHERE code = 'C999' OR code = 'C0'")) {
                rs.next();
                // the driver's keys are the rows' ids: first row C0, last row C999
                assertEquals(keys.get(0), rs.getLong(1));
                assertEquals(keys.get(999), rs.getLong(2));
            }
            c.rollback();
            try (Statement s = c.createStatement()) {
                s.execute("DROP TEMPORARY TABLE batch_probe");
            }
        }
    }

    private static long comInsert(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW SESSION STATUS LIKE 'Com_insert'")) {
            rs.next();
            return rs.getLong(2);
        }
    }
}
