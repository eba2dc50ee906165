package io.arbiter.cluster;

import io.arbiter.support.OwnDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 18's acceptance test, on the artifact users run: two packaged jars ({@code java -jar}, two ports) on one fresh
 * MariaDB database. A large 835 (built from the gulf-tpa fixture: its transaction set repeated with new claim numbers)
 * is uploaded to instance A and answered 202; while A is importing it, A is killed (kill -9). Instance B's worker takes
 * the job over once A's lease has run out and imports the file again from the beginning: through B's API the Import
 * ends COMPLETED with exactly the file's counts, the database holds each claim and remittance once, the job is DONE on
 * its second attempt with its bytes deleted, and the same bytes uploaded again are a duplicate of that Import. Then A is
 * started again and another file's import is cut short by a graceful stop (SIGTERM, as {@code docker stop} sends): the
 * stopping instance hands the job back, and the other claims it at once — before any lease could have run out — on
 * the same attempt, and completes it.
 *
 * <p>Runs in the {@code integration-test} phase (failsafe) after {@code package}; needs the suite's MariaDB server
 * (ARBITER_TEST_DB_URL, as the unit tests) and creates, then drops, the database {@code arbiter_jobs_it}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImportTakeoverIT {

    private static final String DATABASE = "arbiter_jobs_it";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final int LEASE_SECONDS = 10;
    private static final int POLL_MILLIS = 1000;
    /** Copies of the fixture's transaction set (15 claims, 21 service lines each): 10 MB, seconds of import. */
    private static final int COPIES = Integer.getInteger("takeover.copies", 2000);
    /** What the survivor may take to import the file after taking it over: seconds on an idle machine, far more under load. */
    private static final Duration IMPORT_PATIENCE = Duration.ofMinutes(3);
    private static final String ADMIN = "operations";
    private static final String ADMIN_PASSWORD = "copper kettle harbour nine";

    private final Map<String, Process> instances = new LinkedHashMap<>();
    private final Map<String, String> bases = new LinkedHashMap<>();
    private final Map<String, Path> logs = new LinkedHashMap<>();
    private final List<Path> workDirs = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private String url;

    @BeforeAll
    void startTwoInstances() throws Exception {
        execute(OwnDatabase.TEST_URL, "DROP DATABASE IF EXISTS " + DATABASE);
        execute(OwnDatabase.TEST_URL, "CREATE DATABASE " + DATABASE);
        url = OwnDatabase.TEST_URL.replaceFirst("(jdbc:mysql://[^/]+/)[^?]*", "$1" + DATABASE);
        // Together, as an operator starts them: the start-up lock and Flyway's lock sort out the empty database.
        for (String name : List.of("A", "B")) {
            start(name);
        }
        for (String name : instances.keySet()) {
            awaitHealthy(name);
        }
    }

    @AfterAll
    void stopInstances() throws Exception {
        for (Process p : instances.values()) {
            if (p.isAlive()) {
                p.destroy();
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
        execute(OwnDatabase.TEST_URL, "DROP DATABASE IF EXISTS " + DATABASE);
        for (Path dir : workDirs) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    @Order(1)
    void anImportWhoseInstanceWasKilledIsFinishedByTheOtherInstance() throws Exception {
        byte[] file = bigRemittanceFile(COPIES);
        String token = token("A");

        HttpResponse<String> accepted = upload("A", token, file);
        assertEquals(202, accepted.statusCode(), accepted.body());
        long importId = number(accepted.body(), "id");
        assertEquals("RUNNING", text(accepted.body(), "status"));

        // Wait until an instance's worker is importing it (A's own, nudged by the upload, all but always), then kill it.
        String runner = awaitImporting(importId);
        String survivor = runner.equals("A") ? "B" : "A";
        System.out.println("ImportTakeoverIT: " + file.length + " bytes, " + 15 * COPIES + " claims; instance " + runner
                + " was importing it and is killed; " + survivor + " must finish it");
        instances.get(runner).destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        long killedAt = System.nanoTime();
        assertEquals("RUNNING", text(get(survivor, "/api/v1/imports/" + importId, token).body(), "status"),
                "killed before it finished (else the file is too small for this machine: raise -Dtakeover.copies)");

        // The survivor takes the job over once the dead instance's lease has run out (at most one lease and a poll).
        long takenOverAfter = -1;
        while (takenOverAfter < 0 && System.nanoTime() - killedAt < TimeUnit.SECONDS.toNanos(LEASE_SECONDS * 3L)) {
            if (count("SELECT COUNT(*) FROM job WHERE ref_id = ? AND attempts = 2", importId) == 1) {
                takenOverAfter = System.nanoTime() - killedAt;
            }
            Thread.sleep(100);
        }
        assertTrue(takenOverAfter >= 0, "not taken over within three leases; " + survivor + "'s log:\n" + tail(survivor));
        assertTrue(takenOverAfter <= TimeUnit.MILLISECONDS.toNanos(LEASE_SECONDS * 1000L + POLL_MILLIS + 3000),
                "taken over " + takenOverAfter / 1_000_000 + " ms after the kill: more than the lease and a poll");
        assertEquals(survivor, textOf("SELECT lease_owner FROM job WHERE ref_id = ?", importId));

        String done = awaitEnd(survivor, token, importId, IMPORT_PATIENCE);
        System.out.println("ImportTakeoverIT: taken over after " + takenOverAfter / 1_000_000 + " ms, COMPLETED "
                + (System.nanoTime() - killedAt) / 1_000_000 + " ms after the kill");
        assertEquals("COMPLETED", text(done, "status"), done.length() > 600 ? done.substring(0, 600) : done);
        assertEquals(COPIES, number(done, "transactions"));
        assertEquals(15L * COPIES, number(done, "claims"));
        assertEquals(21L * COPIES, number(done, "serviceLines"));
        assertTrue(done.contains("imported on attempt 2 of 3: instance " + runner + " stopped while importing the file, so instance "
                + survivor + " imported it again from the beginning"), "the Import says why it ran twice: " + done);

        // Nothing half-stored, nothing twice: the rolled-back attempt left no row, the second stored each one once.
        assertEquals(1, count("SELECT COUNT(*) FROM import_file"));
        assertEquals(15L * COPIES, count("SELECT COUNT(*) FROM claim"));
        assertEquals(15L * COPIES, count("SELECT COUNT(DISTINCT patient_control_number) FROM claim"));
        assertEquals(15L * COPIES, count("SELECT COUNT(*) FROM remittance WHERE import_id = ?", importId));
        assertEquals(15L * COPIES, count("SELECT COUNT(*) FROM remittance"));
        assertEquals(15L * COPIES, count("SELECT COUNT(*) FROM remittance_natural_key"));
        assertEquals(1, count("SELECT COUNT(*) FROM job WHERE ref_id = ? AND status = 'DONE' AND attempts = 2", importId));
        assertEquals(0, count("SELECT COUNT(*) FROM job_chunk"), "the upload's bytes go when the job ends");

        // The file is imported for good: the same bytes are answered as a duplicate of this Import.
        HttpResponse<String> again = upload(survivor, token, file);
        assertEquals(200, again.statusCode(), again.body());
        assertEquals("true", bare(again.body(), "duplicate"));
        assertEquals(importId, number(again.body(), "id"));
        assertEquals(1, count("SELECT COUNT(*) FROM import_file"));
    }

    @Test
    @Order(2)
    void anImportWhoseInstanceIsStoppedGracefullyIsHandedBackAndFinishedByTheOther() throws Exception {
        for (String name : List.of("A", "B")) {
            if (!instances.get(name).isAlive()) {
                start(name); // the instance the first test killed, restarted as an operator would
                awaitHealthy(name);
            }
        }
        long claimsBefore = count("SELECT COUNT(*) FROM claim");
        byte[] file = bigRemittanceFile(COPIES, "G");
        String token = token("A");
        HttpResponse<String> accepted = upload("A", token, file);
        assertEquals(202, accepted.statusCode(), accepted.body());
        long importId = number(accepted.body(), "id");

        String runner = awaitImporting(importId);
        String other = runner.equals("A") ? "B" : "A";
        Process stopping = instances.get(runner);
        long stoppedAt = System.nanoTime();
        stopping.destroy(); // SIGTERM: the stop a container platform or an upgrade sends
        assertTrue(stopping.waitFor(60, TimeUnit.SECONDS), runner + " did not stop within 60 s; log:\n" + tail(runner));

        // Handed back: the other instance holds it on the same attempt, well before a lease could have run out.
        long claimedAfter = -1;
        while (claimedAfter < 0 && System.nanoTime() - stoppedAt < TimeUnit.SECONDS.toNanos(LEASE_SECONDS * 3L)) {
            if (other.equals(textOf("SELECT lease_owner FROM job WHERE ref_id = ?", importId))) {
                claimedAfter = System.nanoTime() - stoppedAt;
            }
            Thread.sleep(100);
        }
        assertTrue(claimedAfter >= 0, "the other instance never claimed the job; " + runner + "'s log:\n" + tail(runner));
        assertEquals(1, count("SELECT attempts FROM job WHERE ref_id = ?", importId),
                "handed back with its attempt not counted (a lease run out would make this attempt 2); " + runner + "'s log:\n" + tail(runner));
        assertTrue(claimedAfter < TimeUnit.SECONDS.toNanos(LEASE_SECONDS), "claimed " + claimedAfter / 1_000_000
                + " ms after the stop: not sooner than the lease would have allowed");

        String done = awaitEnd(other, token, importId, IMPORT_PATIENCE);
        System.out.println("ImportTakeoverIT: " + runner + " stopped gracefully; " + other + " claimed the job "
                + claimedAfter / 1_000_000 + " ms later and COMPLETED it " + (System.nanoTime() - stoppedAt) / 1_000_000 + " ms after the stop");
        assertEquals("COMPLETED", text(done, "status"), done.length() > 600 ? done.substring(0, 600) : done);
        assertEquals(15L * COPIES, number(done, "claims"));
        assertFalse(done.contains("imported on attempt 2"), "one attempt, not a takeover: " + done);
        assertEquals(1, count("SELECT COUNT(*) FROM job WHERE ref_id = ? AND status = 'DONE' AND attempts = 1", importId));
        assertEquals(claimsBefore + 15L * COPIES, count("SELECT COUNT(*) FROM claim"), "each claim of the file once");
        assertEquals(15L * COPIES, count("SELECT COUNT(*) FROM remittance WHERE import_id = ?", importId));
        assertEquals(0, count("SELECT COUNT(*) FROM job_chunk"));
    }

    // ---------------------------------------------------------------- the file

    /**
     * The gulf-tpa 835 fixture's transaction set (15 claims, 21 service lines) repeated {@code copies} times in one
     * interchange, each copy with its own claim numbers (CLP01, CLP07), trace number and control number.
     */
    static byte[] bigRemittanceFile(int copies) throws IOException {
        return bigRemittanceFile(copies, "T");
    }

    /** As {@link #bigRemittanceFile(int)}, the claim and trace numbers marked with {@code tag}: another file. */
    static byte[] bigRemittanceFile(int copies, String tag) throws IOException {
        String fixture;
        try (InputStream in = ImportTakeoverIT.class.getResourceAsStream("/fixtures/x12/gulf-tpa-835.edi")) {
            fixture = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        int st = fixture.indexOf("ST*835*0001'");
        int ge = fixture.indexOf("GE*1*6'");
        String transaction = fixture.substring(st, ge);
        StringBuilder out = new StringBuilder(fixture.length() * copies);
        out.append(fixture, 0, st);
        for (int i = 0; i < copies; i++) {
            String control = String.format("%09d", i + 1);
            out.append(transaction.replace("ST*835*0001'", "ST*835*" + control + "'").replace("*0001'", "*" + control + "'")
                    .replace("LS0500", tag + i + "S").replace("ERA005", tag + i + "E").replace("EFT00051010", "EFT" + i + tag));
        }
        out.append("GE*").append(copies).append("*6'").append(fixture.substring(fixture.indexOf("IEA*")));
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    // ---------------------------------------------------------------- the instances

    private void start(String name) throws IOException {
        Path jar = Path.of(System.getProperty("arbiter.jar", "target/arbiter-0.1.0-SNAPSHOT.jar")).toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "the packaged jar is missing: " + jar + " (run mvn package first)");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path workDir = Files.createTempDirectory("arbiter-takeover-" + name);
        workDirs.add(workDir);
        Path log = Path.of("target", "import-takeover-it-" + name + ".log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Duser.timezone=UTC", "-Xmx1g",
                "-Darbiter.instance-name=" + name,
                "-Darbiter.jobs.lease-seconds=" + LEASE_SECONDS,
                "-Darbiter.jobs.poll-millis=" + POLL_MILLIS,
                "-Darbiter.intake.async-threshold-bytes=100000",
                // The takeover is about the import; re-pricing after it is durable on its own (claim_repricing_due).
                "-Darbiter.findings.reprice-after-import=false",
                "-jar", jar.toString())
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("DATASOURCES_") || k.startsWith("ARBITER_") || k.startsWith("MICRONAUT_"));
        env.put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        env.put("DATASOURCES_DEFAULT_URL", url);
        env.put("DATASOURCES_DEFAULT_USERNAME", OwnDatabase.USER);
        env.put("DATASOURCES_DEFAULT_PASSWORD", OwnDatabase.PASSWORD);
        env.put("ARBITER_DEMO", "false");
        // Shared, so a token signed by one instance is accepted by the other (docs/operations.md).
        env.put("ARBITER_JWT_SECRET", "import-takeover-it-shared-secret-0123456789abcdef");
        env.put("ARBITER_ADMIN_USERNAME", ADMIN);
        env.put("ARBITER_ADMIN_PASSWORD", ADMIN_PASSWORD);
        instances.put(name, pb.start());
        bases.put(name, "http://127.0.0.1:" + port);
        logs.put(name, log);
    }

    private void awaitHealthy(String name) throws Exception {
        long until = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < until) {
            if (!instances.get(name).isAlive()) {
                fail("instance " + name + " exited with " + instances.get(name).exitValue() + " while starting; log:\n" + tail(name));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(bases.get(name) + "/health"))
                        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        fail("instance " + name + " did not report healthy within " + START_TIMEOUT + "; log:\n" + tail(name));
    }

    /** The instance whose worker holds the import's job, once it has read some of the file. */
    private String awaitImporting(long importId) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < until) {
            String owner = textOf("SELECT lease_owner FROM job WHERE ref_id = ? AND status = 'RUNNING'", importId);
            if (owner != null && count("SELECT COALESCE(MAX(processed), 0) FROM import_progress WHERE import_id = ?", importId) > 0) {
                return owner;
            }
            Thread.sleep(50);
        }
        fail("no instance started importing within 60 s; A's log:\n" + tail("A"));
        return null;
    }

    private String awaitEnd(String name, String token, long importId, Duration patience) throws Exception {
        long until = System.nanoTime() + patience.toNanos();
        String body = "";
        while (System.nanoTime() < until) {
            body = get(name, "/api/v1/imports/" + importId, token).body();
            if (!"RUNNING".equals(text(body, "status"))) {
                return body;
            }
            Thread.sleep(250);
        }
        fail("still RUNNING " + patience + " after the kill: " + body + "\n" + name + "'s log:\n" + tail(name));
        return body;
    }

    // ---------------------------------------------------------------- HTTP

    private String token(String name) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(bases.get(name) + "/login"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + ADMIN + "\",\"password\":\"" + ADMIN_PASSWORD + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), "login on " + name + ": " + r.body());
        return text(r.body(), "access_token");
    }

    private HttpResponse<String> upload(String name, String token, byte[] file) throws Exception {
        String boundary = "arbiter-takeover-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream(file.length + 512);
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"gulf-big.835\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return http.send(HttpRequest.newBuilder(URI.create(bases.get(name) + "/api/v1/imports"))
                .timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String name, String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(bases.get(name) + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String text(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        assertTrue(m.find(), "no " + field + " in " + (json.length() > 400 ? json.substring(0, 400) : json));
        return m.group(1);
    }

    private static String bare(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*([^,}\\s]+)").matcher(json);
        assertTrue(m.find(), "no " + field + " in " + json);
        return m.group(1);
    }

    private static long number(String json, String field) {
        return Long.parseLong(bare(json, field));
    }

    private String tail(String name) {
        try {
            List<String> lines = Files.readAllLines(logs.get(name), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    // ---------------------------------------------------------------- database

    private long count(String sql, Object... args) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, OwnDatabase.USER, OwnDatabase.PASSWORD);
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private String textOf(String sql, Object... args) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, OwnDatabase.USER, OwnDatabase.PASSWORD);
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static void execute(String serverUrl, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(serverUrl, OwnDatabase.USER, OwnDatabase.PASSWORD);
             Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
