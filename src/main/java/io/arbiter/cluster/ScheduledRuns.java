package io.arbiter.cluster;

import io.micronaut.context.annotation.Value;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Scheduled work runs once per period across all instances: each instance's scheduler fires, and the one whose row
 * for (job, period) goes into {@code scheduled_run} first runs the job; the others skip that period. The jobs are also
 * safe to run twice (they act only on cases still in the stage they change), so this is about not doing the work N
 * times, not about correctness.
 */
@Singleton
public class ScheduledRuns {

    private final DataSource dataSource;
    private final Clock clock;
    private final String instanceName;

    public ScheduledRuns(DataSource dataSource, DataSourceResolver resolver, Clock clock,
                         @Value("${arbiter.instance-name:}") String instanceName) {
        this.dataSource = resolver.resolve(dataSource);
        this.clock = clock;
        this.instanceName = instanceName.isBlank() ? defaultInstanceName() : instanceName;
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
            return true;
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                return false;
            }
            throw new IllegalStateException("scheduled run of " + job + " could not be recorded (SQLState " + e.getSQLState() + ")", e);
        }
    }

    public String instanceName() {
        return instanceName;
    }

    private static String defaultInstanceName() {
        String host = System.getenv().getOrDefault("HOSTNAME", "arbiter");
        return host + "-" + ProcessHandle.current().pid();
    }
}
