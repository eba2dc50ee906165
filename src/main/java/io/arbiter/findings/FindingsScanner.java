package io.arbiter.findings;

import io.arbiter.claims.ClaimBulkReader;
import io.arbiter.common.BulkInsert;
import io.arbiter.claims.RepricingDue;
import io.arbiter.common.Jdbc;
import io.arbiter.common.Money;
import io.arbiter.findings.scrubber.ScrubContext;
import io.arbiter.findings.scrubber.Scrubber;
import io.arbiter.practice.BilateralFormat;
import io.arbiter.practice.PlanType;
import io.arbiter.pricing.BenchmarkKind;
import io.arbiter.pricing.BundledImagingPolicy;
import io.arbiter.pricing.PricedLine;
import io.arbiter.pricing.PricingBasis;
import io.arbiter.pricing.PricingEngine;
import io.arbiter.pricing.PricingInput;
import io.arbiter.pricing.PricingPolicies;
import io.arbiter.pricing.PricingService;
import io.arbiter.pricing.QpaPricingPolicy;
import io.arbiter.pricing.UnitRateSource;
import io.arbiter.pricing.WorkersCompSchedules;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Scans claims in chunks read with plain SQL (claims, lines, adjustments, remark codes, the patients'
 * other services and documentation), prices every line with the PricingEngine, runs the scrubber and the
 * denial classifier, and replaces each scanned claim's findings in one transaction per chunk (idempotent).
 */
@Singleton
public class FindingsScanner {

    static final int CHUNK = 1000;

    private final Jdbc jdbc;
    private final PricingEngine engine;
    private final PricingService pricing;
    private final PricingPolicies policies;
    private final WorkersCompSchedules workersComp;
    private final Scrubber scrubber;
    private final DenialClassifier denials;
    private final Clock clock;
    private final QpaPricingPolicy qpa;
    private final io.arbiter.practice.Payers payerDirectory;
    private final io.arbiter.practice.Plans planDirectory;

    public FindingsScanner(Jdbc jdbc, PricingEngine engine, PricingService pricing, PricingPolicies policies,
                           WorkersCompSchedules workersComp, Scrubber scrubber, DenialClassifier denials, Clock clock, QpaPricingPolicy qpa,
                           io.arbiter.practice.Payers payerDirectory, io.arbiter.practice.Plans planDirectory) {
        this.payerDirectory = payerDirectory;
        this.planDirectory = planDirectory;
        this.qpa = qpa;
        this.jdbc = jdbc;
        this.engine = engine;
        this.pricing = pricing;
        this.policies = policies;
        this.workersComp = workersComp;
        this.scrubber = scrubber;
        this.denials = denials;
        this.clock = clock;
    }

    @Serdeable
    public record ScanRequest(@Nullable List<@jakarta.validation.constraints.NotNull Long> claimIds,
                              @Nullable @jakarta.validation.constraints.Size(max = 100) String benchmarkSet, @Nullable Integer percentile, @Nullable String kind,
                              @Nullable String basis) {

        public ScanRequest(@Nullable List<Long> claimIds, @Nullable String benchmarkSet, @Nullable Integer percentile, @Nullable String kind) {
            this(claimIds, benchmarkSet, percentile, kind, null);
        }

        /** {"basis":"QPA"} or {"kind":"QPA"}: price against the claim's qualifying payment amount. */
        public boolean qpa() {
            return "QPA".equalsIgnoreCase(basis) || "QPA".equalsIgnoreCase(kind);
        }
    }

    @Serdeable
    public record ScanResult(int scanned, int findings, long lines, Map<String, Integer> byType, Map<String, Long> millis) {
    }

    /** Where a scan spends its time (ms): reading, pricing, scrubbing and writing findings. */
    private final class Timer {
        long load, price, scrub;
        volatile long write;
    }

