package io.arbiter.ops;

import io.arbiter.cluster.ScheduledRuns;
import io.arbiter.intake.IntakeTestSupport;
import io.arbiter.security.Roles;
import io.arbiter.support.TestAccounts;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GET /metrics over HTTP, read as Prometheus would read it (issue 18): the bearer token guards it, and after real
 * requests, a bad sign-in, an unfinished import row and a real import the series operators alert on are there with
 * the values those events must give them — labelled by route template, never by the path a request was sent to.
 */
@MicronautTest(transactional = false)
class MetricsTest {

    private static final String TOKEN = "test-metrics-token-0123456789"; // application-test.yml

    @Inject @Client("/") HttpClient http;
    @Inject TestAccounts accounts;
    @Inject IntakeTestSupport intake;
    @Inject DataSource dataSource;
    @Inject DataSourceResolver resolver;
    @Inject Clock clock;
    @Inject ScheduledRuns scheduledRuns;

    BlockingHttpClient client;

    @BeforeEach
    void setUp() {
        client = http.toBlocking();
        intake.wipe();
    }

    @Test
    void theEndpointTakesOnlyItsBearerToken() {
        HttpClientResponseException none = assertThrows(HttpClientResponseException.class, () -> client.exchange("/metrics", String.class));
        assertEquals(HttpStatus.UNAUTHORIZED, none.getStatus());
        HttpClientResponseException wrong = assertThrows(HttpClientResponseException.class,
                () -> client.exchange(HttpRequest.GET("/metrics").bearerAuth("test-metrics-token-0123456780"), String.class));
        assertEquals(HttpStatus.UNAUTHORIZED, wrong.getStatus());
        // a user's sign-in is not the scraper's credential, whatever the role
        String admin = accounts.token(client, Roles.ADMIN);
        HttpClientResponseException user = assertThrows(HttpClientResponseException.class,
                () -> client.exchange(HttpRequest.GET("/metrics").bearerAuth(admin), String.class));
        assertEquals(HttpStatus.UNAUTHORIZED, user.getStatus());

        HttpResponse<String> ok = client.exchange(HttpRequest.GET("/metrics").bearerAuth(TOKEN), String.class);
        assertEquals(HttpStatus.OK, ok.getStatus());
        assertEquals("text/plain;version=0.0.4;charset=utf-8", ok.getContentType().orElseThrow().toString().replace(" ", ""));
        String body = ok.body();
        assertTrue(body.contains("# TYPE jvm_memory_used_bytes gauge"), "JVM meters are bound");
        assertTrue(body.contains("# TYPE process_uptime_seconds gauge"), "process meters are bound");
        assertTrue(body.contains("# TYPE hikaricp_connections_pending gauge"), "the connection pool's meters are bound");
    }

    @Test
    void requestLatencyIsLabelledByRouteTemplateNeverByPath() {
        String token = accounts.token(client, Roles.SPECIALIST);
        Map<String, String> series = Map.of("method", "GET", "uri", "/api/v1/cases/{id}", "status", "404");
        double before = value(scrape(), "http_server_requests_seconds_count", series);

        for (long id : new long[]{987_654_321L, 987_654_322L}) {
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                    () -> client.exchange(HttpRequest.GET("/api/v1/cases/" + id).bearerAuth(token), String.class));
            assertEquals(HttpStatus.NOT_FOUND, e.getStatus());
        }
        assertThrows(HttpClientResponseException.class,
                () -> client.exchange(HttpRequest.GET("/no-such-page/LS05000001").bearerAuth(token), String.class));

