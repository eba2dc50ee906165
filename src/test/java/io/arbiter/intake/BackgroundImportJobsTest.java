package io.arbiter.intake;

import io.micronaut.context.annotation.Property;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Background imports on the job table, in one instance on MariaDB (issue 18; ImportTakeoverIT kills a real second
 * instance): what a killed instance leaves — its Import RUNNING, its lease's heartbeat stale, its job RUNNING under a
 * lease that ran out, the upload's bytes in job_chunk — is left alone by the lease sweep and imported again from the
 * beginning by this instance's worker, once; a job that ran out of attempts ends the Import REJECTED with the reason.
 */
@MicronautTest(transactional = false)
@Property(name = "arbiter.jobs.poll-millis", value = "200")
@Property(name = "arbiter.intake.async-threshold-bytes", value = "1000")
class BackgroundImportJobsTest {

    private static final String FIXTURE = "x12/gulf-tpa-835.edi";
    private static final int CLAIMS = 15;
    private static final int LINES = 21;

    @Inject ImportService service;
    @Inject ImportLeases leases;
    @Inject IntakeTestSupport support;
    @Inject DataSource dataSource;
    @Inject DataSourceResolver resolver;

    @BeforeEach
    void clean() {
        support.wipe();
    }

    @Test
    void anUploadAboveTheThresholdIsStoredInTheDatabaseAndImportedByTheWorker() throws Exception {
        byte[] file = IntakeTestSupport.fixture(FIXTURE);
        ImportService.Outcome queued = service.submit("gulf.835", new ByteArrayInputStream(file), null, false, "specialist");
        assertEquals("RUNNING", queued.view().status(), "answered before the import ran");
        ImportView done = awaitEnd(queued.view().id());
        assertEquals("COMPLETED", done.status(), () -> "errors: " + done.errors());
        assertEquals(CLAIMS, done.claims());
        assertEquals(file.length, done.progress().processed());
        assertEquals(1, support.count("SELECT attempts FROM job WHERE kind = 'import' AND ref_id = ? AND status = 'DONE'", done.id()));
        assertEquals(0, support.count("SELECT COUNT(*) FROM job_chunk"), "the bytes go when the job ends");
        assertTrue(done.warnings().isEmpty(), "a first attempt says nothing: " + done.warnings());
    }

    @Test
    void aDeadInstancesImportIsLeftToItsJobAndImportedAgainFromTheBeginning() throws Exception {
        byte[] file = IntakeTestSupport.fixture(FIXTURE);
        long id = deadInstancesImport(file, 1);
        leases.sweep();
        assertEquals("RUNNING", service.find(id).orElseThrow().status(), "its job can still be taken over: not swept");

        expireLease(id);
        ImportView done = awaitEnd(id);
        assertEquals("COMPLETED", done.status(), () -> "errors: " + done.errors());
        assertEquals(CLAIMS, done.claims());
        assertEquals(LINES, done.serviceLines());
        assertEquals(CLAIMS, support.count("SELECT COUNT(*) FROM remittance WHERE import_id = ?", id), "stored once");
        assertEquals(CLAIMS, support.count("SELECT COUNT(*) FROM claim"));
        assertTrue(done.warnings().stream().anyMatch(w -> w.message().startsWith("imported on attempt 2 of 3: instance dead-instance "
                + "stopped while importing the file, so instance ") && w.message().endsWith(" imported it again from the beginning; "
                + "nothing of the interrupted attempt was kept")), "the Import says why it ran twice: " + done.warnings());
        assertEquals(2, support.count("SELECT attempts FROM job WHERE ref_id = ? AND status = 'DONE'", id));
        assertEquals(0, support.count("SELECT COUNT(*) FROM job_chunk"));
        assertEquals(id, support.count("SELECT import_id FROM import_file_lease WHERE sha256 = ?", done.sha256()), "the file keeps its lease");
        ImportService.Outcome again = service.submit("gulf.835", new ByteArrayInputStream(file), null, false, "specialist");
        assertTrue(again.duplicate(), "the same bytes are now a duplicate");
        assertEquals(id, again.view().id());
    }

    @Test
    void aJobOutOfAttemptsEndsItsImportRejectedWithTheReason() throws Exception {
        byte[] file = IntakeTestSupport.fixture(FIXTURE);
        long id = deadInstancesImport(file, 3);
        expireLease(id);
        ImportView rejected = awaitEnd(id);
        assertEquals("REJECTED", rejected.status());
        String message = rejected.errors().get(0).message();
        assertEquals("file", rejected.errors().get(0).location());
        assertTrue(message.startsWith("the import could not finish after 3 attempts: instance dead-instance stopped before it "
                + "finished (its lease ran out at ") && message.endsWith(" UTC); nothing of it was kept — upload the file again"), message);
        assertEquals(0, support.count("SELECT COUNT(*) FROM claim"), "nothing stored");
        assertEquals(0, support.count("SELECT COUNT(*) FROM import_file_lease"), "the file may be uploaded again");
        assertEquals("FAILED", text("SELECT status FROM job WHERE ref_id = " + id));
        assertEquals(0, support.count("SELECT COUNT(*) FROM job_chunk"));
        ImportService.Outcome again = service.submit("gulf.835", new ByteArrayInputStream(file), null, true, "specialist");
        assertEquals("COMPLETED", again.view().status());
        assertEquals(CLAIMS, support.count("SELECT COUNT(*) FROM claim"));
    }

    // ---------------------------------------------------------------- plumbing

    /**
     * What an instance killed during attempt {@code attempts} leaves: the Import RUNNING with its lease (heartbeat ten
     * minutes old), the job RUNNING under its name with a lease still running, the bytes in one chunk.
     */
    private long deadInstancesImport(byte[] file, int attempts) throws SQLException {
        String sha = java.util.HexFormat.of().formatHex(sha256(file));
        long id = leases.claim(new ImportLeases.Draft("gulf.835", sha, file.length, "specialist")).importId();
        execute("UPDATE import_file_lease SET heartbeat_at = TIMESTAMPADD(MINUTE, -10, UTC_TIMESTAMP()) WHERE import_id = " + id);
        try (Connection c = resolver.resolve(dataSource).getConnection()) {
            try (Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO job (kind, ref_id, args, status, attempts, max_attempts, lease_owner, lease_until, "
                        + "created_at, updated_at) VALUES ('import', " + id + ", NULL, 'RUNNING', " + attempts + ", 3, 'dead-instance', "
                        + "TIMESTAMPADD(MINUTE, 5, UTC_TIMESTAMP()), UTC_TIMESTAMP(), UTC_TIMESTAMP())");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO job_chunk (job_id, seq, content) "
                    + "SELECT id, 0, ? FROM job WHERE ref_id = ?")) {
                ps.setBytes(1, file);
                ps.setLong(2, id);
                ps.executeUpdate();
            }
        }
        return id;
    }

    private void expireLease(long importId) throws SQLException {
        execute("UPDATE job SET lease_until = TIMESTAMPADD(SECOND, -1, UTC_TIMESTAMP()) WHERE ref_id = " + importId);
    }

    private ImportView awaitEnd(long id) throws InterruptedException {
        ImportView v = service.find(id).orElseThrow();
        for (int i = 0; i < 300 && "RUNNING".equals(v.status()); i++) {
            Thread.sleep(100);
            v = service.find(id).orElseThrow();
        }
        return v;
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = resolver.resolve(dataSource).getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate(sql);
        }
    }

    private String text(String sql) throws SQLException {
        try (Connection c = resolver.resolve(dataSource).getConnection(); Statement st = c.createStatement();
             var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