    public ScanResult scan(@Nullable ScanRequest request) {
        ScanRequest req = request == null ? new ScanRequest(null, null, null, null) : request;
        BenchmarkKind kind = req.kind() == null || req.qpa() ? null : BenchmarkKind.valueOf(req.kind().toUpperCase());
        // marks of claims changed before this moment are cleared as their chunks are written (RepricingDue)
        LocalDateTime started = LocalDateTime.now(clock);
        List<Chunk> chunks = req.claimIds() != null && !req.claimIds().isEmpty() ? idChunks(req.claimIds()) : planAll();
        Map<PricingBasis, UnitRateSource> sources = new ConcurrentHashMap<>();
        Map<Long, PricingBasis.Ucr> practiceBases = new HashMap<>();
        Map<String, Long> citationIds = new HashMap<>();
        int findings = 0;
        long lines = 0;
        int scanned = 0;
        Map<String, Integer> byType = new LinkedHashMap<>();
        Timer timer = new Timer();
        // Three stages on their own threads: chunk n+1 is read while chunk n is priced and chunk n-1 written.
        ExecutorService reader = Executors.newSingleThreadExecutor();
        ExecutorService writer = Executors.newSingleThreadExecutor();
        List<Future<?>> writes = new ArrayList<>();
        try {
            Parties parties = new Parties();
            Future<Loaded> next = chunks.isEmpty() ? null : reader.submit(() -> read(chunks.get(0), parties, timer));
            for (int i = 0; i < chunks.size(); i++) {
                Loaded loaded = await(next);
                next = i + 1 < chunks.size() ? reader.submit(readTask(chunks.get(i + 1), parties, timer)) : null;
                ChunkResult r = scanChunk(loaded, req, kind, sources, practiceBases, timer);
                writes.add(writer.submit(() -> write(loaded.claimIds, r.findings, citationIds, timer, started)));
                if (writes.size() > 2) {
                    await(writes.remove(0));
                }
                scanned += r.claims;
                lines += r.lines;
                findings += r.findings.size();
                r.findings.forEach(f -> byType.merge(f.type().name(), 1, Integer::sum));
            }
            writes.forEach(FindingsScanner::await);
        } finally {
            reader.shutdownNow();
            writer.shutdown();
        }
        Map<String, Long> millis = new LinkedHashMap<>();
        millis.put("load", timer.load / 1_000_000);
        millis.put("price", timer.price / 1_000_000);
        millis.put("scrub", timer.scrub / 1_000_000);
        millis.put("write", timer.write / 1_000_000);
        return new ScanResult(scanned, findings, lines, byType, millis);
    }

    private java.util.concurrent.Callable<Loaded> readTask(Chunk chunk, Parties parties, Timer timer) {
        return () -> read(chunk, parties, timer);
    }

    /**
     * A unit of work: either explicit claim ids (their patients' other claims are read as history), or a range
     * of patient ids holding every claim of those patients (the history is then the chunk itself), or claims
     * without a patient.
     */
    private sealed interface Chunk {
    }

    private record IdChunk(List<Long> ids) implements Chunk {
    }

    private record PatientChunk(long fromPatient, long toPatient) implements Chunk {
    }

