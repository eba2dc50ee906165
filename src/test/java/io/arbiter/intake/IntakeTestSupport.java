package io.arbiter.intake;

import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Fixture loading, direct imports and table wiping for intake tests (real MariaDB). */
@Singleton
public class IntakeTestSupport {

    private final ImportService service;
    private final DataSource dataSource;

    public IntakeTestSupport(ImportService service, DataSource dataSource, DataSourceResolver resolver) {
        this.service = service;
        this.dataSource = resolver.resolve(dataSource);
    }

    public static byte[] fixture(String path) {
        try (InputStream in = IntakeTestSupport.class.getResourceAsStream("/fixtures/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String path) {
        return new String(fixture(path), StandardCharsets.UTF_8);
    }

    public ImportView importBytes(String name, byte[] bytes) {
        return importBytes(name, bytes, null);
    }

    public ImportView importBytes(String name, byte[] bytes, ImportService.Hint hint) {
        return service.submit(name, new java.io.ByteArrayInputStream(bytes), hint, true, "test").view();
    }

    public ImportView importFixture(String path) {
        return importBytes(path.substring(path.lastIndexOf('/') + 1), fixture(path));
    }

    /** Every table intake writes (findings: its claims are priced as they are stored; background imports: the job table), children first. */
    private static final String[] INTAKE_TABLES = {"job_chunk", "job", "remittance_match", "unmatched_payment", "provider_adjustment", "denial_evidence", "denial", "claim_track", "finding", "claim_repricing_due", "claim_owner", "user_practice", "track_fact", "claim_intake_warning", "remittance_line", "remittance_natural_key",
            "remittance", "claim_line", "claim", "patient", "plan", "payer", "provider", "practice", "import_progress", "import_file_lease", "import_file"};

    /** Empties every table intake writes so a test starts from nothing. */
    public void wipe() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String t : INTAKE_TABLES) {
                s.executeUpdate("DELETE FROM " + t);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Like {@link #wipe()} but by TRUNCATE (benchmarks): nothing left for InnoDB's purge to do afterwards. */
    public void truncate() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET foreign_key_checks = 0");
            try {
                for (String t : INTAKE_TABLES) {
                    s.executeUpdate("TRUNCATE TABLE " + t);
                }
            } finally {
                s.execute("SET foreign_key_checks = 1");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long count(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public BigDecimal decimal(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBigDecimal(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long claimId(String pcn) {
        return count("SELECT id FROM claim WHERE patient_control_number = ?", pcn);
    }
}
