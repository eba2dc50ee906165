package io.arbiter.intake;

import io.arbiter.claims.ClaimsChanged;
import io.arbiter.cluster.Jobs;
import io.arbiter.common.ApiProblem;
import io.arbiter.intake.csv.CsvClaimsReader;
import io.arbiter.intake.x12.X12Reader;
import io.arbiter.intake.x12.X12Transactions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs imports: streams the upload to a temp file while hashing it, answers duplicates from the
 * hash, then reads the file with the matching reader and writes it in ONE database transaction —
 * a file with any error leaves nothing but its Import record (REJECTED, with located errors).
 * Files above {@code arbiter.intake.async-threshold-bytes} run in the background unless the caller asks to wait: the
 * upload's bytes and its job go into the database's job table ({@link Jobs}, {@link ImportJobs}), and whichever
 * instance claims the job imports it — another one again from the beginning if that instance stops.
 */
@Singleton
public class ImportService {

    private static final Logger LOG = LoggerFactory.getLogger(ImportService.class);
    /** Tries of one import that collides with concurrent imports of overlapping content (each collision = progress). */
    static final int MAX_ATTEMPTS = 6;
    private static final Argument<List<ApiProblem.ProblemDetail>> DETAILS = Argument.listOf(ApiProblem.ProblemDetail.class);

    private final ImportFileRepository imports;
    private final DataSource dataSource;
    private final Clock clock;
    private final JsonMapper json;
    private final PlanTypes planTypes;
    private final ImportLeases leases;
    private final long asyncThreshold;
    private final Jobs jobs;

    private final ApplicationEventPublisher<ClaimsChanged> claimEvents;
    private final MeterRegistry meters;

    public ImportService(ImportFileRepository imports, DataSource dataSource, DataSourceResolver resolver, Clock clock,
                         JsonMapper json, PlanTypes planTypes, ImportLeases leases, Jobs jobs,
                         @Value("${arbiter.intake.async-threshold-bytes:10485760}") long asyncThreshold,
                         ApplicationEventPublisher<ClaimsChanged> claimEvents, MeterRegistry meters) {
        this.claimEvents = claimEvents;
        this.meters = meters;
        this.imports = imports;
        // The import manages its own connection and transaction (plain JDBC batches), outside Micronaut's.
        this.dataSource = resolver.resolve(dataSource);
        this.clock = clock;
        this.json = json;
        this.planTypes = planTypes;
        this.leases = leases;
        this.asyncThreshold = asyncThreshold;
        this.jobs = jobs;
    }

    /**
     * Whether a run may still end its Import. Checked in the transaction that ends it: a run in the request always may;
     * a background run only while its job's lease is still its own ({@link Jobs.Lease#finishIn}), so an instance that
     * was judged dead and replaced never stores the file a second time.
     */
    @FunctionalInterface
    interface Fence {
        Fence ALWAYS = c -> true;

        boolean holds(Connection c) throws SQLException;
    }

    /** Another instance took the import's job over: this run's transaction was rolled back and it records nothing. */
    private static final class Superseded extends Exception {
        Superseded() {
            super(null, null, false, false);
        }
    }

    /** Outcome of an upload: the Import and whether it was a duplicate. */
    public record Outcome(ImportView view, boolean duplicate) {
    }

    /** Hint from the optional {@code format} part. */
    public enum Hint { X12, CSV_CLAIMS, CSV_REMITTANCES }

    public Outcome submit(String fileName, InputStream upload, Hint hint, boolean wait, String username) {
        return submit(fileName, upload, hint, wait, username, IntakeWriter.NONE);
    }