    private static List<Chunk> idChunks(List<Long> ids) {
        List<Chunk> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            chunks.add(new IdChunk(List.copyOf(ids.subList(from, Math.min(ids.size(), from + CHUNK)))));
        }
        return chunks;
    }

    /** A full scan groups claims by patient so that history-based rules find the patient's other claims in the same chunk. */
    private List<Chunk> planAll() {
        return jdbc.read(c -> {
            List<Chunk> chunks = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT patient_id, COUNT(*) FROM claim WHERE patient_id IS NOT NULL GROUP BY patient_id ORDER BY patient_id")) {
                long from = -1;
                long to = -1;
                int n = 0;
                while (rs.next()) {
                    long patient = rs.getLong(1);
                    int count = rs.getInt(2);
                    if (n > 0 && n + count > CHUNK) {
                        chunks.add(new PatientChunk(from, to));
                        n = 0;
                    }
                    if (n == 0) {
                        from = patient;
                    }
                    to = patient;
                    n += count;
                }
                if (n > 0) {
                    chunks.add(new PatientChunk(from, to));
                }
            }
            List<Long> orphans = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id FROM claim WHERE patient_id IS NULL ORDER BY id")) {
                while (rs.next()) {
                    orphans.add(rs.getLong(1));
                }
            }
            chunks.addAll(idChunks(orphans));
            return chunks;
        });
    }

    private Loaded read(Chunk chunk, Parties parties, Timer timer) {
        long t0 = System.nanoTime();
        Loaded loaded = jdbc.read(c -> chunk instanceof PatientChunk p ? loadPatients(c, p, parties) : load(c, ((IdChunk) chunk).ids(), parties));
        timer.load += System.nanoTime() - t0;
        return loaded;
    }

    private record ChunkResult(int claims, long lines, List<Finding> findings) {
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
    }

    /** Replaces the chunk's findings in one transaction; citation texts are stored once and referenced by id. */
    private void write(List<Long> claimIds, List<Finding> out, Map<String, Long> citationIds, Timer timer, LocalDateTime started) {
        long w0 = System.nanoTime();
        Map<String, Long> ids = citations(out, citationIds);
        jdbc.inTransaction(c -> {
            if (!claimIds.isEmpty()) {
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("DELETE FROM finding WHERE claim_id IN (" + join(claimIds) + ")");
                }
            }
            insert(c, out, ids);
            RepricingDue.clear(c, claimIds, started);
            return null;
        });
        timer.write += System.nanoTime() - w0;
    }

    private Map<String, Long> citations(List<Finding> out, Map<String, Long> known) {
        List<String> missing = out.stream().map(Finding::citation).filter(t -> t != null && !known.containsKey(t)).distinct().toList();
        if (!missing.isEmpty()) {
            jdbc.read(c -> {
                for (String text : missing) {
                    known.put(text, citationId(c, text));
                }
                return null;
            });
        }
        return known;
    }

    /** The id of a citation text (inserted when new; a concurrent scan inserting the same text wins the unique key). */
    private static long citationId(Connection c, String text) throws SQLException {
        String hash = sha256(text);
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM finding_citation WHERE text_hash = ?")) {
            ps.setString(1, hash);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO finding_citation (text_hash, citation) VALUES (?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, hash);
            ps.setString(2, text);
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLIntegrityConstraintViolationException race) {
            return citationId(c, text);
        }
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String join(List<Long> ids) {
        StringBuilder sb = new StringBuilder(ids.size() * 8);
        for (Long id : ids) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(id);
        }
        return sb.toString();
    }

    private ChunkResult scanChunk(Loaded loaded, ScanRequest req, BenchmarkKind kind, Map<PricingBasis, UnitRateSource> sources,
                                  Map<Long, PricingBasis.Ucr> practiceBases, Timer timer) {
        List<Finding> out = new ArrayList<>();
        long lineCount = 0;
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        for (ScanClaim claim : loaded.claims) {
            long p0 = System.nanoTime();
            lineCount += claim.lines().size();
            PatientHistory history = loaded.history(claim);
            List<PricedLine> priced;
            if (req.qpa()) {
                priced = qpa.allocate(claim.qpa(), claim.lines().stream()
                        .map(l -> new QpaPricingPolicy.ChargedLine(l.id(), l.lineNumber(), l.code(), l.modifiers(), l.charge())).toList());
            } else {
                PricingBasis basis = basis(claim, req.benchmarkSet(), kind, req.percentile(), practiceBases);
                UnitRateSource rates = sources.computeIfAbsent(basis, k -> pricing.rateSource(basis));
                priced = engine.price(input(claim), rates).lines();
            }
            Map<Long, PricedLine> pricedById = new HashMap<>();
            priced.forEach(p -> pricedById.put(p.lineId(), p));
            for (ScanClaim.Line line : claim.lines()) {
                lineFindings(claim, line, pricedById.get(line.id()), now, out);
            }
            long p1 = System.nanoTime();
            timer.price += p1 - p0;
            ScrubContext ctx = new ScrubContext(claim, history, (code, date) -> engine.indicators(code, "", date));
            for (Scrubber.Hit hit : scrubber.scrub(ctx)) {
                out.add(new Finding(null, FindingType.CODING, claim.id(), hit.lineId(), hit.rule().id(), hit.rule().severity(), "CODING",
                        null, null, null, null, null, hit.rule().title() + ": " + hit.message(), hit.rule().citation().toString()
                        + (hit.rule().citation().unverified() ? " [UNVERIFIED]" : ""), now));
            }
            timer.scrub += System.nanoTime() - p1;
        }
        return new ChunkResult(loaded.claims.size(), lineCount, out);
    }

    private void lineFindings(ScanClaim claim, ScanClaim.Line line, PricedLine p, LocalDateTime now, List<Finding> out) {
        BigDecimal expected = p == null ? null : p.expected();
        boolean zeroPaid = line.paid().signum() == 0;
        boolean deniedByCarc = line.adjustments().stream().anyMatch(a -> !"PR".equals(a.group()) && denials.isDenialReason(a.carc()));
        if (zeroPaid && deniedByCarc) {
            Optional<DenialClassifier.Playbook> pb = denials.classify(line.adjustments(), line.rarcs());
            String carcs = line.adjustments().stream().map(a -> a.group() + "-" + a.carc()).distinct().collect(Collectors.joining(", "));
            String rarcs = String.join(", ", line.rarcs());
            String text = pb.map(b -> b.title() + " [" + carcs + (rarcs.isEmpty() ? "" : "; " + rarcs) + "]. Appeal evidence: "
                    + String.join("; ", b.evidence())).orElse("Denied line [" + carcs + "]: no playbook for these codes");
            // Pricing bundles imaging guidance into a guidance-inclusive code at $0: the denial is right and nothing is recoverable.
            boolean correctlyBundled = p != null && p.flags().contains(BundledImagingPolicy.FLAG);
            if (correctlyBundled) {
                text = "Correctly bundled, not recoverable (write off) [" + carcs + (rarcs.isEmpty() ? "" : "; " + rarcs) + "]: " + String.join("; ", p.steps());
            } else if (expected != null) {
                text += ". Expected if overturned: $" + expected + " (" + p.basis() + ")";
            }
            out.add(new Finding(null, FindingType.DENIAL, claim.id(), line.id(), "DENIAL-" + pb.map(DenialClassifier.Playbook::category).orElse("UNCLASSIFIED"),
                    correctlyBundled ? "INFO" : "ERROR", pb.map(DenialClassifier.Playbook::category).orElse("UNCLASSIFIED"), expected,
                    line.effectiveAllowed(), line.paid(), correctlyBundled ? Money.ZERO : expected, p == null ? null : p.basis(), text,
                    correctlyBundled ? p.citationText() : pb.map(b -> b.citation().toString()).orElse(null), now));
            return;
        }
        if (p == null) {
            return;
        }
        if (!p.priced()) {
            out.add(new Finding(null, FindingType.MISSING_BENCHMARK, claim.id(), line.id(), "PRICING-MISSING", "WARN", "PRICING", null,
                    line.effectiveAllowed(), line.paid(), null, p.basis(), "Line not priced: " + p.missing(), null, now));
            return;
        }
        if (expected.signum() <= 0) {
            return;
        }
        BigDecimal allowed = line.effectiveAllowed();
        BigDecimal gap = expected.subtract(allowed);
        BigDecimal pct = gap.multiply(BigDecimal.valueOf(100)).divide(expected, 2, RoundingMode.HALF_UP);
        if (gap.compareTo(policies.minimumGap()) >= 0 && pct.compareTo(policies.minimumGapPercent()) >= 0) {
            String allowedText = line.allowed() != null ? "payer allowed $" + allowed + " (patient share included)"
                    : "allowed $" + allowed + " = paid $" + line.paid() + " + patient responsibility $" + line.patientShare() + " (no allowed amount reported)";
            String text = p.explanation() + " Gap: expected $" + expected + " - " + allowedText + " = $" + Money.cents(gap) + " (" + pct
                    + "% of expected; threshold $" + policies.minimumGap() + " and " + policies.minimumGapPercent() + "%).";
            out.add(new Finding(null, FindingType.UNDERPAYMENT, claim.id(), line.id(), "UNDERPAYMENT", "INFO", "PRICING", expected, allowed,
                    line.paid(), Money.cents(gap), p.basis(), text, p.citationText(), now));
        }
    }

    private PricingBasis basis(ScanClaim claim, String set, BenchmarkKind kind, Integer percentile, Map<Long, PricingBasis.Ucr> practiceBases) {
        if (policies.pricedOnMedicarePfs(claim.planType())) {
            return new PricingBasis.MedicarePfs();
        }
        if (claim.planType() == PlanType.WORKERS_COMP) {
            Optional<WorkersCompSchedules.Schedule> s = workersComp.forState(claim.serviceState() == null ? "TX" : claim.serviceState());
            if (s.isPresent()) {
                return new PricingBasis.WorkersComp(s.get().state(), s.get().program());
            }
        }
        PricingBasis.Ucr practice = practiceBases.computeIfAbsent(claim.practiceId(), id -> pricing.ucrBasis(id, null, null, null));
        return new PricingBasis.Ucr(set != null ? set : practice.set(), kind != null ? kind : practice.kind(),
                percentile != null ? percentile : practice.percentile());
    }

    private static PricingInput input(ScanClaim c) {
        List<PricingInput.Line> lines = new ArrayList<>(c.lines().size());
        for (ScanClaim.Line l : c.lines()) {
            lines.add(new PricingInput.Line(l.id(), l.lineNumber(), l.code(), l.modifiers(), l.units(), l.charge(), l.serviceDate()));
        }
        return new PricingInput(c.id(), c.placeOfService(), c.serviceZip(), c.serviceState(), c.serviceDate(), c.bilateralFormat(),
                c.planType(), lines);
    }

    /** One bulk insert per chunk (LOAD DATA LOCAL on MySQL/MariaDB, multi-row INSERTs elsewhere): see BulkInsert. */
    private static void insert(Connection c, List<Finding> findings, Map<String, Long> citationIds) throws SQLException {
        BulkInsert bulk = new BulkInsert(c, "finding", "type", "claim_id", "line_id", "rule_id", "severity", "category", "expected", "allowed",
                "paid", "gap", "basis", "explanation", "citation_id", "created_at");
        for (Finding f : findings) {
            bulk.add(f.type().name()).add(f.claimId()).add(f.lineId()).add(f.rule()).add(f.severity()).add(f.category())
                    .add(f.expected()).add(f.allowed()).add(f.paid()).add(f.gap()).add(f.basis()).add(f.explanation())
                    .add(f.citation() == null ? null : citationIds.get(f.citation())).add(f.createdAt());
            bulk.endRow();
        }
        bulk.execute();
    }

    // ---- bulk loading ----

    private static final class Loaded {
        final List<Long> claimIds = new ArrayList<>();
        final List<ScanClaim> claims = new ArrayList<>();
        final Map<Long, List<PatientHistory.Service>> services = new HashMap<>();
        final Map<Long, List<ClinicalDocument>> docsByPatient = new HashMap<>();
        final Map<Long, List<ClinicalDocument>> docsByClaim = new HashMap<>();

        PatientHistory history(ScanClaim claim) {
            List<PatientHistory.Service> s = claim.patientId() == null ? List.of()
                    : services.getOrDefault(claim.patientId(), List.of()).stream().filter(x -> x.claimId() != claim.id()).toList();
            List<ClinicalDocument> d = new ArrayList<>(claim.patientId() == null ? List.of() : docsByPatient.getOrDefault(claim.patientId(), List.of()));
            for (ClinicalDocument doc : docsByClaim.getOrDefault(claim.id(), List.of())) {
                if (!d.contains(doc)) {
                    d.add(doc);
                }
            }
            return s.isEmpty() && d.isEmpty() ? PatientHistory.empty() : new PatientHistory(s, d);
        }
    }

    private record ClaimRow(long id, long practiceId, Long patientId, String payerCode, BilateralFormat format, PlanType planType,
                            String pos, String zip, String state, LocalDate dos, BigDecimal qpa) {
    }

    /**
     * Payers' codes and bilateral formats and plans' types, read once per scan through practice (a few hundred rows)
     * instead of joined to every claim; one that appears during the scan is read when first met.
     */
    private final class Parties {
        private record Payer(String code, BilateralFormat format) {
        }

        private final Map<Long, Payer> payers = new ConcurrentHashMap<>();
        private final Map<Long, Optional<PlanType>> plans = new ConcurrentHashMap<>();

        Parties() {
            for (io.arbiter.practice.Payer p : payerDirectory.findAll()) {
                payers.put(p.id(), new Payer(p.payerCode(), p.bilateralFormat() == null ? BilateralFormat.MODIFIER_50 : p.bilateralFormat()));
            }
            for (io.arbiter.practice.Plan p : planDirectory.findAll()) {
                plans.put(p.id(), Optional.ofNullable(p.planType()));
            }
        }

        /** A payer (and its plans) created after the scan started, read through practice when first met. */
        private void load(long payerId) {
            payerDirectory.findById(payerId).ifPresent(p -> payers.put(p.id(),
                    new Payer(p.payerCode(), p.bilateralFormat() == null ? BilateralFormat.MODIFIER_50 : p.bilateralFormat())));
            for (io.arbiter.practice.Plan p : planDirectory.findByPayerId(payerId)) {
                plans.put(p.id(), Optional.ofNullable(p.planType()));
            }
        }

        Payer payer(long id) {
            Payer p = payers.get(id);
            if (p == null) {
                load(id);
                p = payers.get(id);
            }
            return p;
        }

        PlanType planType(long id, long payerId) {
            Optional<PlanType> t = plans.get(id);
            if (t == null) {
                load(payerId);
                t = plans.getOrDefault(id, Optional.empty());
            }
            return t.orElse(null);
        }
    }
    private static final String DOCS = "SELECT d.id, d.patient_id, d.claim_id, d.kind, d.document_date, d.region, d.relief_percent, d.result, "
            + "d.note FROM clinical_documentation d WHERE ";

    /** Explicit claim ids: IN-lists, and the patients' other claims read as history (claims.ClaimBulkReader). */
    private Loaded load(Connection c, List<Long> ids, Parties parties) throws SQLException {
        Loaded loaded = new Loaded();
        loaded.claimIds.addAll(ids);
        ClaimBulkReader.Selection selection = new ClaimBulkReader.ByIds(ids);
        Map<Long, ClaimRow> rows = claims(c, selection, parties);
        Map<Long, List<ScanClaim.Line>> lines = lines(c, selection, rows, null);
        List<Long> patients = assemble(loaded, rows, lines);
        for (ClaimBulkReader.PatientService s : ClaimBulkReader.servicesOf(c, patients)) {
            loaded.services.computeIfAbsent(s.patientId(), k -> new ArrayList<>())
                    .add(new PatientHistory.Service(s.claimId(), s.date(), s.procedureCode(), historyModifiers(s.modifier1(), s.modifier2())));
        }
        String in = join(ids);
        documents(c, DOCS + "d.claim_id IN (" + in + ")" + (patients.isEmpty() ? "" : " OR d.patient_id IN (" + join(patients) + ")"), loaded);
        return loaded;
    }

    /**
     * Every claim of the patients in [from, to], with their lines in one ordered query per table (no IN-lists);
     * the patients' history is built from these same lines, so no second read of their claims is needed.
     */
    private Loaded loadPatients(Connection c, PatientChunk chunk, Parties parties) throws SQLException {
        ClaimBulkReader.ByPatients selection = new ClaimBulkReader.ByPatients(chunk.fromPatient(), chunk.toPatient());
        Loaded loaded = new Loaded();
        Map<Long, ClaimRow> rows = claims(c, selection, parties);
        loaded.claimIds.addAll(rows.keySet());
        if (rows.isEmpty()) {
            return loaded;
        }
        Map<Long, List<ScanClaim.Line>> lines = lines(c, selection, rows, loaded.services);
        assemble(loaded, rows, lines);
        String range = " BETWEEN " + chunk.fromPatient() + " AND " + chunk.toPatient();
        documents(c, DOCS + "d.patient_id" + range + " OR d.claim_id IN (" + ClaimBulkReader.claimIdsOf(selection) + ")", loaded);
        return loaded;
    }

    private static List<String> historyModifiers(String m1, String m2) {
        List<String> mods = new ArrayList<>(2);
        if (m1 != null) mods.add(m1);
        if (m2 != null) mods.add(m2);
        return mods;
    }

    /** The claims of the selection with their payer's code and format and their plan's type resolved. */
    private static Map<Long, ClaimRow> claims(Connection c, ClaimBulkReader.Selection selection, Parties parties) throws SQLException {
        Map<Long, ClaimRow> rows = new LinkedHashMap<>();
        for (ClaimBulkReader.ClaimRow r : ClaimBulkReader.claims(c, selection).values()) {
            Parties.Payer payer = r.payerId() == null ? null : parties.payer(r.payerId());
            PlanType type = r.planId() == null || r.payerId() == null ? null : parties.planType(r.planId(), r.payerId());
            rows.put(r.id(), new ClaimRow(r.id(), r.practiceId(), r.patientId(), payer == null ? null : payer.code(),
                    payer == null ? BilateralFormat.MODIFIER_50 : payer.format(), type, r.placeOfService(), r.serviceZip(),
                    r.serviceState(), r.serviceDateFrom(), r.qpa()));
        }
        return rows;
    }

    /** Lines by claim; when {@code services} is given, every dated line is also recorded as a service in its patient's history. */
    private static Map<Long, List<ScanClaim.Line>> lines(Connection c, ClaimBulkReader.Selection selection, Map<Long, ClaimRow> rows,
                                                        Map<Long, List<PatientHistory.Service>> services) throws SQLException {
        Map<Long, List<ScanClaim.Line>> lines = new HashMap<>();
        for (Map.Entry<Long, List<ClaimBulkReader.LineRow>> e : ClaimBulkReader.lines(c, selection).entrySet()) {
            ClaimRow row = rows.get(e.getKey());
            if (row == null) {
                continue;
            }
            List<ScanClaim.Line> out = new ArrayList<>(e.getValue().size());
            for (ClaimBulkReader.LineRow l : e.getValue()) {
                LocalDate date = l.serviceDate() != null ? l.serviceDate() : row.dos();
                List<ScanClaim.Adj> adjs = l.adjustments().isEmpty() ? List.of() : l.adjustments().stream()
                        .map(a -> new ScanClaim.Adj(a.groupCode(), a.reasonCode(), a.amount())).toList();
                out.add(new ScanClaim.Line(l.id(), l.lineNumber(), l.procedureCode(), l.modifiers(), l.units(), l.charge(), l.allowed(),
                        l.paid(), date, adjs, l.remarkCodes()));
                if (services != null && row.patientId() != null && date != null) {
                    services.computeIfAbsent(row.patientId(), k -> new ArrayList<>())
                            .add(new PatientHistory.Service(e.getKey(), date, l.procedureCode(), historyModifiers(l.modifier1(), l.modifier2())));
                }
            }
            lines.put(e.getKey(), out);
        }
        return lines;
    }

    /** Builds the scannable claims (claims without any date of service are skipped) and returns their patients. */
    private static List<Long> assemble(Loaded loaded, Map<Long, ClaimRow> rows, Map<Long, List<ScanClaim.Line>> lines) {
        java.util.LinkedHashSet<Long> patients = new java.util.LinkedHashSet<>();
        for (ClaimRow row : rows.values()) {
            List<ScanClaim.Line> ls = lines.getOrDefault(row.id(), List.of());
            LocalDate dos = row.dos() != null ? row.dos() : ls.stream().map(ScanClaim.Line::serviceDate).filter(x -> x != null).findFirst().orElse(null);
            if (dos == null || ls.stream().anyMatch(l -> l.serviceDate() == null)) {
                continue; // no date of service: nothing can be priced or counted
            }
            loaded.claims.add(new ScanClaim(row.id(), row.practiceId(), row.patientId(), row.payerCode(), row.format(), row.planType(), row.pos(),
                    row.zip(), row.state(), dos, ls, row.qpa()));
            if (row.patientId() != null) {
                patients.add(row.patientId());
            }
        }
        return new ArrayList<>(patients);
    }

    private static void documents(Connection c, String sql, Loaded loaded) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                long p = rs.getLong(2);
                Long patientId = rs.wasNull() ? null : p;
                long cl = rs.getLong(3);
                Long claimId = rs.wasNull() ? null : cl;
                int relief = rs.getInt(7);
                Integer reliefPct = rs.wasNull() ? null : relief;
                ClinicalDocument doc = new ClinicalDocument(rs.getLong(1), patientId, claimId, rs.getString(4), rs.getDate(5).toLocalDate(),
                        rs.getString(6), reliefPct, rs.getString(8), rs.getString(9), null);
                if (patientId != null) {
                    loaded.docsByPatient.computeIfAbsent(patientId, k -> new ArrayList<>()).add(doc);
                }
                if (claimId != null) {
                    loaded.docsByClaim.computeIfAbsent(claimId, k -> new ArrayList<>()).add(doc);
                }
            }
        }
    }
}
