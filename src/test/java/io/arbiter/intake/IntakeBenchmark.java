package io.arbiter.intake;

import io.arbiter.intake.x12.X12Reader;
import io.arbiter.intake.x12.X12Transactions;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamReader;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Intake throughput (not a test: excluded from surefire, run on demand, see docs/performance-intake.md):
 * a synthetic 835 with {@code -Dlines=200000} service lines is (a) parsed by StAEDI alone, (b) read into
 * claims without a database, and (c) imported into MariaDB through ImportService, in the same run; (d) then has
 * the server insert the rows (c) stored once more, on its own, as the floor for any import on one connection.
 */
@MicronautTest(transactional = false)
@io.micronaut.context.annotation.Property(name = "arbiter.findings.reprice-after-import", value = "false") // (e) times it apart
class IntakeBenchmark {

    @Inject
    io.arbiter.findings.FindingsScanner scanner;

    @Inject
    ImportService service;

    @Inject
    IntakeTestSupport support;

    @Inject
    DataSource dataSource;

    @Inject
    DataSourceResolver resolver;

    @Test
    void benchmark() throws Exception {
        int lines = Integer.getInteger("lines", 200_000);
        int claims = lines / 2;
        Path file = Files.createTempFile("bench-835-", ".edi");
        try {
            generate(file, claims);
            double load0 = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            long bytes = Files.size(file);
            Peak peak = new Peak();
            peak.start();

            staedi(file);                 // warm-up
            double tStaedi = time(() -> staedi(file));
            readOnly(file);               // warm-up
            double tRead = time(() -> readOnly(file));

            // warm-up import of a file of the same size, like (a) and (b): the JIT compiles the writer
            // (~4 s of C2 CPU on a cold JVM) before the measured import, as it has in a running service
            Path warm = Files.createTempFile("bench-835-warm-", ".edi");
            try {
                generate(warm, claims);
                support.truncate();
                try (InputStream in = Files.newInputStream(warm)) {
                    ImportView w = service.submit("warm.edi", in, null, true, "bench", IntakeWriter.NONE).view();
                    assertEquals("COMPLETED", w.status(), () -> w.errors().toString());
                }
            } finally {
                Files.deleteIfExists(warm);
            }
            support.truncate(); // not DELETE: no purge of the warm-up rows running under the measured import
            Map<String, Long> phases = Collections.synchronizedMap(new LinkedHashMap<>());
            IntakeWriter.Timing timing = (name, nanos) -> phases.merge(name, nanos, Long::sum);
            io.arbiter.support.CpuMeter cpu = new io.arbiter.support.CpuMeter();
            long t0 = System.nanoTime();
            ImportView v;
            try (InputStream in = Files.newInputStream(file)) {
                v = service.submit("bench.edi", in, null, true, "bench", timing).view();
            }
            double tImport = (System.nanoTime() - t0) / 1e9;
            String cpuUsed = cpu.since();
            peak.stop = true;
            assertEquals("COMPLETED", v.status(), () -> v.errors().toString());
            assertEquals(lines, v.serviceLines());
            assertEquals(lines, support.count("SELECT COUNT(*) FROM claim_line"));
            // (e) what an import now also does (issue 21): price and scrub the claims it stored, timed apart from (c)
            List<Long> claimIds = new java.util.ArrayList<>();
            try (var c = resolver.resolve(dataSource).getConnection(); var st = c.createStatement();
                 var rs = st.executeQuery("SELECT id FROM claim")) {
                while (rs.next()) {
                    claimIds.add(rs.getLong(1));
                }
            }
            long t1 = System.nanoTime();
            scanner.scan(new io.arbiter.findings.FindingsScanner.ScanRequest(claimIds, null, null, null));
            double tReprice = (System.nanoTime() - t1) / 1e9;
            support.count("SELECT COUNT(*) FROM finding");
            Floor floor = databaseFloor();
            double tFloor = floor.seconds();
            String floorCpuUsed = floor.cpu();

            String report = String.format(Locale.ROOT, """
                    IntakeBenchmark: %,d service lines, %,d claims, %.1f MB, max heap %d MB, peak used heap %d MB (%d MB after GC), nproc %d, load avg %.2f -> %.2f
                      (a) StAEDI parse only        %6.2f s  %,10.0f lines/s  %5.1f MB/s
                      (b) read into claims, no DB  %6.2f s  %,10.0f lines/s
                      (c) full import (MariaDB)    %6.2f s  %,10.0f lines/s  = %.0f%% of parse-only
                      (d) database alone           %6.2f s  %,10.0f lines/s  = %.0f%% of parse-only (the same rows inserted again by the server from copies, one transaction; %s)
                      (e) re-pricing the imported claims %6.2f s; import job end to end (c)+(e) %6.2f s  %,10.0f lines/s
                    """, lines, claims, bytes / 1e6, Runtime.getRuntime().maxMemory() >> 20, peak.max.get() >> 20, peak.maxAfterGc.get() >> 20,
                    Runtime.getRuntime().availableProcessors(), load0, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    tStaedi, lines / tStaedi, bytes / 1e6 / tStaedi,
                    tRead, lines / tRead,
                    tImport, lines / tImport, 100 * tStaedi / tImport,
                    tFloor, lines / tFloor, 100 * tStaedi / tFloor, floorCpuUsed,
                    tReprice, tImport + tReprice, lines / (tImport + tReprice));
            StringBuilder ph = new StringBuilder("  phases (s, summed per thread):");
            new LinkedHashMap<>(phases).forEach((name, nanos) -> ph.append(String.format(Locale.ROOT, " %s %.2f;", name, nanos / 1e9)));
            report += ph + "\n  import used " + cpuUsed + "\n";
            System.out.println(report);
            Files.writeString(Path.of("target", "intake-benchmark.txt"), report, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * (d) The server alone: the patient, claim, claim_line and remittance rows the import just stored are copied to
     * temporary tables, the tables emptied, and the same rows inserted again with INSERT ... SELECT in one transaction
     * — every index and foreign key as in the import, but no client, no network and no parsing. No import on one
     * connection can store these rows in less time.
     */
    private record Floor(double seconds, String cpu) {
    }

    private Floor databaseFloor() throws SQLException {
        String[] parentsFirst = {"patient", "claim", "claim_line", "remittance", "remittance_natural_key"};
        try (Connection c = resolver.resolve(dataSource).getConnection(); Statement st = c.createStatement()) {
            assertEquals(0, support.count("SELECT COUNT(*) FROM remittance_line"), "the benchmark file writes no remittance_line rows");
            for (String t : parentsFirst) {
                st.execute("DROP TEMPORARY TABLE IF EXISTS floor_" + t);
                st.execute("CREATE TEMPORARY TABLE floor_" + t + " AS SELECT * FROM " + t);
            }
            st.execute("SET foreign_key_checks = 0");
            for (int i = parentsFirst.length - 1; i >= 0; i--) {
                st.execute("TRUNCATE " + parentsFirst[i]);
            }
            st.execute("SET foreign_key_checks = 1");
            c.setAutoCommit(false);
            io.arbiter.support.CpuMeter cpu = new io.arbiter.support.CpuMeter();
            long t0 = System.nanoTime();
            for (String t : parentsFirst) {
                st.executeUpdate("INSERT INTO " + t + " SELECT * FROM floor_" + t);
            }
            c.commit();
            double seconds = (System.nanoTime() - t0) / 1e9;
            String used = cpu.since();
            c.setAutoCommit(true);
            for (String t : parentsFirst) {
                st.execute("DROP TEMPORARY TABLE floor_" + t);
            }
            return new Floor(seconds, used);
        }
    }

    interface Body {
        void run() throws Exception;
    }

    private static double time(Body b) throws Exception {
        long t0 = System.nanoTime();
        b.run();
        return (System.nanoTime() - t0) / 1e9;
    }

    /** StAEDI's own event loop with nothing done per event: the ceiling for any X12 import. */
    private static void staedi(Path file) throws Exception {
        long events = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             EDIStreamReader r = EDIInputFactory.newFactory().createEDIStreamReader(in)) {
            while (r.hasNext()) {
                r.next();
                events++;
            }
        }
        if (events == 0) {
            throw new IllegalStateException("no events");
        }
    }

    /** Our reader: StAEDI + segments + claim objects + balancing checks, handed to a sink that drops them. */
    private static void readOnly(Path file) throws Exception {
        Issues issues = new Issues();
        IntakeModel.Counts counts = new IntakeModel.Counts();
        IntakeModel.Sink drop = new IntakeModel.Sink() {
            @Override
            public void paid(IntakeModel.PaidClaim claim) {
            }

            @Override
            public void billed(IntakeModel.BilledClaim claim) {
            }

            @Override
            public void endOfTransaction() {
            }
        };
        try (BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            X12Reader.startsWithIsa(in);
            X12Reader.read(in, issues, new X12Transactions(issues, drop, counts));
        }
        if (issues.hasErrors()) {
            throw new IllegalStateException(issues.errors().toString());
        }
    }

    /** Two lines per claim, each with two CAS, AMT*B6 and a remark code, like a real ERA. */
    static void generate(Path file, int claims) throws Exception {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            w.write("ISA*00*          *00*          *ZZ*BENCHPAYER     *ZZ*LONESTAR       *261008*1200*^*00501*000000777*0*P*:~\n");
            w.write("GS*HP*BENCHPAYER*LONESTAR*20261008*1200*777*X*005010X221A1~\n");
            w.write("ST*835*0001~\n");
            long paidTotal = 0; // cents
            StringBuilder body = new StringBuilder(1 << 16);
            int segments = 1;
            String header = "BPR*I*%s*C*ACH*CCP*01*111000025*DA*123456789*1123456789**01*113000023*DA*987654321*20261008~\n"
                    + "TRN*1*BENCH0001*1123456789~\nDTM*405*20261008~\nN1*PR*BENCH HEALTH PLAN~\nREF*2U*BENCH1~\n"
                    + "N1*PE*LONE STAR SPINE AND PAIN PLLC*XX*1234567893~\nREF*TJ*741234567~\nLX*1~\n";
            segments += 8;
            Path bodyFile = Files.createTempFile("bench-body-", ".edi");
            try (BufferedWriter b = Files.newBufferedWriter(bodyFile, StandardCharsets.US_ASCII)) {
                for (int i = 0; i < claims; i++) {
                    // line 1: 1,900.00 charged, 317.83 paid, CO-45 1,502.71, PR-2 79.46; line 2: 350.00, 0 paid, CO-97 350.00
                    body.setLength(0);
                    body.append("CLP*BN").append(i).append("*1*2250*317.83*79.46*12*BCCN").append(i).append("*11*1~\n")
                            .append("NM1*QC*1*DOE").append(i % 1000).append("*JANE****MI*M").append(i).append("~\n")
                            .append("NM1*82*1*SMITH*JOHN****XX*2345678900~\n")
                            .append("DTM*232*20260827~\n")
                            .append("SVC*HC:62321*1900*317.83**1~\nDTM*472*20260827~\nCAS*CO*45*1502.71~\nCAS*PR*2*79.46~\nAMT*B6*397.29~\nLQ*HE*N865~\n")
                            .append("SVC*HC:77003:26*350*0**1~\nDTM*472*20260827~\nCAS*CO*97*350~\nLQ*HE*M15~\n");
                    b.write(body.toString());
                    segments += 14;
                    paidTotal += 31783;
                }
            }
            w.write(String.format(Locale.ROOT, header, String.format(Locale.ROOT, "%d.%02d", paidTotal / 100, paidTotal % 100)));
            try (java.io.Reader bodyText = Files.newBufferedReader(bodyFile, StandardCharsets.US_ASCII)) {
                bodyText.transferTo(w); // streamed: the generator must not hold the file in memory (heap figures)
            }
            Files.delete(bodyFile);
            segments += 1;
            w.write("SE*" + segments + "*0001~\nGE*1*777~\nIEA*1*000000777~\n");
        }
    }

    /** Samples used heap to report its peak. */
    static final class Peak extends Thread {
        final AtomicLong max = new AtomicLong();
        /** Largest heap in use right after a collection (live data, without garbage not yet collected). */
        final AtomicLong maxAfterGc = new AtomicLong();
        volatile boolean stop;

        Peak() {
            setDaemon(true);
        }

        @Override
        public void run() {
            var mem = ManagementFactory.getMemoryMXBean();
            while (!stop) {
                max.accumulateAndGet(mem.getHeapMemoryUsage().getUsed(), Math::max);
                long afterGc = 0;
                for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
                    if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getCollectionUsage() != null) {
                        afterGc += pool.getCollectionUsage().getUsed();
                    }
                }
                maxAfterGc.accumulateAndGet(afterGc, Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
