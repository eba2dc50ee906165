package io.arbiter.claims;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The claims ledger's bulk reader for scans over many claims (the findings scan reads a million lines with it): claims,
 * their lines with the adjustments and remark codes of the remittances still standing, and patients' services — one
 * ordered query per table for a selection of claims, on the caller's connection. Claims owns these tables; other
 * capabilities read them in bulk through here, not with SQL of their own.
 */
public final class ClaimBulkReader {

    private ClaimBulkReader() {
    }

    /** Which claims: explicit ids (IN-list), or every claim of the patients whose ids fall in a range. */
    public sealed interface Selection permits ByIds, ByPatients {
    }

    public record ByIds(Collection<Long> ids) implements Selection {
    }

    public record ByPatients(long fromPatient, long toPatient) implements Selection {
    }

    /** A claim as a scan needs it; payer and plan as ids (their owners resolve them). */
    public record ClaimRow(long id, long practiceId, @Nullable Long patientId, @Nullable Long payerId, @Nullable Long planId,
                           @Nullable String placeOfService, @Nullable String serviceZip, @Nullable String serviceState,
                           @Nullable LocalDate serviceDateFrom, @Nullable BigDecimal qpa) {
    }

    /**
     * A service line with what the standing remittances said about it. {@code serviceDate} is the line's own date (null
     * when the line has none: the claim's date of service applies); {@code firstTwoModifiers} are as stored.
     */
    public record LineRow(long id, long claimId, int lineNumber, String procedureCode, List<String> modifiers, @Nullable String modifier1,
                          @Nullable String modifier2, BigDecimal units, BigDecimal charge, @Nullable BigDecimal allowed, BigDecimal paid,
                          @Nullable LocalDate serviceDate, List<Adjustment> adjustments, List<String> remarkCodes) {
    }

    /** A dated service of a patient (history for frequency rules). */
    public record PatientService(long patientId, long claimId, LocalDate date, String procedureCode, @Nullable String modifier1,
                                 @Nullable String modifier2) {
    }

    private static final String CLAIMS = "SELECT c.id, c.practice_id, c.patient_id, c.payer_id, c.plan_id, c.place_of_service, "
            + "c.service_zip, c.service_state, c.service_date_from, c.qpa FROM claim c ";
    private static final String LINES = "SELECT l.id, l.claim_id, l.line_number, l.procedure_code, l.modifier1, l.modifier2, l.modifier3, "
            + "l.modifier4, l.units, l.charge, l.allowed, l.paid, l.service_date FROM claim_line l ";
    private static final String REMITTANCES = "SELECT r.id, r.claim_id, r.adjustments, r.remark_codes FROM remittance r ";

    /** The selected claims in id order. */
    public static Map<Long, ClaimRow> claims(Connection c, Selection s) throws SQLException {
        String sql = CLAIMS + (s instanceof ByIds ids
                ? "WHERE c.id IN (" + join(ids.ids()) + ") ORDER BY c.id"
                : "WHERE c.patient_id" + range((ByPatients) s) + " ORDER BY c.id");
        Map<Long, ClaimRow> rows = new LinkedHashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                rows.put(rs.getLong(1), new ClaimRow(rs.getLong(1), rs.getLong(2), nullableLong(rs, 3), nullableLong(rs, 4),
                        nullableLong(rs, 5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getObject(9, LocalDate.class),
                        rs.getBigDecimal(10)));
            }
        }
        return rows;
    }

    /** The lines of the selected claims, by claim, in line order, each with its standing remittances' adjustments and RARCs. */
    public static Map<Long, List<LineRow>> lines(Connection c, Selection s) throws SQLException {
        Map<Long, List<Adjustment>> adjustments = new HashMap<>();
        Map<Long, List<String>> remarks = new HashMap<>();
        String remittances = REMITTANCES + (s instanceof ByIds ids
                ? "WHERE r.claim_id IN (" + join(ids.ids()) + ") AND r.cancelled = FALSE ORDER BY r.id"
                : "JOIN claim c ON c.id = r.claim_id WHERE c.patient_id" + range((ByPatients) s) + " AND r.cancelled = FALSE ORDER BY r.id");
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(remittances)) {
            while (rs.next()) {
                long remittanceId = rs.getLong(1);
                long claimId = rs.getLong(2);
                for (Adjustment a : RemittanceDetail.adjustments(claimId, remittanceId, rs.getString(3))) {
                    if (a.claimLineId() != null) {
                        adjustments.computeIfAbsent(a.claimLineId(), k -> new ArrayList<>()).add(a);
                    }
                }
                for (RemarkCode r : RemittanceDetail.remarks(claimId, remittanceId, rs.getString(4))) {
                    if (r.claimLineId() != null) {
                        remarks.computeIfAbsent(r.claimLineId(), k -> new ArrayList<>()).add(r.code());
                    }
                }
            }
        }
        String sql = LINES + (s instanceof ByIds ids
                ? "WHERE l.claim_id IN (" + join(ids.ids()) + ") ORDER BY l.claim_id, l.line_number"
                : "JOIN claim c ON c.id = l.claim_id WHERE c.patient_id" + range((ByPatients) s) + " ORDER BY l.claim_id, l.line_number");
        Map<Long, List<LineRow>> lines = new LinkedHashMap<>(); // claim order, as the query returns them
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                long id = rs.getLong(1);
                long claimId = rs.getLong(2);
                String m1 = rs.getString(5);
                String m2 = rs.getString(6);
                List<String> mods = new ArrayList<>(2);
                for (int i = 5; i <= 8; i++) {
                    String m = i == 5 ? m1 : i == 6 ? m2 : rs.getString(i);
                    if (m != null && !m.isBlank()) {
                        mods.add(m);
                    }
                }
                lines.computeIfAbsent(claimId, k -> new ArrayList<>()).add(new LineRow(id, claimId, rs.getInt(3), rs.getString(4), mods,
                        m1, m2, rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getBigDecimal(11), rs.getBigDecimal(12),
                        rs.getObject(13, LocalDate.class), // no Calendar per value, unlike getDate
                        adjustments.getOrDefault(id, List.of()), remarks.getOrDefault(id, List.of())));
            }
        }
        return lines;
    }

    /** Every dated service of the given patients (a line's own date, else its claim's), in claim and line order. */
    public static List<PatientService> servicesOf(Connection c, Collection<Long> patientIds) throws SQLException {
        List<PatientService> out = new ArrayList<>();
        if (patientIds.isEmpty()) {
            return out;
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT c.patient_id, c.id, "
                + "COALESCE(l.service_date, c.service_date_from), l.procedure_code, l.modifier1, l.modifier2 FROM claim_line l "
                + "JOIN claim c ON c.id = l.claim_id WHERE c.patient_id IN (" + join(patientIds) + ") ORDER BY c.id, l.line_number")) {
            while (rs.next()) {
                LocalDate d = rs.getObject(3, LocalDate.class);
                if (d != null) {
                    out.add(new PatientService(rs.getLong(1), rs.getLong(2), d, rs.getString(4), rs.getString(5), rs.getString(6)));
                }
            }
        }
        return out;
    }

    /** SQL selecting the ids of the claims of a patient range (for readers of other tables keyed by claim). */
    public static String claimIdsOf(ByPatients p) {
        return "SELECT id FROM claim WHERE patient_id" + range(p);
    }

    private static String range(ByPatients p) {
        return " BETWEEN " + p.fromPatient() + " AND " + p.toPatient();
    }

    private static @Nullable Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static String join(Collection<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
