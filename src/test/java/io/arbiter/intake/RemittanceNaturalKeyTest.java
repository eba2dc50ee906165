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
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A remittance is stored once whichever file brings it (issue 23 item 1): five DIFFERENT files (own interchange control
 * numbers, so five imports) carrying the same fifteen remittances, uploaded at once, store each remittance and each
 * claim exactly once — on MariaDB and on the embedded H2. Before remittance_natural_key the de-duplication read only
 * committed rows, so imports running side by side each stored the lot (or failed on the claim's unique key with
 * "the file could not be stored").
 */
@MicronautTest(transactional = false)
class RemittanceNaturalKeyTest {

    private static final String FIXTURE = "x12/gulf-tpa-835.edi";
    private static final int CLIENTS = 5;
    private static final int ROUNDS = 20;
    private static final int REMITTANCES_PER_FILE = 15;

    @Inject ImportService service;
    @Inject IntakeTestSupport support;
    @Inject DataSource dataSource;
    @Inject DataSourceResolver resolver;

    @BeforeEach
    void clean() {
        support.wipe();
    }

    @Test
    void fiveFilesWithTheSameRemittancesStoreEachOnce_onMariaDb() throws Exception {
        race(service, resolver.resolve(dataSource));
    }

    @Test
    void fiveFilesWithTheSameRemittancesStoreEachOnce_onH2() throws Exception {
        OnEmbeddedH2.run("naturalkey", RemittanceNaturalKeyTest::race);
    }

    @Test
    void aLaterFileWithAnAlreadyStoredRemittanceSkipsIt_andTheKeyRefusesASecondCopy() throws SQLException {
        String file = IntakeTestSupport.text(FIXTURE);
        ImportView first = support.importBytes("gulf.835", file.getBytes(StandardCharsets.UTF_8));
        ImportView second = support.importBytes("gulf-resent.835", withControlNumber(file, "000000777").getBytes(StandardCharsets.UTF_8));
        assertEquals("COMPLETED", first.status());
        assertEquals("COMPLETED", second.status());
        assertEquals(REMITTANCES_PER_FILE, support.count("SELECT COUNT(*) FROM remittance"));
        assertEquals(REMITTANCES_PER_FILE, support.count("SELECT COUNT(*) FROM remittance_natural_key"));
        assertTrue(second.warnings().stream().anyMatch(w -> w.message().contains("15 remittance(s) were already imported")),
                second.warnings().toString());

        // The database itself refuses a second copy of a stored remittance, whoever writes it.
        try (Connection c = resolver.resolve(dataSource).getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO remittance_natural_key (payer_claim_control_number, payment_trace, "
                     + "claim_status_code, remittance_id) SELECT payer_claim_control_number, payment_trace, claim_status_code, id "
                     + "FROM remittance WHERE payer_claim_control_number = 'ERA0050000001'")) {
            SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, ps::executeUpdate);
            assertTrue(refused.getSQLState().startsWith("23"), refused.getSQLState());
        }
    }

    /** Each round new remittances (own control numbers); each client its own file of them. */
    private static void race(ImportService service, DataSource ds) throws Exception {
        String template = IntakeTestSupport.text(FIXTURE);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String roundFile = template.replace("LS0500", "N" + round + "S05").replace("ERA005", "N" + round + "E05");
                long remittancesBefore = count(ds, "SELECT COUNT(*) FROM remittance");
                long claimsBefore = count(ds, "SELECT COUNT(*) FROM claim");
                CountDownLatch start = new CountDownLatch(1);
                List<Future<ImportService.Outcome>> outcomes = new ArrayList<>();
                for (int i = 0; i < CLIENTS; i++) {
                    byte[] file = withControlNumber(roundFile, String.format("%09d", round * 10 + i + 1)).getBytes(StandardCharsets.UTF_8);
                    outcomes.add(clients.submit(() -> {
                        start.await();
                        return service.submit("client.835", new ByteArrayInputStream(file), null, true, "client");
                    }));
                }
                start.countDown();
                String where = "round " + round + ": ";
                int storedAll = 0;
                for (Future<ImportService.Outcome> f : outcomes) {
                    ImportService.Outcome o = f.get(120, TimeUnit.SECONDS);
                    assertFalse(o.duplicate(), where + "different bytes are different imports");
                    assertEquals("COMPLETED", o.view().status(), where + o.view().errors());
                    long mine = count(ds, "SELECT COUNT(*) FROM remittance WHERE import_id = " + o.view().id());
                    if (mine == REMITTANCES_PER_FILE) {
                        storedAll++;
                    } else {
                        assertEquals(0, mine, where + "an import stores all of its remittances or, if another was first, none");
                        assertTrue(o.view().warnings().stream().anyMatch(w -> w.message().contains("already imported")),
                                where + o.view().warnings());
                    }
                }
                assertEquals(1, storedAll, where + "exactly one import stores the remittances");
                assertEquals(remittancesBefore + REMITTANCES_PER_FILE, count(ds, "SELECT COUNT(*) FROM remittance"),
                        where + "every remittance stored exactly once");
                assertEquals(claimsBefore + REMITTANCES_PER_FILE, count(ds, "SELECT COUNT(*) FROM claim"), where + "every claim once");
            }
        } finally {
            clients.shutdownNow();
        }
    }

    /** The same interchange under another control number (ISA13 and IEA02): other bytes, same content. */
    private static String withControlNumber(String file, String control) {
        String changed = file.replace("*000000006*0*P*", "*" + control + "*0*P*").replace("IEA*1*000000006", "IEA*1*" + control);
        assertFalse(changed.equals(file), "the fixture's control number was found");
        return changed;
    }

    private static long count(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