    /** As above, reporting the writer's phase durations to {@code timing} (used by IntakeBenchmark). */
    Outcome submit(String fileName, InputStream upload, Hint hint, boolean wait, String username, IntakeWriter.Timing timing) {
        Path temp = null;
        try {
            temp = Files.createTempFile("arbiter-import-", ".upload");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size;
            try (InputStream in = new DigestInputStream(upload, sha); OutputStream out = Files.newOutputStream(temp)) {
                size = in.transferTo(out);
            }
            String hash = HexFormat.of().formatHex(sha.digest());
            // The database decides which of several concurrent uploads of these bytes imports them (ImportLeases).
            ImportLeases.Claim claim = leases.claim(new ImportLeases.Draft(cut(fileName == null ? "upload" : fileName, 255),
                    hash, size, username));
            if (claim instanceof ImportLeases.Claim.Duplicate) {
                Files.deleteIfExists(temp);
                return new Outcome(view(imports.findById(claim.importId()).orElseThrow(), true), true);
            }
            long id = claim.importId();
            if (size > asyncThreshold && !wait) {
                // Read before queueing: a worker may finish a small file before this answers, and the answer is 202 RUNNING.
                ImportFile queued = imports.findById(id).orElseThrow();
                return new Outcome(view(queue(id, hash, temp, hint) ? queued : imports.findById(id).orElseThrow(), false), false);
            }
            Path file = temp;
            temp = null;
            run(id, hash, file, hint, timing, Fence.ALWAYS, null);
            return new Outcome(view(imports.findById(id).orElseThrow(), false), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            deleteQuietly(temp);
        }
    }

    public Optional<ImportView> find(Long id) {
        return imports.findById(id).map(f -> view(f, false));
    }

    public io.arbiter.common.Page<ImportView> list(io.micronaut.data.model.Pageable pageable) {
        return io.arbiter.common.Page.of(imports.findAllOrderByIdDesc(pageable), f -> view(f, false));
    }

    /**
     * Puts the upload's bytes and its job into the database in one transaction, for whichever instance claims it. The
     * file's lease keeps beating meanwhile (storing a large file takes seconds); once the job exists, the lease sweep
     * leaves the import to the job table. If the bytes cannot be stored, the import is REJECTED at once (false).
     */
    private boolean queue(long importId, String sha256, Path file, Hint hint) {
        try (ImportLeases.Heartbeat heartbeat = leases.heartbeat(sha256, importId); InputStream in = Files.newInputStream(file)) {
            jobs.enqueue(ImportJobs.KIND, importId, hint == null ? null : hint.name(), in);
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.error("Import {} could not be queued: {}", importId, e.getClass().getName());
            Issues issues = new Issues();
            issues.error("file", "the file could not be stored for its background import (" + e.getClass().getSimpleName()
                    + "); nothing of it was kept");
            finishRejected(importId, sha256, null, new IntakeModel.Counts(), 0, issues, Fence.ALWAYS);
            return false;
        }
    }

    /** A background run of a queued import (ImportJobs): ends the Import only while {@code fence} holds. */
    void run(long importId, String sha256, Path file, Hint hint, Fence fence, @Nullable String note) {
        run(importId, sha256, file, hint, IntakeWriter.NONE, fence, note);
    }

    /**
     * Reads and writes one file; leaves the Import COMPLETED or REJECTED, unless {@code fence} no longer holds (then
     * nothing). {@code note} becomes a warning of the Import. Reports phase durations to {@code timing}
     * (IntakeBenchmark). The file is read on its own thread (IntakePipeline) while this thread writes on the connection.
     */
    private void run(long importId, String sha256, Path file, Hint hint, IntakeWriter.Timing timing, Fence fence,
                     @Nullable String note) {
        Path utf8 = null;
        long started = System.nanoTime();
        try {
            TextEncoding.Verdict encoding = TextEncoding.of(file);
            if (encoding.refused()) {
                Issues issues = new Issues();
                issues.error(encoding.note().location(), encoding.note().message());
                finishRejected(importId, sha256, null, new IntakeModel.Counts(), 0, issues, fence);
                return;
            }
            Path readable = file;
            if (encoding.note() != null) {
                utf8 = TextEncoding.toUtf8(file, encoding.charset());
                readable = utf8;
            }
            List<ApiProblem.ProblemDetail> notes = new java.util.ArrayList<>();
            if (note != null) {
                notes.add(new ApiProblem.ProblemDetail("file", note));
            }
            if (encoding.note() != null) {
                notes.add(encoding.note());
            }
            for (int attempt = 1; !attempt(importId, sha256, readable, hint, timing, attempt, notes, fence); attempt++) {
                pauseBeforeRetry(attempt);
            }
        } catch (IOException e) {
            LOG.error("Import {} could not read its temporary file: {}", importId, e.getClass().getName());
            Issues issues = new Issues();
            issues.error("file", "the uploaded file could not be read back (" + e.getClass().getSimpleName() + "); nothing of it was kept");
            finishRejected(importId, sha256, null, new IntakeModel.Counts(), 0, issues, fence);
        } finally {
            deleteQuietly(file);
            deleteQuietly(utf8);
            meter(importId, System.nanoTime() - started);
        }
    }

    /**
     * The operators' intake meters, from what the import's record says was stored: {@code arbiter.import.lines} (service
     * lines of COMPLETED imports; lines/s = its rate over the duration's sum) and {@code arbiter.import.duration} by
     * format and outcome. Tags are the format and status only, never the file's name.
     */
    private void meter(long importId, long nanos) {
        try {
            imports.findById(importId).filter(f -> !ImportFile.RUNNING.equals(f.status())).ifPresent(f -> {
                String format = f.format() == null ? "UNKNOWN" : f.format();
                Timer.builder("arbiter.import.duration").description("Imports from the stored upload to COMPLETED or REJECTED")
                        .tag("format", format).tag("status", f.status()).register(meters).record(nanos, TimeUnit.NANOSECONDS);
                if (ImportFile.COMPLETED.equals(f.status())) {
                    Counter.builder("arbiter.import.lines").description("Service lines stored by completed imports")
                            .tag("format", format).register(meters).increment(f.serviceLines());
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("Meters of import {} not recorded ({})", importId, e.getClass().getName());
        }
    }

    /**
     * One try at reading and writing the file in one transaction. Returns false (after rolling back) when the write
     * collided with another import storing some of the same claims or remittances at the same moment — the unique keys
     * on claim (practice, patient control number) and remittance_natural_key decide, on any instance — so that the next
     * try, which then sees the other import's committed rows, skips them as already imported.
     */
    private boolean attempt(long importId, String sha256, Path file, Hint hint, IntakeWriter.Timing timing, int attempt,
                            List<ApiProblem.ProblemDetail> notes, Fence fence) {
        Issues issues = new Issues();
        notes.forEach(n -> issues.warning(n.location(), n.message()));
        IntakeModel.Counts counts = new IntakeModel.Counts();
        AtomicLong read = new AtomicLong();
        String[] format = {null};
        long[] lastProgress = {0};
        Runnable progress = () -> {
            long t = System.nanoTime();
            if (t - lastProgress[0] > 500_000_000L) {
                lastProgress[0] = t;
                progress(importId, read.get());
            }
        };
        try (InputStream raw = Files.newInputStream(file);
             BufferedInputStream in = new BufferedInputStream(new Counting(raw, read), 1 << 16);
             Connection conn = dataSource.getConnection();
             ImportLeases.Heartbeat heartbeat = leases.heartbeat(sha256, importId)) {
            conn.setAutoCommit(false);
            try {
                Set<Long> changed = new LinkedHashSet<>();
                List<IntakeModel.ProviderAdjustment> plb = new java.util.ArrayList<>();
                int plbStored = write(importId, sha256, hint, timing, attempt, issues, counts, read, format, progress, in, conn, heartbeat,
                        changed, plb, fence);
                if (!issues.hasErrors() && (!changed.isEmpty() || plbStored > 0)) {
                    // committed: what is computed from these claims (findings) follows them now
                    claimEvents.publishEvent(new ClaimsChanged(List.copyOf(changed), "import " + importId));
                }
                return true;
            } catch (Exception e) {
                conn.rollback();
                throw e;
            }
        } catch (Superseded e) {
            LOG.warn("Import {}: another instance took its job over; this instance's run was rolled back", importId);
        } catch (Exception e) {
            if (attempt < MAX_ATTEMPTS && ConcurrentWrite.isCollision(e)) {
                LOG.info("Import {} collided with a concurrent import (try {}); trying again", importId, attempt);
                return false;
            }
            // No PHI in logs: the exception message of a failed statement may carry values, so log its type only.
            LOG.error("Import {} failed: {} (SQLState {})", importId, e.getClass().getName(),
                    e.getCause() instanceof SQLException s ? s.getSQLState() : e instanceof SQLException s2 ? s2.getSQLState() : "-");
            issues.error("file", "the file could not be stored (" + e.getClass().getSimpleName() + "); nothing of it was kept");
            finishRejected(importId, sha256, format[0], counts, read.get(), issues, fence);
        }
        return true;
    }

    /** Returns how many provider-level adjustments (PLB) were stored. */
    private int write(long importId, String sha256, Hint hint, IntakeWriter.Timing timing, int attempt, Issues issues,
                      IntakeModel.Counts counts, AtomicLong read, String[] format, Runnable progress, BufferedInputStream in,
                      Connection conn, ImportLeases.Heartbeat heartbeat, Set<Long> changed,
                      List<IntakeModel.ProviderAdjustment> plb, Fence fence) throws Exception {
        int plbStored = 0;
        {
            try (IntakeWriter writer = new IntakeWriter(conn, importId, now(), issues, planTypes, progress, timing)) {
                new IntakePipeline(timing).run("arbiter-import-reader-" + importId,
                        sink -> format[0] = read(in, hint, issues, counts, sink, plb), writer);
                writer.flush();
                changed.addAll(writer.changedClaims());
                // the reader thread has ended (joined): its PLB list is complete
                plbStored = ProviderAdjustmentWriter.insert(conn, importId, plb, now());
                // with the rows: a crash after the commit leaves these claims marked until they are priced again
                io.arbiter.claims.RepricingDue.mark(conn, changed, now(), "import " + importId);
                if (attempt > 1) {
                    issues.warning("file", "stored on try " + attempt + ": another import was storing some of the same claims or"
                            + " remittances at the same moment; what it stored first is counted once");
                }
                if (writer.skippedDuplicates() > 0) {
                    issues.warning("file", writer.skippedDuplicates() + " remittance(s) were already imported and were not counted again");
                }
            }
            if (!issues.hasErrors() && !heartbeat.beat()) {
                // Judged dead while it ran (its heartbeat stalled) and taken over: committing now could store the file twice.
                issues.error("file", ImportLeases.INTERRUPTED);
            }
            if (issues.hasErrors()) {
                conn.rollback();
                finishRejected(importId, sha256, format[0], counts, read.get(), issues, fence);
            } else if (!fence.holds(conn)) {
                conn.rollback();
                throw new Superseded();
            } else {
                // COMPLETED commits with the rows and the counts (and a background import's job DONE): a crash after the
                // commit cannot leave stored rows under a RUNNING import, and nobody polling sees COMPLETED before the counts.
                record(conn, importId, format[0], ImportFile.COMPLETED, counts, read.get(), issues);
                conn.commit();
            }
        }
        return issues.hasErrors() ? 0 : plbStored;
    }

    private static void pauseBeforeRetry(int attempt) {
        try {
            // Spread the retries of several colliding imports (each collision means another import committed).
            Thread.sleep(ThreadLocalRandom.current().nextLong(20, 100) * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Detects the format and reads the file into {@code sink} (on the pipeline's reader thread); returns the format. */
    private static String read(BufferedInputStream in, Hint hint, Issues issues, IntakeModel.Counts counts, IntakeModel.Sink writer,
                               List<IntakeModel.ProviderAdjustment> plb) throws IOException {
        IntakeModel.Sink sink = new FieldGate(issues, writer);
        String format = null;
        boolean x12 = X12Reader.startsWithIsa(in);
        if (x12 && (hint == null || hint == Hint.X12)) {
            X12Transactions tx = new X12Transactions(issues, sink, counts);
            X12Reader.read(in, issues, tx);
            plb.addAll(tx.providerAdjustments());
            format = "837".equals(tx.fileType()) ? "X12_837P" : "835".equals(tx.fileType()) ? "X12_835" : null;
            if (tx.fileType() == null && !issues.hasErrors()) {
                issues.error("segment 1 (ISA)", "the interchange holds no 835 or 837 transaction set");
            }
        } else if (x12) {
            issues.error("segment 1 (ISA)", "the file is X12 but format " + hint + " was requested");
        } else {
            in.mark(64 * 1024);
            String head = firstLine(in);
            in.reset();
            boolean csv = hint == Hint.CSV_CLAIMS || hint == Hint.CSV_REMITTANCES
                    || (hint == null && CsvClaimsReader.looksLikeLayout(head));
            if (csv) {
                boolean remittances = hint == Hint.CSV_REMITTANCES;
                format = remittances ? "CSV_REMITTANCES" : "CSV_CLAIMS";
                new CsvClaimsReader(issues, sink, counts, remittances)
                        .read(new InputStreamReader(in, StandardCharsets.UTF_8));
            } else {
                String shown = head.length() > 40 ? head.substring(0, 40) + "…" : head;
                issues.error(hint == Hint.X12 ? "segment 1" : "line 1",
                        "not an X12 interchange (an X12 file must start with an ISA segment; found '" + shown
                                + "') and not a CSV with the documented header (patient_control_number, procedure_code, …;"
                                + " see docs/import-formats.md)");
            }
        }
        return format;
    }

    /**
     * Progress lives in its own table, written on a separate auto-commit connection: the import's
     * transaction holds a lock on its import_file row (remittance rows reference it), so updating that
     * row from outside would wait for the import to finish.
     */
    void progress(long importId, long processed) {
        try (Connection c = dataSource.getConnection();
             java.sql.PreparedStatement ps = c.prepareStatement("UPDATE import_progress SET processed = ? WHERE import_id = ?")) {
            c.setAutoCommit(true);
            ps.setLong(1, processed);
            ps.setLong(2, importId);
            if (ps.executeUpdate() == 0) {
                try (java.sql.PreparedStatement ins = c.prepareStatement("INSERT INTO import_progress (import_id, processed) VALUES (?, ?)")) {
                    ins.setLong(1, importId);
                    ins.setLong(2, processed);
                    ins.executeUpdate();
                }
            }
        } catch (SQLException e) {
            LOG.warn("Progress of import {} not recorded (SQLState {})", importId, e.getSQLState());
        }
    }

    private long progressOf(long importId) {
        try (Connection c = dataSource.getConnection();
             java.sql.PreparedStatement ps = c.prepareStatement("SELECT processed FROM import_progress WHERE import_id = ?")) {
            ps.setLong(1, importId);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            return 0;
        }
    }

    private void record(Connection conn, long id, String format, String status, IntakeModel.Counts c, long processed,
                        Issues issues) throws SQLException {
        LocalDateTime at = now();
        try (java.sql.PreparedStatement done = conn.prepareStatement("""
                UPDATE import_file SET format = ?, status = ?, transactions = ?, claims = ?, service_lines = ?, adjustments = ?,
                  processed = ?, errors = ?, warnings = ?, finished_at = ?, version = version + 1, updated_at = ?
                WHERE id = ?""")) {
            done.setString(1, format);
            done.setString(2, status);
            done.setInt(3, c.transactions);
            done.setInt(4, c.claims);
            done.setInt(5, c.serviceLines);
            done.setInt(6, c.adjustments);
            done.setLong(7, processed);
            done.setString(8, toJson(issues.errors()));
            done.setString(9, toJson(issues.warnings()));
            done.setObject(10, at);
            done.setObject(11, at);
            done.setLong(12, id);
            done.executeUpdate();
        }
    }

    /**
     * A rejected file gives its lease back, in the transaction that rejects it: the same bytes may be uploaded again
     * once corrected upstream. Nothing is recorded when {@code fence} no longer holds (another instance runs the file).
     */
    private void finishRejected(long id, String sha256, String format, IntakeModel.Counts c, long processed, Issues issues,
                                Fence fence) {
        try (Connection conn = dataSource.getConnection()) {
            conn.setAutoCommit(false);
            try {
                if (!fence.holds(conn)) {
                    conn.rollback();
                    LOG.warn("Import {}: another instance took its job over; its rejection here was not recorded", id);
                    return;
                }
                record(conn, id, format, ImportFile.REJECTED, c, processed, issues);
                leases.release(conn, sha256, id);
                conn.commit();
            } catch (SQLException | RuntimeException e) {
                conn.rollback();
                throw e;
            } finally {
                conn.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("import " + id + " could not be marked REJECTED (SQLState " + e.getSQLState() + ")", e);
        }
    }

    /** Ends a background import whose job ran out of attempts: REJECTED with {@code message}, its lease given back. */
    void abandon(long id, String sha256, String message) {
        Issues issues = new Issues();
        issues.error("file", message);
        finishRejected(id, sha256, null, new IntakeModel.Counts(), 0, issues, Fence.ALWAYS);
    }

    /** Rejects a background import whose stored bytes cannot be imported (ImportJobs), only while {@code fence} holds. */
    void reject(long id, String sha256, String message, Fence fence) {
        Issues issues = new Issues();
        issues.error("file", message);
        finishRejected(id, sha256, null, new IntakeModel.Counts(), 0, issues, fence);
    }

    private static String firstLine(BufferedInputStream in) throws IOException {
        byte[] buf = in.readNBytes(4096);
        String s = new String(buf, StandardCharsets.UTF_8);
        int nl = s.indexOf('\n');
        return (nl >= 0 ? s.substring(0, nl) : s).replace("\r", "").trim();
    }

    ImportView view(ImportFile f, boolean duplicate) {
        return new ImportView(f.id(), f.fileName(), f.sha256(), f.format(), f.status(), duplicate, f.transactions(), f.claims(),
                f.serviceLines(), f.adjustments(), new ImportView.Progress(
                ImportFile.RUNNING.equals(f.status()) ? progressOf(f.id()) : f.processed(), f.total()), fromJson(f.errors()),
                fromJson(f.warnings()), f.startedAt(), f.finishedAt());
    }

    private String toJson(List<ApiProblem.ProblemDetail> details) {
        try {
            return details.isEmpty() ? null : json.writeValueAsString(DETAILS, details);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<ApiProblem.ProblemDetail> fromJson(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        try {
            return json.readValue(text, DETAILS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a leftover temp file is harmless; the OS cleans its temp directory
            }
        }
    }

    public static Hint hint(String format) {
        if (format == null || format.isBlank()) {
            return null;
        }
        try {
            return Hint.valueOf(format.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw io.arbiter.common.ApiException.badRequest("format must be X12, CSV_CLAIMS or CSV_REMITTANCES (or absent to detect it)");
        }
    }

    /** Counts bytes read so progress can be reported while a file is imported. */
    private static final class Counting extends FilterInputStream {
        private final AtomicLong count;

        Counting(InputStream in, AtomicLong count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count.addAndGet(n);
            }
            return n;
        }
    }
}