        String text = scrape();
        assertEquals(before + 2, value(text, "http_server_requests_seconds_count", series), "both requests under the one template");
        assertTrue(value(text, "http_server_requests_seconds_bucket", Map.of("method", "GET", "uri", "/api/v1/cases/{id}",
                "status", "404", "le", "10.0")) >= 2, "latency buckets for alerts");
        assertTrue(value(text, "http_server_requests_seconds_count", Map.of("method", "GET", "uri", "NOT_FOUND", "status", "404")) >= 1);
        assertFalse(text.contains("987654321"), "no path as sent");
        assertFalse(text.contains("LS05000001"), "no path as sent");
    }

    @Test
    void aBadSignInIsCountedByReasonAndChannel_neverByName() {
        accounts.ensure("metrics-signin", "right-password-for-metrics", Roles.SPECIALIST);
        Map<String, String> series = Map.of("reason", "wrong_password", "channel", "api");
        double before = value(scrape(), "arbiter_signin_failures_total", series);

        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> client.exchange(
                HttpRequest.POST("/login", Map.of("username", "metrics-signin", "password", "not-the-password")), String.class));
        assertEquals(HttpStatus.UNAUTHORIZED, e.getStatus());

        String text = scrape();
        assertEquals(before + 1, value(text, "arbiter_signin_failures_total", series));
        assertFalse(text.contains("metrics-signin"), "no username in any label");
    }

    @Test
    void theQueueGaugesReadUnfinishedImportsFromTheDatabase() throws SQLException {
        assertEquals(0, value(scrape(), "arbiter_work_queue_depth", Map.of()));
        assertEquals(0, value(scrape(), "arbiter_work_queue_oldest_age_seconds", Map.of()));

        // an import another instance is running, started 90 s ago (the lease sweep leaves it alone until 120 s)
        long id = insertRunningImport(LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS).minusSeconds(90));
        String text = scrape();
        assertEquals(1, value(text, "arbiter_work_queue_depth", Map.of()));
        double age = value(text, "arbiter_work_queue_oldest_age_seconds", Map.of());
        assertTrue(age >= 90 && age < 90 + 60, "oldest age " + age);

        finish(id);
        assertEquals(0, value(scrape(), "arbiter_work_queue_depth", Map.of()), "a finished import leaves the queue");
    }

    @Test
    void anImportAddsItsServiceLinesAndItsDuration() {
        String text = scrape();
        Map<String, String> format = Map.of("format", "X12_835");
        double lines = value(text, "arbiter_import_lines_total", format);
        double runs = value(text, "arbiter_import_duration_seconds_count", Map.of("format", "X12_835", "status", "COMPLETED"));

        String token = accounts.token(client, Roles.SPECIALIST);
        MultipartBody body = MultipartBody.builder().addPart("file", "acme.edi", MediaType.TEXT_PLAIN_TYPE,
                IntakeTestSupport.fixture("x12/acme-self-funded-835.edi")).build();
        HttpResponse<Map> created = client.exchange(HttpRequest.POST("/api/v1/imports", body)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(token), Map.class);
        assertEquals("COMPLETED", created.body().get("status"));
        assertEquals(35, created.body().get("serviceLines"));

        text = scrape();
        assertEquals(lines + 35, value(text, "arbiter_import_lines_total", format));
        assertEquals(runs + 1, value(text, "arbiter_import_duration_seconds_count", Map.of("format", "X12_835", "status", "COMPLETED")));
        assertFalse(text.contains("acme.edi"), "no file name in any label");
    }

    @Test
    void scheduledRunsAreCountedAsRanOrSkipped() {
        String job = "metrics-test-" + System.nanoTime(); // a job of its own: no row, no earlier count
        assertTrue(scheduledRuns.claimEvery(job, Duration.ofMinutes(1)));
        assertFalse(scheduledRuns.claimEvery(job, Duration.ofMinutes(1)), "the same minute is taken");

        String text = scrape();
        assertEquals(1, value(text, "arbiter_scheduled_runs_total", Map.of("job", job, "outcome", "ran")));
        assertEquals(1, value(text, "arbiter_scheduled_runs_total", Map.of("job", job, "outcome", "skipped")));
    }

    private String scrape() {
        return client.retrieve(HttpRequest.GET("/metrics").bearerAuth(TOKEN), String.class);
    }

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** The value of the one sample of {@code name} whose labels include {@code labels}; 0 when there is none yet. */
    static double value(String exposition, String name, Map<String, String> labels) {
        Double found = null;
        for (String line : exposition.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (!m.matches() || !m.group(1).equals(name)) {
                continue;
            }
            Map<String, String> have = new HashMap<>();
            if (m.group(2) != null) {
                Matcher l = LABEL.matcher(m.group(2));
                while (l.find()) {
                    have.put(l.group(1), l.group(2));
                }
            }
            if (have.entrySet().containsAll(labels.entrySet())) {
                if (found != null) {
                    throw new AssertionError("more than one " + name + " sample matches " + labels);
                }
                found = Double.parseDouble(m.group(3));
            }
        }
        return found == null ? 0 : found;
    }

    private long insertRunningImport(LocalDateTime startedAt) throws SQLException {
        try (Connection c = resolver.resolve(dataSource).getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO import_file (file_name, sha256, status, started_at, version, created_at, updated_at) "
                        + "VALUES ('queued.835', REPEAT('a', 64), 'RUNNING', ?, 0, ?, ?)", java.sql.Statement.RETURN_GENERATED_KEYS)) {
            ps.setObject(1, startedAt);
            ps.setObject(2, startedAt);
            ps.setObject(3, startedAt);
            ps.executeUpdate();
            try (var keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private void finish(long id) throws SQLException {
        try (Connection c = resolver.resolve(dataSource).getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE import_file SET status = 'COMPLETED', finished_at = started_at WHERE id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }
}
