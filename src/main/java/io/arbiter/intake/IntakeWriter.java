package io.arbiter.intake;

import io.arbiter.claims.ClaimLedgerWriter;
import io.arbiter.claims.RemittanceDetail;
import io.arbiter.common.BulkInsert;
import io.arbiter.intake.IntakeModel.BilledClaim;
import io.arbiter.intake.IntakeModel.BilledLine;
import io.arbiter.intake.IntakeModel.Cas;
import io.arbiter.intake.IntakeModel.PaidClaim;
import io.arbiter.intake.IntakeModel.PaidLine;
import io.arbiter.intake.IntakeModel.Remark;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes imported claims with plain JDBC batches on one connection inside the file's single
 * transaction (the caller commits or rolls back). Remittances are buffered in chunks: each chunk
 * costs a handful of round trips whatever its size, which is what makes 20,000+ lines/s possible.
 *
 * <p>State rules (docs/intake.md): a claim is keyed by practice + patient control number; billed
 * data (charge, lines, patient, ZIP, POS) comes from the 837P when one was seen, otherwise from the
 * latest remittance; paid amounts are always the net of the claim's non-cancelled remittances, a
 * reversal (CLP status 22) cancelling its original. {@link #recompute} derives that state from the
 * stored rows, so importing the 835 before or after the 837P ends in the same claim.
 */
public final class IntakeWriter implements IntakeModel.Sink, AutoCloseable {

    /**
     * CLPs per chunk. Measured on the 200,000-line benchmark: 1,000 → 4,000 cut the database's CPU by ~10 % (fewer
     * statements and IN-list lookups); 8,000 was faster still but doubled the live heap (87 → 122 MB importing
     * 400,000 lines with -Xmx128m, where the collector then dominated). docs/performance-intake.md.
     */
    static final int CHUNK = 4000;
    private static final int MAX_CACHE = 10_000;

    private final Connection conn;
    private final long importId;
    private final LocalDateTime now;
    private final Issues issues;
    private final PlanTypes planTypes;
    private final Runnable progress;
    private final Timing timing;
    private final List<PaidClaim> pending = new ArrayList<>(CHUNK);
    private final IntakeParties parties;
    private final ClaimLedgerWriter ledger;
    private int skippedDuplicates;

    /** Receives how long each phase of writing took (the benchmark sums them); {@link #NONE} otherwise. */
    @FunctionalInterface
    public interface Timing {
        void phase(String name, long nanos);
    }

    public static final Timing NONE = (name, nanos) -> { };

    public IntakeWriter(Connection conn, long importId, LocalDateTime now, Issues issues, PlanTypes planTypes, Runnable progress) {
        this(conn, importId, now, issues, planTypes, progress, NONE);
    }

    public IntakeWriter(Connection conn, long importId, LocalDateTime now, Issues issues, PlanTypes planTypes, Runnable progress,
                        Timing timing) {
        this.timing = timing;
        this.conn = conn;
        this.importId = importId;
        this.now = now;
        this.issues = issues;
        this.planTypes = planTypes;
        this.progress = progress;
        this.parties = new IntakeParties(conn, now, issues, planTypes);
        this.ledger = new ClaimLedgerWriter(conn, now);
    }

    public int skippedDuplicates() {
        return skippedDuplicates;
    }

    // ------------------------------------------------------------------ sink

    @Override
    public void paid(PaidClaim claim) {
        pending.add(claim);
        if (pending.size() >= CHUNK) {
            flush();
        }
    }

    /** A chunk of remittances delivered at once (by {@link IntakePipeline}); written before returning. */
    void paidChunk(List<PaidClaim> claims) {
        pending.addAll(claims);
        flush();
    }

    @Override
    public void billed(BilledClaim claim) {
        flush();
        try {
            writeBilled(claim);
        } catch (SQLException e) {
            throw new IntakeDatabaseException(e);
        }
    }

    @Override
    public void endOfTransaction() {
        flush();
    }

    public void flush() {
        if (pending.isEmpty() || issues.hasErrors()) {
            pending.clear();
            return;
        }
        try {
            writePaid(new ArrayList<>(pending));
        } catch (SQLException e) {
            throw new IntakeDatabaseException(e);
        } finally {
            pending.clear();
        }
        progress.run();
    }

    @Override
    public void close() {
        parties.close();
    }

    /** Failures of the database itself (not of the input); the import is rolled back. */
    public static final class IntakeDatabaseException extends RuntimeException {
        IntakeDatabaseException(SQLException e) {
            super(e.getMessage(), e);
        }
    }

    private PreparedStatement ps(String sql) throws SQLException {
        return parties.ps(sql);
    }

    // ------------------------------------------------------------------ 835 chunks

    /** A claim row as far as this chunk needs it. */
    private static final class ClaimRef {
        long id;
        boolean existed;
        final List<LineRef> lines = new ArrayList<>(2);
        final List<PaidClaim> remits = new ArrayList<>(1);
    }

    private static final class LineRef {
        Long id;
        int number;
        String code;
        List<String> modifiers;
        LocalDate serviceDate;
        PaidLine source;

        /** Same code and modifiers; on {@code date} too when {@code sameDate}. */
        boolean matches(String procedureCode, List<String> mods, LocalDate date, boolean sameDate) {
            return Objects.equals(code, procedureCode) && modifiers.equals(mods) && (!sameDate || Objects.equals(serviceDate, date));
        }
    }

    /**
     * The unused claim line a service line belongs to: same code, modifiers and date of service first (a claim may bill
     * one code on several dates), else the first with the same code and modifiers.
     */
    private static LineRef matchLine(List<LineRef> lines, Set<LineRef> used, String code, List<String> mods, LocalDate date) {
        for (boolean sameDate : new boolean[]{true, false}) {
            for (LineRef cand : lines) {
                if (!used.contains(cand) && cand.matches(code, mods, date, sameDate)) {
                    return cand;
                }
            }
        }
        return null;
    }

    private static final String[] PHASE_NAMES = {"dedupe", "find claims", "load lines", "insert claims+patients", "insert lines",
            "insert remittances/details", "recompute"};

    private long lap(int phase, long since) {
        long t = System.nanoTime();
        timing.phase(PHASE_NAMES[phase], t - since);
        return t;
    }

    private void writePaid(List<PaidClaim> chunk) throws SQLException {
        long t = System.nanoTime();
        // 1. reference data and duplicate remittances
        List<PaidClaim> fresh = new ArrayList<>(chunk.size());
        Map<PaidClaim, Long> practiceOf = new HashMap<>();
        Set<String> seen = new HashSet<>();
        Set<String> known = knownRemittances(chunk);
        for (PaidClaim c : chunk) {
            long practice = parties.practiceId(c.payee, c.location);
            if (practice < 0 || c.pcn == null) {
                continue;
            }
            String key = remitKey(c);
            if (key != null && (known.contains(key) || !seen.add(key))) {
                skippedDuplicates++;
                issues.warning(c.location, "claim " + c.pcn + ": remittance already imported (payer claim control number "
                        + c.payerClaimControlNumber + ", trace " + c.paymentTrace + ", status " + c.status + "); not counted again");
                continue;
            }
            practiceOf.put(c, practice);
            fresh.add(c);
        }
        if (issues.hasErrors() || fresh.isEmpty()) {
            return;
        }
        t = lap(0, t);
        // 2. claims: find or create by practice + patient control number
        Map<String, ClaimRef> claims = new LinkedHashMap<>();
        Map<Long, List<String>> pcnsByPractice = new HashMap<>();
        for (PaidClaim c : fresh) {
            String k = practiceOf.get(c) + "|" + c.pcn;
            ClaimRef ref = claims.computeIfAbsent(k, x -> {
                pcnsByPractice.computeIfAbsent(practiceOf.get(c), p -> new ArrayList<>()).add(c.pcn);
                return new ClaimRef();
            });
            ref.remits.add(c);
        }
        for (Map.Entry<Long, List<String>> e : pcnsByPractice.entrySet()) {
            String sql = "SELECT id, patient_control_number FROM claim WHERE practice_id = ? AND patient_control_number IN ("
                    + marks(e.getValue().size()) + ")";
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
                ps.setLong(1, e.getKey());
                int i = 2;
                for (String pcn : e.getValue()) {
                    ps.setString(i++, pcn);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ClaimRef ref = claims.get(e.getKey() + "|" + rs.getString(2));
                        if (ref != null) {
                            ref.id = rs.getLong(1);
                            ref.existed = true;
                        }
                    }
                }
            }
        }
        t = lap(1, t);
        loadLines(claims.values());
        List<Long> existing = new ArrayList<>();
        for (ClaimRef ref : claims.values()) {
            if (ref.existed) {
                existing.add(ref.id);
            }
        }
        materialize(existing);
        t = lap(2, t);
        insertNewClaims(claims, practiceOf);
        t = lap(3, t);
        // 3. match service lines to claim lines, creating the missing ones
        List<LineRef> newLines = new ArrayList<>();
        Map<PaidLine, LineRef> lineOf = new HashMap<>();
        for (ClaimRef ref : claims.values()) {
            for (PaidClaim c : ref.remits) {
                Set<LineRef> used = new HashSet<>();
                for (PaidLine l : c.lines) {
                    LineRef match = matchLine(ref.lines, used, l.procedureCode, l.modifiers, l.serviceDate);
                    if (match == null) {
                        match = new LineRef();
                        match.number = ref.lines.stream().mapToInt(x -> x.number).max().orElse(0) + 1;
                        match.code = l.procedureCode;
                        match.modifiers = l.modifiers;
                        match.serviceDate = l.serviceDate;
                        match.source = l;
                        ref.lines.add(match);
                        newLines.add(match);
                        lineRefClaim.put(match, ref);
                    }
                    used.add(match);
                    lineOf.put(l, match);
                }
            }
        }
        insertLines(newLines);
        lineRefClaim.clear();
        t = lap(4, t);
        // 4. remittances and their details
        insertRemittances(claims.values(), lineOf);
        List<Long> warnedClaims = new ArrayList<>();
        List<IntakeModel.BalanceWarning> warnings = new ArrayList<>();
        for (ClaimRef ref : claims.values()) {
            for (PaidClaim c : ref.remits) {
                for (IntakeModel.BalanceWarning w : c.warnings) {
                    warnedClaims.add(ref.id);
                    warnings.add(w);
                }
            }
        }
        insertWarnings(warnedClaims, warnings);
        recordFilingIndicators(claims.values());
        t = lap(5, t);
        // 5. derived state: simple new claims were written final; the rest is recomputed from the rows
        Set<Long> recompute = new LinkedHashSet<>();
        for (ClaimRef ref : claims.values()) {
            if (ref.existed || ref.remits.size() > 1 || ref.remits.get(0).reversal()) {
                recompute.add(ref.id);
            }
        }
        recompute(recompute);
        for (ClaimRef ref : claims.values()) {
            changedClaims.add(ref.id);
        }
        lap(6, t);
    }

    private final Map<LineRef, ClaimRef> lineRefClaim = new HashMap<>();

    /** Every claim this import created or changed, for whatever is computed from claims (findings) to follow. */
    private final Set<Long> changedClaims = new LinkedHashSet<>();

    public Set<Long> changedClaims() {
        return java.util.Collections.unmodifiableSet(changedClaims);
    }

    private static String remitKey(PaidClaim c) {
        if (c.payerClaimControlNumber == null || c.paymentTrace == null) {
            return null;
        }
        return c.payerClaimControlNumber + "|" + c.paymentTrace + "|" + c.status;
    }

    /**
     * Claims each remittance's natural key (remittance_natural_key, V66) in this transaction: an import storing the same
     * remittance at the same moment waits for this one and then fails on the key (ImportService retries it).
     */
    private void insertNaturalKeys(List<PaidClaim> remittances, long[] ids) throws SQLException {
        BulkInsert keys = new BulkInsert(conn, "remittance_natural_key", "payer_claim_control_number", "payment_trace",
                "claim_status_code", "remittance_id");
        boolean any = false;
        for (int i = 0; i < remittances.size(); i++) {
            PaidClaim c = remittances.get(i);
            if (remitKey(c) != null) {
                keys.add(cut(c.payerClaimControlNumber, 50)).add(cut(c.paymentTrace, 60)).add(cut(c.status == null ? "" : c.status, 4))
                        .add(ids[i]);
                keys.endRow();
                any = true;
            }
        }
        if (any) {
            keys.execute();
        }
    }

    private Set<String> knownRemittances(List<PaidClaim> chunk) throws SQLException {
        Set<String> ccns = new LinkedHashSet<>();
        for (PaidClaim c : chunk) {
            if (c.payerClaimControlNumber != null && c.paymentTrace != null) {
                ccns.add(c.payerClaimControlNumber);
            }
        }
        Set<String> known = new HashSet<>();
        if (ccns.isEmpty()) {
            return known;
        }
        String sql = "SELECT payer_claim_control_number, payment_trace, claim_status_code FROM remittance "
                + "WHERE payer_claim_control_number IN (" + marks(ccns.size()) + ")";
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            int i = 1;
            for (String s : ccns) {
                ps.setString(i++, s);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    known.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3));
                }
            }
        }
        return known;
    }

    private void loadLines(Collection<ClaimRef> claims) throws SQLException {
        Map<Long, ClaimRef> byId = new HashMap<>();
        for (ClaimRef r : claims) {
            if (r.existed) {
                byId.put(r.id, r);
            }
        }
        if (byId.isEmpty()) {
            return;
        }
        String sql = "SELECT id, claim_id, line_number, procedure_code, modifier1, modifier2, modifier3, modifier4, service_date FROM claim_line "
                + "WHERE claim_id IN (" + marks(byId.size()) + ") ORDER BY claim_id, line_number, id";
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            int i = 1;
            for (Long id : byId.keySet()) {
                ps.setLong(i++, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LineRef l = new LineRef();
                    l.id = rs.getLong(1);
                    l.number = rs.getInt(3);
                    l.code = rs.getString(4);
                    l.modifiers = new ArrayList<>(4);
                    for (int m = 5; m <= 8; m++) {
                        String mod = rs.getString(m);
                        if (mod != null && !mod.isBlank()) {
                            l.modifiers.add(mod);
                        }
                    }
                    Date serviceDate = rs.getDate(9);
                    l.serviceDate = serviceDate == null ? null : serviceDate.toLocalDate();
                    byId.get(rs.getLong(2)).lines.add(l);
                }
            }
        }
    }

    private void insertNewClaims(Map<String, ClaimRef> claims, Map<PaidClaim, Long> practiceOf) throws SQLException {
        List<ClaimRef> created = new ArrayList<>();
        for (ClaimRef r : claims.values()) {
            if (!r.existed) {
                created.add(r);
            }
        }
        if (created.isEmpty()) {
            return;
        }
        // patients of new claims, found or created in bulk
        Map<String, Long> patients = patientsFor(created, practiceOf);
        BulkInsert ins = BulkInsert.withGeneratedIds(conn, "claim", "practice_id", "patient_id", "payer_id", "plan_id", "patient_control_number",
                "payer_claim_control_number", "claim_status_code", "service_date_from", "service_date_to", "place_of_service", "rendering_npi",
                "billing_npi", "total_charge", "total_paid", "patient_responsibility", "payment_date", "payment_trace", "claim_filing_indicator")
                .constant("claim_import_id", importId).constant("billed", false).constant("emergency", false)
                .constant("notice_consent_on_file", false).constant("version", 0L).constant("created_at", now).constant("updated_at", now);
        for (ClaimRef r : created) {
            PaidClaim c = r.remits.get(r.remits.size() - 1);
            long practice = practiceOf.get(c);
            LocalDate first = null;
            LocalDate last = null;
            for (PaidLine l : c.lines) {
                first = min(first, l.serviceDate);
                last = max(last, l.serviceDate);
            }
            LocalDate from = c.dateFrom != null ? c.dateFrom : first;
            LocalDate to = c.dateTo != null ? c.dateTo : last;
            Long payer = parties.payerId(c.payerCode, c.payerName);
            ins.add(practice).add(patients.get(patientKey(practice, c))).add(payer)
                    .add(parties.programPlanId(payer, c.payerName, filingIndicatorOf(r))).add(cut(c.pcn, 38))
                    .add(cut(c.payerClaimControlNumber, 50)).add(cut(c.status, 4)).add(from).add(to == null ? from : to)
                    .add(cut(c.facilityCode, 4)).add(cut(c.renderingNpi, 10)).add(c.payee == null ? null : cut(c.payee.npi, 10))
                    .add(cents(c.charge)).add(cents(c.paid)).add(cents(orZero(c.patientResponsibility))).add(c.paymentDate)
                    .add(cut(c.paymentTrace, 60)).add(filingIndicatorOf(r));
            ins.endRow();
        }
        ins.execute();
        long[] ids = ins.ids();
        for (int i = 0; i < created.size(); i++) {
            created.get(i).id = ids[i];
        }
    }

    private static String patientKey(long practice, PaidClaim c) {
        return practice + "|" + c.memberId + "|" + c.patientLastName;
    }

    private Map<String, Long> patientsFor(List<ClaimRef> created, Map<PaidClaim, Long> practiceOf) throws SQLException {
        Map<String, Long> found = new HashMap<>();
        Map<Long, Set<String>> members = new HashMap<>();
        Map<String, PaidClaim> wanted = new LinkedHashMap<>();
        for (ClaimRef r : created) {
            PaidClaim c = r.remits.get(r.remits.size() - 1);
            if (c.patientLastName == null || c.memberId == null) {
                continue;
            }
            long practice = practiceOf.get(c);
            wanted.putIfAbsent(patientKey(practice, c), c);
            members.computeIfAbsent(practice, p -> new LinkedHashSet<>()).add(cut(c.memberId, 80));
        }
        for (Map.Entry<Long, Set<String>> e : members.entrySet()) {
            String sql = "SELECT id, member_id, last_name FROM patient WHERE practice_id = ? AND member_id IN (" + marks(e.getValue().size())
                    + ") ORDER BY id";
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
                ps.setLong(1, e.getKey());
                int i = 2;
                for (String m : e.getValue()) {
                    ps.setString(i++, m);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.putIfAbsent(e.getKey() + "|" + rs.getString(2) + "|" + rs.getString(3), rs.getLong(1));
                    }
                }
            }
        }
        List<String> missing = new ArrayList<>();
        BulkInsert ins = BulkInsert.withGeneratedIds(conn, "patient", "practice_id", "last_name", "first_name", "member_id")
                .constant("version", 0L).constant("created_at", now).constant("updated_at", now);
        for (Map.Entry<String, PaidClaim> w : wanted.entrySet()) {
            if (found.containsKey(w.getKey())) {
                continue;
            }
            PaidClaim c = w.getValue();
            ins.add(practiceOf.get(c)).add(cut(c.patientLastName, 100)).add(cut(c.patientFirstName, 100)).add(cut(c.memberId, 80));
            ins.endRow();
            missing.add(w.getKey());
        }
        if (!missing.isEmpty()) {
            ins.execute();
            long[] ids = ins.ids();
            for (int i = 0; i < missing.size(); i++) {
                found.put(missing.get(i), ids[i]);
            }
        }
        return found;
    }

    private void insertLines(List<LineRef> newLines) throws SQLException {
        if (newLines.isEmpty()) {
            return;
        }
        BulkInsert ins = BulkInsert.withGeneratedIds(conn, "claim_line", "claim_id", "line_number", "procedure_code", "modifier1", "modifier2",
                "modifier3", "modifier4", "units", "charge", "allowed", "paid", "service_date")
                .constant("version", 0L).constant("created_at", now).constant("updated_at", now);
        for (LineRef l : newLines) {
            PaidLine s = l.source;
            ins.add(lineRefClaim.get(l).id).add(l.number).add(cut(s.procedureCode == null ? "" : s.procedureCode, 10));
            for (int m = 0; m < 4; m++) {
                ins.add(m < s.modifiers.size() ? cut(s.modifiers.get(m), 2) : null);
            }
            ins.add(s.units.abs().setScale(3, RoundingMode.HALF_UP)).add(cents(s.charge.abs())).add(cents(s.allowed)).add(cents(s.paid))
                    .add(s.serviceDate);
            ins.endRow();
        }
        ins.execute();
        long[] ids = ins.ids();
        for (int i = 0; i < newLines.size(); i++) {
            newLines.get(i).id = ids[i];
        }
    }

    private void insertRemittances(Collection<ClaimRef> claims, Map<PaidLine, LineRef> lineOf) throws SQLException {
        BulkInsert rem = BulkInsert.withGeneratedIds(conn, "remittance", "claim_id", "patient_control_number",
                "payer_claim_control_number", "payer_id", "claim_status_code", "total_charge", "total_paid", "patient_responsibility",
                "facility_code", "payment_date", "payment_trace", "reversal", "lines_on_claim", "adjustments", "remark_codes")
                .constant("import_id", importId).constant("cancelled", false).constant("created_at", now);
        List<PaidClaim> order = new ArrayList<>();
        List<ClaimRef> owners = new ArrayList<>();
        StringBuilder adjustments = new StringBuilder();
        StringBuilder remarks = new StringBuilder();
        for (ClaimRef ref : claims) {
            for (PaidClaim c : ref.remits) {
                adjustments.setLength(0);
                remarks.setLength(0);
                addDetail(adjustments, remarks, null, c.adjustments, c.remarks);
                for (PaidLine l : c.lines) {
                    addDetail(adjustments, remarks, lineOf.get(l).id, l.adjustments, l.remarks);
                }
                rem.add(ref.id).add(cut(c.pcn, 38)).add(cut(c.payerClaimControlNumber, 50)).add(parties.payerId(c.payerCode, c.payerName))
                        .add(cut(c.status == null ? "" : c.status, 4)).add(cents(c.charge)).add(cents(c.paid)).add(cents(c.patientResponsibility))
                        .add(cut(c.facilityCode, 4)).add(c.paymentDate).add(cut(c.paymentTrace, 60)).add(c.reversal())
                        .add(linesOnClaim(ref)).add(adjustments.isEmpty() ? null : adjustments.toString())
                        .add(remarks.isEmpty() ? null : remarks.toString());
                rem.endRow();
                order.add(c);
                owners.add(ref);
            }
        }
        rem.execute();
        long[] remIds = rem.ids();
        insertNaturalKeys(order, remIds);
        BulkInsert line = new BulkInsert(conn, "remittance_line", "remittance_id", "claim_id", "claim_line_id", "seq", "procedure_code",
                "modifiers", "charge", "paid", "allowed", "units", "service_date");
        for (int i = 0; i < order.size(); i++) {
            if (linesOnClaim(owners.get(i))) {
                continue;
            }
            PaidClaim c = order.get(i);
            long claimId = owners.get(i).id;
            int seq = 0;
            for (PaidLine l : c.lines) {
                line.add(remIds[i]).add(claimId).add(lineOf.get(l).id).add(++seq).add(cut(l.procedureCode == null ? "" : l.procedureCode, 10))
                        .add(cut(String.join(":", l.modifiers), 20)).add(cents(l.charge)).add(cents(l.paid)).add(cents(l.allowed))
                        .add(l.units.setScale(3, RoundingMode.HALF_UP)).add(l.serviceDate);
                line.endRow();
            }
        }
        line.execute();
    }

    /**
     * True when the claim was created by this one remittance, so its claim_line rows carry exactly
     * the remittance's service lines (numbered in SVC order, same amounts): no remittance_line copy
     * is written. Negative charges/units are excluded because claim_line stores their absolute value.
     */
    private static boolean linesOnClaim(ClaimRef ref) {
        if (ref.existed || ref.remits.size() != 1) {
            return false;
        }
        PaidClaim c = ref.remits.get(0);
        if (c.reversal()) {
            return false;
        }
        for (PaidLine l : c.lines) {
            if (l.charge == null || l.charge.signum() < 0 || (l.units != null && l.units.signum() < 0)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Writes the remittance_line rows of the given claims' remittances flagged lines_on_claim (copied
     * from claim_line, which still holds their values: such a claim was only ever changed by that
     * remittance) and clears the flag. Must run before an import changes those claims.
     */
    private void materialize(List<Long> claimIds) throws SQLException {
        for (int from = 0; from < claimIds.size(); from += CHUNK) {
            List<Long> ids = claimIds.subList(from, Math.min(claimIds.size(), from + CHUNK));
            String in = marks(ids.size());
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO remittance_line (remittance_id, claim_id, claim_line_id, seq, "
                    + "procedure_code, modifiers, charge, paid, allowed, units, service_date) SELECT r.id, l.claim_id, l.id, l.line_number, "
                    + "l.procedure_code, CONCAT_WS(':', l.modifier1, l.modifier2, l.modifier3, l.modifier4), l.charge, l.paid, l.allowed, "
                    + "l.units, l.service_date FROM remittance r JOIN claim_line l ON l.claim_id = r.claim_id "
                    + "WHERE r.lines_on_claim = TRUE AND r.claim_id IN (" + in + ") ORDER BY r.id, l.line_number")) {
                bind(ps, ids);
                if (ps.executeUpdate() == 0) {
                    continue;
                }
            }
            try (PreparedStatement ps = conn.prepareStatement("UPDATE remittance SET lines_on_claim = FALSE "
                    + "WHERE lines_on_claim = TRUE AND claim_id IN (" + in + ")")) {
                bind(ps, ids);
                ps.executeUpdate();
            }
        }
    }

    /** Appends a claim's (line id null) or a line's CAS adjustments and RARCs to its remittance's detail text. */
    private static void addDetail(StringBuilder adjustments, StringBuilder remarks, Long lineId, List<Cas> cas, List<Remark> rarcs) {
        for (Cas a : cas) {
            RemittanceDetail.appendAdjustment(adjustments, lineId, cut(a.group(), 2), cut(a.reason(), 5), cents(a.amount()),
                    a.quantity() == null ? null : a.quantity().setScale(3, RoundingMode.HALF_UP));
        }
        for (Remark r : rarcs) {
            RemittanceDetail.appendRemark(remarks, lineId, cut(r.code(), 10), r.source());
        }
    }

    // ------------------------------------------------------------------ 837P / CSV claims

    /**
     * Binds what an 837P (or CSV claim) says about a claim — payer claim number through the import id — in the
     * order the INSERT and the UPDATE share; returns the next parameter index.
     */
    private int bindBilledFields(PreparedStatement ps, int i, BilledClaim c, LocalDate from, LocalDate to, String dx) throws SQLException {
        ps.setString(i++, cut(c.payerClaimControlNumber, 50));
        ps.setString(i++, cut(c.frequency, 2));
        setDate(ps, i++, from);
        setDate(ps, i++, to);
        ps.setString(i++, cut(c.placeOfService, 4));
        ps.setString(i++, cut(c.facilityName, 200));
        ps.setString(i++, cut(c.facilityNpi, 10));
        ps.setString(i++, cut(c.serviceZip, 10));
        ps.setString(i++, state(c.serviceState));
        ps.setString(i++, cut(c.renderingNpi, 10));
        ps.setString(i++, c.billing == null ? null : cut(c.billing.key(), 10));
        ps.setString(i++, dx);
        ps.setBigDecimal(i++, cents(c.charge));
        ps.setLong(i++, importId);
        return i;
    }

    private void writeBilled(BilledClaim c) throws SQLException {
        long practice = parties.practiceId(c.billing, c.location);
        if (practice < 0 || c.pcn == null || issues.hasErrors()) {
            return;
        }
        Long payer = parties.payerId(c.payerCode, c.payerName);
        Long plan = parties.planId(payer, c.payerName, c.filingIndicator);
        Long patient = parties.patientId(practice, c.patientLastName, c.patientFirstName, c.patientBirthDate, c.memberId);
        LocalDate from = null;
        LocalDate to = null;
        for (BilledLine l : c.lines) {
            if (l.serviceDate != null) {
                from = min(from, l.serviceDate);
                to = max(to, l.serviceDate);
            }
        }
        Long claimId = null;
        PreparedStatement find = ps("SELECT id FROM claim WHERE practice_id = ? AND patient_control_number = ?");
        find.setLong(1, practice);
        find.setString(2, cut(c.pcn, 38));
        claimId = IntakeParties.firstId(find);
        String dx = cut(String.join(",", c.diagnosisCodes), 400);
        if (claimId == null) {
            PreparedStatement ins = ps("INSERT INTO claim (practice_id, patient_id, payer_id, plan_id, patient_control_number, "
                    + "payer_claim_control_number, frequency_code, service_date_from, service_date_to, place_of_service, facility_name, "
                    + "facility_npi, service_zip, service_state, rendering_npi, billing_npi, diagnosis_codes, total_charge, claim_import_id, "
                    + "billed, emergency, notice_consent_on_file, total_paid, patient_responsibility, version, created_at, updated_at) "
                    + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,TRUE,FALSE,FALSE,0,0,0,?,?)");
            ins.setLong(1, practice);
            setLong(ins, 2, patient);
            setLong(ins, 3, payer);
            setLong(ins, 4, plan);
            ins.setString(5, cut(c.pcn, 38));
            int next = bindBilledFields(ins, 6, c, from, to, dx);
            ins.setObject(next, now);
            ins.setObject(next + 1, now);
            ins.executeUpdate();
            claimId = generatedKey(ins);
            changedClaims.add(claimId);
            insertBilledLines(claimId, c.lines);
            insertWarnings(java.util.Collections.nCopies(c.warnings.size(), claimId), c.warnings);
            recordFilingIndicator(claimId, c.filingIndicator, false);
            return;
        }
        insertWarnings(java.util.Collections.nCopies(c.warnings.size(), claimId), c.warnings);
        changedClaims.add(claimId);
        PreparedStatement upd = ps("UPDATE claim SET patient_id = ?, payer_id = ?, plan_id = COALESCE(plan_id, ?), "
                + "payer_claim_control_number = COALESCE(payer_claim_control_number, ?), frequency_code = ?, service_date_from = ?, "
                + "service_date_to = ?, place_of_service = ?, facility_name = ?, facility_npi = ?, service_zip = ?, service_state = ?, "
                + "rendering_npi = ?, billing_npi = ?, diagnosis_codes = ?, total_charge = ?, claim_import_id = ?, billed = TRUE, "
                + "version = version + 1, updated_at = ? WHERE id = ?");
        setLong(upd, 1, patient);
        setLong(upd, 2, payer);
        setLong(upd, 3, plan);
        int next = bindBilledFields(upd, 4, c, from, to, dx);
        upd.setObject(next, now);
        upd.setLong(next + 1, claimId);
        upd.executeUpdate();
        recordFilingIndicator(claimId, c.filingIndicator, false);
        // match billed lines to the lines a remittance created, by procedure and modifiers
        materialize(List.of(claimId));
        ClaimRef ref = new ClaimRef();
        ref.id = claimId;
        ref.existed = true;
        loadLines(List.of(ref));
        Set<LineRef> used = new HashSet<>();
        List<BilledLine> unmatched = new ArrayList<>();
        PreparedStatement updLine = ps("UPDATE claim_line SET line_number = ?, units = ?, charge = ?, service_date = ?, "
                + "version = version + 1, updated_at = ? WHERE id = ?");
        boolean any = false;
        for (BilledLine l : c.lines) {
            LineRef match = matchLine(ref.lines, used, l.procedureCode, l.modifiers, l.serviceDate);
            if (match == null) {
                unmatched.add(l);
                continue;
            }
            used.add(match);
            updLine.setInt(1, l.lineNumber);
            updLine.setBigDecimal(2, l.units.setScale(3, RoundingMode.HALF_UP));
            updLine.setBigDecimal(3, cents(l.charge));
            setDate(updLine, 4, l.serviceDate);
            updLine.setObject(5, now);
            updLine.setLong(6, match.id);
            updLine.addBatch();
            any = true;
        }
        if (any) {
            updLine.executeBatch();
        }
        insertBilledLines(claimId, unmatched);
        recompute(Set.of(claimId));
    }

    /** The balancing warnings of claims (same order as {@code claimIds}), so the claim shows them (V63). */
    private void insertWarnings(List<Long> claimIds, List<IntakeModel.BalanceWarning> warnings) throws SQLException {
        if (warnings.isEmpty()) {
            return;
        }
        PreparedStatement ins = ps("INSERT INTO claim_intake_warning (claim_id, import_id, kind, location, message, stated, computed, "
                + "created_at) VALUES (?,?,?,?,?,?,?,?)");
        for (int i = 0; i < warnings.size(); i++) {
            IntakeModel.BalanceWarning w = warnings.get(i);
            ins.setLong(1, claimIds.get(i));
            ins.setLong(2, importId);
            ins.setString(3, w.kind());
            ins.setString(4, cut(w.location(), 200));
            ins.setString(5, cut(w.message(), 1000));
            ins.setBigDecimal(6, w.stated());
            ins.setBigDecimal(7, w.computed());
            ins.setObject(8, now);
            ins.addBatch();
        }
        ins.executeBatch();
    }

    /** The latest CLP06 of each claim's remittances in this chunk, in one batch (see recordFilingIndicator). */
    private void recordFilingIndicators(Collection<ClaimRef> claims) throws SQLException {
        PreparedStatement upd = null;
        for (ClaimRef ref : claims) {
            // A claim created in this chunk was inserted with its indicator (insertNewClaims): no UPDATE per claim.
            String code = ref.existed ? filingIndicatorOf(ref) : null;
            if (code != null) {
                upd = ps("UPDATE claim SET claim_filing_indicator = ? WHERE id = ?");
                upd.setString(1, code);
                upd.setLong(2, ref.id);
                upd.addBatch();
            }
        }
        if (upd != null) {
            upd.executeBatch();
        }
    }

    /** The latest CLP06 among the claim's remittances in this chunk, as stored (upper case, 2 characters), or null. */
    private static String filingIndicatorOf(ClaimRef ref) {
        String code = null;
        for (PaidClaim c : ref.remits) {
            code = c.filingIndicator == null || c.filingIndicator.isBlank() ? code : c.filingIndicator;
        }
        return code == null ? null : cut(code.trim().toUpperCase(), 2);
    }

    /**
     * Keeps the claim filing indicator (835 CLP06 / 837P SBR09): VA, OF and LM claims are outside NSA IDR whatever the
     * payer's plan row says. The payer's 835 wins over the provider's 837P, which only fills a missing one.
     */
    private void recordFilingIndicator(long claimId, String code, boolean payerSays) throws SQLException {
        if (code == null || code.isBlank()) {
            return;
        }
        PreparedStatement upd = ps(payerSays ? "UPDATE claim SET claim_filing_indicator = ? WHERE id = ?"
                : "UPDATE claim SET claim_filing_indicator = COALESCE(claim_filing_indicator, ?) WHERE id = ?");
        upd.setString(1, cut(code.trim().toUpperCase(), 2));
        upd.setLong(2, claimId);
        upd.executeUpdate();
    }

    private void insertBilledLines(long claimId, List<BilledLine> lines) throws SQLException {
        if (lines.isEmpty()) {
            return;
        }
        PreparedStatement ins = ps("INSERT INTO claim_line (claim_id, line_number, procedure_code, modifier1, modifier2, modifier3, modifier4, "
                + "units, charge, paid, service_date, version, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,0,?,0,?,?)");
        for (BilledLine l : lines) {
            ins.setLong(1, claimId);
            ins.setInt(2, l.lineNumber);
            ins.setString(3, cut(l.procedureCode, 10));
            for (int m = 0; m < 4; m++) {
                ins.setString(4 + m, m < l.modifiers.size() ? cut(l.modifiers.get(m), 2) : null);
            }
            ins.setBigDecimal(8, l.units.setScale(3, RoundingMode.HALF_UP));
            ins.setBigDecimal(9, cents(l.charge));
            setDate(ins, 10, l.serviceDate);
            ins.setObject(11, now);
            ins.setObject(12, now);
            ins.addBatch();
        }
        ins.executeBatch();
    }

    // ------------------------------------------------------------------ derived claim state

    /** Nets the claims' stored remittances into their paid amounts; how is the claims ledger's ({@link ClaimLedgerWriter}). */
    void recompute(Set<Long> claimIds) throws SQLException {
        ledger.recompute(claimIds);
    }

    // ------------------------------------------------------------------ helpers

    private static void bind(PreparedStatement ps, List<Long> ids) throws SQLException {
        for (int i = 0; i < ids.size(); i++) {
            ps.setLong(i + 1, ids.get(i));
        }
    }

    private static String marks(int n) {
        StringBuilder sb = new StringBuilder(n * 2);
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "?" : ",?");
        }
        return sb.toString();
    }

    static long generatedKey(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.getGeneratedKeys()) {
            if (!rs.next()) {
                throw new SQLException("no generated key returned");
            }
            return rs.getLong(1);
        }
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }

    static void setDate(PreparedStatement ps, int i, LocalDate d) throws SQLException {
        if (d == null) {
            ps.setNull(i, Types.DATE);
        } else {
            ps.setDate(i, Date.valueOf(d));
        }
    }

    static String cut(String s, int max) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        return t.length() > max ? t.substring(0, max) : t;
    }

    private static String state(String s) {
        return s == null || s.trim().length() != 2 ? null : s.trim();
    }

    static BigDecimal cents(BigDecimal b) {
        return b == null ? null : b.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal orZero(BigDecimal b) {
        return b == null ? BigDecimal.ZERO : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}
