package io.arbiter.findings;

import io.arbiter.common.Money;
import io.arbiter.findings.scrubber.ScrubContext;
import io.arbiter.findings.scrubber.Scrubber;
import io.arbiter.practice.BilateralFormat;
import io.arbiter.practice.PlanType;
import io.arbiter.pricing.BenchmarkKind;
import io.arbiter.pricing.ClaimPricing;
import io.arbiter.pricing.Jdbc;
import io.arbiter.pricing.PricedLine;
import io.arbiter.pricing.PricingBasis;
import io.arbiter.pricing.PricingEngine;
import io.arbiter.pricing.PricingInput;
import io.arbiter.pricing.PricingPolicies;
import io.arbiter.pricing.PricingService;
import io.arbiter.pricing.RvuValue;
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
import java.sql.Timestamp;
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

    public FindingsScanner(Jdbc jdbc, PricingEngine engine, PricingService pricing, PricingPolicies policies,
                           WorkersCompSchedules workersComp, Scrubber scrubber, DenialClassifier denials, Clock clock) {
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
    public record ScanRequest(@Nullable List<Long> claimIds, @Nullable String benchmarkSet, @Nullable Integer percentile, @Nullable String kind) {
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
        BenchmarkKind kind = req.kind() == null ? null : BenchmarkKind.valueOf(req.kind().toUpperCase());
        List<Long> ids = req.claimIds() != null && !req.claimIds().isEmpty() ? req.claimIds() : allClaimIds();
        Map<String, UnitRateSource> sources = new ConcurrentHashMap<>();
        Map<Long, PricingBasis.Ucr> practiceBases = new HashMap<>();
        int findings = 0;
        long lines = 0;
        int scanned = 0;
        Map<String, Integer> byType = new LinkedHashMap<>();
        Timer timer = new Timer();
        // Findings of chunk n are written on a second thread while chunk n+1 is read and priced.
        java.util.concurrent.ExecutorService writer = java.util.concurrent.Executors.newSingleThreadExecutor();
        List<java.util.concurrent.Future<?>> writes = new ArrayList<>();
        try {
            for (int from = 0; from < ids.size(); from += CHUNK) {
                List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
                ChunkResult r = scanChunk(chunk, req.benchmarkSet(), kind, req.percentile(), sources, practiceBases, timer);
                writes.add(writer.submit(() -> write(r.in, r.findings, timer)));
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
            writer.shutdown();
        }
        Map<String, Long> millis = new LinkedHashMap<>();
        millis.put("load", timer.load / 1_000_000);
        millis.put("price", timer.price / 1_000_000);
        millis.put("scrub", timer.scrub / 1_000_000);
        millis.put("write", timer.write / 1_000_000);
        return new ScanResult(scanned, findings, lines, byType, millis);
    }

    private List<Long> allClaimIds() {
        return jdbc.read(c -> {
            List<Long> ids = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id FROM claim ORDER BY id")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        });
    }

    private record ChunkResult(int claims, long lines, List<Finding> findings, String in) {
    }

    private static void await(java.util.concurrent.Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
    }

    private void write(String in, List<Finding> out, Timer timer) {
        long w0 = System.nanoTime();
        jdbc.inTransaction(c -> {
            try (Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM finding WHERE claim_id IN (" + in + ")");
            }
            insert(c, out);
            return null;
        });
        timer.write += System.nanoTime() - w0;
    }

    private ChunkResult scanChunk(List<Long> ids, String set, BenchmarkKind kind, Integer percentile,
                                  Map<String, UnitRateSource> sources, Map<Long, PricingBasis.Ucr> practiceBases, Timer timer) {
        long t0 = System.nanoTime();
        String in = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        Loaded loaded = jdbc.read(c -> load(c, in));
        List<Finding> out = new ArrayList<>();
        long lineCount = 0;
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        long t1 = System.nanoTime();
        timer.load += t1 - t0;
        for (ScanClaim claim : loaded.claims) {
            long p0 = System.nanoTime();
            lineCount += claim.lines().size();
            PatientHistory history = loaded.history(claim);
            PricingBasis basis = basis(claim, set, kind, percentile, practiceBases);
            UnitRateSource rates = sources.computeIfAbsent(basis.toString(), k -> pricing.rateSource(basis));
            ClaimPricing priced = engine.price(input(claim), rates);
            Map<Long, PricedLine> pricedById = new HashMap<>();
            priced.lines().forEach(p -> pricedById.put(p.lineId(), p));
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
        return new ChunkResult(loaded.claims.size(), lineCount, out, in);
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
            if (expected != null) {
                text += ". Expected if overturned: $" + expected + " (" + p.basis() + ")";
            }
            out.add(new Finding(null, FindingType.DENIAL, claim.id(), line.id(), "DENIAL-" + pb.map(DenialClassifier.Playbook::category).orElse("UNCLASSIFIED"),
                    "ERROR", pb.map(DenialClassifier.Playbook::category).orElse("UNCLASSIFIED"), expected, line.effectiveAllowed(), line.paid(),
                    expected, p == null ? null : p.basis(), text, pb.map(b -> b.citation().toString()).orElse(null), now));
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
        if (claim.planType() == PlanType.MEDICARE) {
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

    private static final String INSERT = "INSERT INTO finding (type, claim_id, line_id, rule_id, severity, category, expected, allowed, paid, gap, "
            + "basis, explanation, citation, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

    private static void insert(Connection c, List<Finding> findings) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            int n = 0;
            for (Finding f : findings) {
                ps.setString(1, f.type().name());
                ps.setLong(2, f.claimId());
                ps.setObject(3, f.lineId());
                ps.setString(4, f.rule());
                ps.setString(5, f.severity());
                ps.setString(6, f.category());
                ps.setBigDecimal(7, f.expected());
                ps.setBigDecimal(8, f.allowed());
                ps.setBigDecimal(9, f.paid());
                ps.setBigDecimal(10, f.gap());
                ps.setString(11, f.basis());
                ps.setString(12, f.explanation());
                ps.setString(13, f.citation());
                ps.setTimestamp(14, Timestamp.valueOf(f.createdAt()));
                ps.addBatch();
                if (++n % 1000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    // ---- bulk loading ----

    private static final class Loaded {
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
                            String pos, String zip, String state, LocalDate dos) {
    }

    private Loaded load(Connection c, String in) throws SQLException {
        Loaded loaded = new Loaded();
        Map<Long, ClaimRow> rows = new LinkedHashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT c.id, c.practice_id, c.patient_id, p.payer_code, "
                + "p.bilateral_format, pl.plan_type, c.place_of_service, c.service_zip, c.service_state, c.service_date_from "
                + "FROM claim c LEFT JOIN payer p ON p.id = c.payer_id LEFT JOIN plan pl ON pl.id = c.plan_id WHERE c.id IN (" + in + ") ORDER BY c.id")) {
            while (rs.next()) {
                long patient = rs.getLong(3);
                Long patientId = rs.wasNull() ? null : patient;
                String fmt = rs.getString(5);
                String type = rs.getString(6);
                java.sql.Date dos = rs.getDate(10);
                rows.put(rs.getLong(1), new ClaimRow(rs.getLong(1), rs.getLong(2), patientId, rs.getString(4),
                        fmt == null ? BilateralFormat.MODIFIER_50 : BilateralFormat.valueOf(fmt), type == null ? null : PlanType.valueOf(type),
                        rs.getString(7), rs.getString(8), rs.getString(9), dos == null ? null : dos.toLocalDate()));
            }
        }
        Map<Long, List<ScanClaim.Adj>> adjs = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT claim_line_id, group_code, reason_code, amount FROM adjustment "
                + "WHERE claim_id IN (" + in + ") AND claim_line_id IS NOT NULL ORDER BY id")) {
            while (rs.next()) {
                adjs.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new ScanClaim.Adj(rs.getString(2), rs.getString(3), rs.getBigDecimal(4)));
            }
        }
        Map<Long, List<String>> rarcs = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT claim_line_id, code FROM remark_code "
                + "WHERE claim_id IN (" + in + ") AND claim_line_id IS NOT NULL ORDER BY id")) {
            while (rs.next()) {
                rarcs.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        Map<Long, List<ScanClaim.Line>> lines = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id, claim_id, line_number, procedure_code, modifier1, "
                + "modifier2, modifier3, modifier4, units, charge, allowed, paid, service_date FROM claim_line WHERE claim_id IN (" + in + ") "
                + "ORDER BY claim_id, line_number")) {
            while (rs.next()) {
                long claimId = rs.getLong(2);
                ClaimRow row = rows.get(claimId);
                List<String> mods = new ArrayList<>(2);
                for (int i = 5; i <= 8; i++) {
                    String m = rs.getString(i);
                    if (m != null && !m.isBlank()) {
                        mods.add(m);
                    }
                }
                java.sql.Date d = rs.getDate(13);
                LocalDate date = d != null ? d.toLocalDate() : row.dos();
                long id = rs.getLong(1);
                lines.computeIfAbsent(claimId, k -> new ArrayList<>()).add(new ScanClaim.Line(id, rs.getInt(3), rs.getString(4), mods,
                        rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getBigDecimal(11), rs.getBigDecimal(12), date,
                        adjs.getOrDefault(id, List.of()), rarcs.getOrDefault(id, List.of())));
            }
        }
        List<Long> patients = new ArrayList<>();
        for (ClaimRow row : rows.values()) {
            List<ScanClaim.Line> ls = lines.getOrDefault(row.id(), List.of());
            LocalDate dos = row.dos() != null ? row.dos() : ls.stream().map(ScanClaim.Line::serviceDate).filter(x -> x != null).findFirst().orElse(null);
            if (dos == null || ls.stream().anyMatch(l -> l.serviceDate() == null)) {
                continue; // no date of service: nothing can be priced or counted
            }
            loaded.claims.add(new ScanClaim(row.id(), row.practiceId(), row.patientId(), row.payerCode(), row.format(), row.planType(), row.pos(),
                    row.zip(), row.state(), dos, ls));
            if (row.patientId() != null && !patients.contains(row.patientId())) {
                patients.add(row.patientId());
            }
        }
        if (!patients.isEmpty()) {
            String pin = patients.stream().map(String::valueOf).collect(Collectors.joining(","));
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT c.patient_id, c.id, COALESCE(l.service_date, c.service_date_from), "
                    + "l.procedure_code, l.modifier1, l.modifier2 FROM claim_line l JOIN claim c ON c.id = l.claim_id WHERE c.patient_id IN (" + pin + ")")) {
                while (rs.next()) {
                    java.sql.Date d = rs.getDate(3);
                    if (d == null) {
                        continue;
                    }
                    List<String> mods = new ArrayList<>();
                    if (rs.getString(5) != null) mods.add(rs.getString(5));
                    if (rs.getString(6) != null) mods.add(rs.getString(6));
                    loaded.services.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new PatientHistory.Service(rs.getLong(2), d.toLocalDate(), rs.getString(4), mods));
                }
            }
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id, patient_id, claim_id, kind, document_date, region, "
                + "relief_percent, result, note FROM clinical_documentation WHERE claim_id IN (" + in + ")"
                + (patients.isEmpty() ? "" : " OR patient_id IN (" + patients.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")"))) {
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
        return loaded;
    }

    @SuppressWarnings("unused")
    private static Optional<RvuValue> none(String code) {
        return Optional.empty();
    }
}
