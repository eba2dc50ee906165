package io.arbiter.intake;

import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One import per file whatever happens around it (issues 15 and 23): five clients uploading the same bytes at once
 * store every remittance exactly once, on MariaDB and on the embedded H2; an import whose instance died (its lease
 * stopped beating) no longer blocks the file; a rejected file can be sent again.
 */
@MicronautTest(transactional = false)
class ImportLeasesTest {

    private static final String FIXTURE = "x12/gulf-tpa-835.edi";
    private static final int CLIENTS = 5;
    private static final int ROUNDS = 20;
    /** Claims (CLP loops) in the fixture: each round must add exactly this many remittances. */
    private static final int REMITTANCES_PER_FILE = 15;

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
    void fiveConcurrentUploadsOfOneFileImportItOnce_onMariaDb() throws Exception {
        race(service, resolver.resolve(dataSource));
    }

    @Test
    void fiveConcurrentUploadsOfOneFileImportItOnce_onH2() throws Exception {
        OnEmbeddedH2.run("leases", ImportLeasesTest::race);
    }

    /** Each round a new file (its own claims), five clients at once: one import, four duplicates of it, one copy stored. */
    private static void race(ImportService service, DataSource ds) throws Exception {
        String template = IntakeTestSupport.text(FIXTURE);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                byte[] file = template.replace("LS0500", "R" + round + "S05").replace("ERA005", "R" + round + "E05")
                        .getBytes(StandardCharsets.UTF_8);
                long remittancesBefore = count(ds, "SELECT COUNT(*) FROM remittance");
                long importsBefore = count(ds, "SELECT COUNT(*) FROM import_file");
                CountDownLatch start = new CountDownLatch(1);
                List<Future<ImportService.Outcome>> outcomes = new ArrayList<>();
                for (int i = 0; i < CLIENTS; i++) {
                    outcomes.add(clients.submit(() -> {
                        start.await();
                        return service.submit("round.835", new ByteArrayInputStream(file), null, true, "client");
                    }));
                }
                start.countDown();
                Set<Long> importIds = new HashSet<>();
                int fresh = 0;
                for (Future<ImportService.Outcome> f : outcomes) {
                    ImportService.Outcome o = f.get(60, TimeUnit.SECONDS);
                    importIds.add(o.view().id());
                    fresh += o.duplicate() ? 0 : 1;
                }
                String where = "round " + round + ": ";
                assertEquals(1, fresh, where + "exactly one client starts the import");
                assertEquals(1, importIds.size(), where + "the duplicates name the import that holds the file: " + importIds);
                assertEquals(importsBefore + 1, count(ds, "SELECT COUNT(*) FROM import_file"), where + "one Import record");
                assertEquals("COMPLETED", text(ds, "SELECT status FROM import_file WHERE id = " + importIds.iterator().next()), where);
                assertEquals(remittancesBefore + REMITTANCES_PER_FILE, count(ds, "SELECT COUNT(*) FROM remittance"),
                        where + "every remittance stored exactly once");
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void anImportWhoseInstanceDiedNoLongerBlocksItsFile() throws SQLException {
        byte[] file = IntakeTestSupport.fixture(FIXTURE);
        String sha = sha256(file);
        // What a killed instance leaves: its Import RUNNING with the lease (its transaction was rolled back by the server).
        long dead = leases.claim(new ImportLeases.Draft("gulf.835", sha, file.length, "someone")).importId();

        // While the heartbeat is fresh the import is alive: the same bytes are a duplicate of it.
        ImportService.Outcome whileAlive = service.submit("gulf.835", new ByteArrayInputStream(file), null, true, "specialist");
        assertTrue(whileAlive.duplicate());
        assertEquals(dead, whileAlive.view().id());
        assertEquals("RUNNING", whileAlive.view().status());

        // Its heartbeat stopped ten minutes ago (the stale period is two minutes): the next upload takes the file over.
        execute("UPDATE import_file_lease SET heartbeat_at = TIMESTAMPADD(MINUTE, -10, UTC_TIMESTAMP()) WHERE import_id = " + dead);
        ImportService.Outcome retry = service.submit("gulf.835", new ByteArrayInputStream(file), null, true, "specialist");
        assertFalse(retry.duplicate());
        assertNotEquals(dead, retry.view().id());
        assertEquals("COMPLETED", retry.view().status());
        assertEquals(REMITTANCES_PER_FILE, support.count("SELECT COUNT(*) FROM remittance"));
        ImportView interrupted = service.find(dead).orElseThrow();
        assertEquals("REJECTED", interrupted.status());
        assertEquals(ImportLeases.INTERRUPTED, interrupted.errors().get(0).message());
        assertEquals(retry.view().id(), support.count("SELECT import_id FROM import_file_lease WHERE sha256 = ?", sha));
    }

    @Test
    void theSweepEndsDeadImportsWithoutAnyUpload() throws SQLException {
        byte[] file = IntakeTestSupport.fixture(FIXTURE);
        long dead = leases.claim(new ImportLeases.Draft("gulf.835", sha256(file), file.length, "someone")).importId();
        long alive = leases.claim(new ImportLeases.Draft("other.835", sha256(new byte[]{1}), 1, "someone")).importId();
        execute("UPDATE import_file_lease SET heartbeat_at = TIMESTAMPADD(MINUTE, -3, UTC_TIMESTAMP()) WHERE import_id = " + dead);

        leases.sweep(); // the scheduled sweep may have been first: the state is what counts
        assertEquals("REJECTED", service.find(dead).orElseThrow().status());
        assertEquals("RUNNING", service.find(alive).orElseThrow().status(), "a live import is left alone");
        assertEquals(0, support.count("SELECT COUNT(*) FROM import_file_lease WHERE import_id = ?", dead));
        assertEquals(0, leases.sweep(), "sweeping again changes nothing");
    }

    @Test
    void aRunningImportThatLostItsLeaseKnowsIt() {
        long id = leases.claim(new ImportLeases.Draft("x.835", sha256(new byte[]{7}), 1, "someone")).importId();
        try (ImportLeases.Heartbeat beat = leases.heartbeat(sha256(new byte[]{7}), id)) {
            assertTrue(beat.beat());
            execute("DELETE FROM import_file_lease WHERE import_id = " + id);
            assertFalse(beat.beat(), "taken over: the import must not commit");
            assertTrue(beat.lost());
        }
    }

    @Test
    void aRejectedFileCanBeSentAgain_aCompletedOneIsADuplicate() {
        byte[] broken = "ISA*00*nonsense~".getBytes(StandardCharsets.UTF_8);
        ImportService.Outcome first = service.submit("bad.835", new ByteArrayInputStream(broken), null, true, "specialist");
        ImportService.Outcome second = service.submit("bad.835", new ByteArrayInputStream(broken), null, true, "specialist");
        assertEquals("REJECTED", first.view().status());
        assertFalse(second.duplicate(), "a rejected file gives its lease back");
        assertNotEquals(first.view().id(), second.view().id());

        byte[] good = IntakeTestSupport.fixture(FIXTURE);
        long completed = service.submit("gulf.835", new ByteArrayInputStream(good), null, true, "specialist").view().id();
        ImportService.Outcome again = service.submit("gulf-copy.835", new ByteArrayInputStream(good), null, true, "specialist");
        assertTrue(again.duplicate());
        assertEquals(completed, again.view().id());
    }

    // ---------------------------------------------------------------- plumbing

    private void execute(String sql) {
        try (Connection c = resolver.resolve(dataSource).getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String text(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
