package io.arbiter.cases;

import io.arbiter.common.Jdbc;
import io.arbiter.security.PracticeAccess;
import io.arbiter.tracks.ClaimTracks;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The SQL behind batch proposals (issue 21). Every line of the reachable practices' claims falls in one category,
 * decided in the database from the stored track decision ({@link ClaimTracks}), the open cases' lines and the
 * claim's initial payment date against the open-negotiation cutoff: a candidate, or left out because it is already
 * disputed, on another track, without an initial payment date, or past its window. Candidates are read thin (ids,
 * grouping fields, dates, amounts, current gap), ordered by provider, payer, code and date for the windowing; the
 * left-out lines are counted by category and read a page at a time.
 */
@Singleton
public class BatchCandidates {

    /** What limits the lines considered: payer, service code, service dates (inclusive), or given claims. */
    public record Filter(@Nullable Long payerId, @Nullable String code, @Nullable LocalDate from, @Nullable LocalDate to,
                         @Nullable Collection<Long> claimIds) {

        public static final Filter NONE = new Filter(null, null, null, null, null);
    }

    /** Why a line is not a candidate, as far as SQL can tell (the windowing adds "alone in its window"). */
    public enum Left { OPEN_CASE, OTHER_TRACK, NO_INITIAL_PAYMENT, WINDOW_CLOSED }

    /**
     * A federal IDR line that may be batched; {@code gap} is null when no current UNDERPAYMENT finding prices it (none,
     * or the claim is waiting to be priced again).
     */
    record Candidate(long lineId, long claimId, @Nullable String npi, @Nullable Long payerId, String code,
                     @Nullable LocalDate serviceDate, LocalDate received, BigDecimal billed, BigDecimal paid, @Nullable BigDecimal gap) {
    }

    /** A left-out line with what its reason needs: the open case's number, the track, the initial payment date. */
    record LeftOut(long lineId, long claimId, String patientControlNumber, int lineNumber, String code,
                   @Nullable LocalDate serviceDate, Left why, @Nullable String caseNumber, @Nullable String track,
                   @Nullable LocalDate received) {
    }

    /** How a line is shown: its claim number and line number. */
    record LineLabel(String patientControlNumber, int lineNumber) {
    }

    private static final String OPEN_STAGES = Arrays.stream(CaseStage.values()).filter(CaseStage::open)
            .map(s -> "'" + s.name() + "'").collect(Collectors.joining(","));

    private final Jdbc jdbc;
    private final ClaimTracks tracks;

    public BatchCandidates(Jdbc jdbc, ClaimTracks tracks) {
        this.jdbc = jdbc;
        this.tracks = tracks;
    }

    /** Brings the stored track decisions of the reachable claims up to date; returns how many were decided. */
    int refreshTracks(PracticeAccess access) {
        return tracks.refresh(access);
    }

    /** The lines of the reachable claims passing the filter, with their category (0 = candidate, else Left + 1). */
    private static String lines(Filter f, PracticeAccess access, LocalDate cutoff, List<Object> args) {
        StringBuilder sql = new StringBuilder("""
                SELECT l.id line_id, c.id claim_id, c.billing_npi, c.payer_id, l.procedure_code, l.line_number, l.charge, l.paid,
                       c.patient_control_number, COALESCE(l.service_date, c.service_date_from) dos, c.payment_date,
                       oc.case_number, t.track,
                       CASE WHEN oc.claim_line_id IS NOT NULL THEN 1 WHEN t.track IS NULL OR t.track <> 'FEDERAL_IDR' THEN 2
                            WHEN c.payment_date IS NULL THEN 3 WHEN c.payment_date < '""").append(cutoff).append("""
                ' THEN 4 ELSE 0 END category
                FROM claim_line l JOIN claim c ON c.id = l.claim_id LEFT JOIN claim_track t ON t.claim_id = c.id
                LEFT JOIN (SELECT cl.claim_line_id, MIN(d.case_number) case_number FROM case_line cl
                           JOIN dispute_case d ON d.id = cl.case_id WHERE d.stage IN (""").append(OPEN_STAGES).append("""
                ) GROUP BY cl.claim_line_id) oc ON oc.claim_line_id = l.id
                WHERE""").append(' ').append(access.sqlCondition("c.practice_id"));
        filters(sql, f, args);
        return sql.toString();
    }

    /** The filter's conditions on claim c and line l. */
    private static void filters(StringBuilder sql, Filter f, List<Object> args) {
        if (f.payerId() != null) {
            sql.append(" AND c.payer_id = ?");
            args.add(f.payerId());
        }
        if (f.code() != null) {
            sql.append(" AND l.procedure_code = ?");
            args.add(f.code());
        }
        if (f.from() != null) {
            sql.append(" AND COALESCE(l.service_date, c.service_date_from) >= ?");
            args.add(Date.valueOf(f.from()));
        }
        if (f.to() != null) {
            sql.append(" AND COALESCE(l.service_date, c.service_date_from) <= ?");
            args.add(Date.valueOf(f.to()));
        }
        if (f.claimIds() != null && !f.claimIds().isEmpty()) {
            // ids are numbers, so writing them into the statement cannot inject anything
            sql.append(" AND c.id IN (").append(f.claimIds().stream().map(String::valueOf).collect(Collectors.joining(","))).append(")");
        }
    }

    /** The candidates, ordered for the windowing: provider, payer, code, service date, claim, line. */
    List<Candidate> candidates(Filter f, PracticeAccess access, LocalDate cutoff) {
        // category 0 of lines(), driven from the federal claims paid on or after the cutoff (a third of the lines)
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT l.id, c.id, c.billing_npi, c.payer_id, l.procedure_code, "
                + "COALESCE(l.service_date, c.service_date_from) dos, c.payment_date, l.charge, l.paid, "
                // a claim whose re-pricing is due (V84) has no current gap: its findings predate its latest remittance
                + "CASE WHEN EXISTS (SELECT 1 FROM claim_repricing_due r WHERE r.claim_id = c.id) THEN NULL ELSE "
                + "(SELECT g.gap FROM finding g WHERE g.claim_id = c.id AND g.line_id = l.id AND g.type = 'UNDERPAYMENT' "
                + "ORDER BY g.id DESC LIMIT 1) END FROM claim c JOIN claim_track t ON t.claim_id = c.id AND t.track = 'FEDERAL_IDR' "
                + "JOIN claim_line l ON l.claim_id = c.id WHERE " + access.sqlCondition("c.practice_id") + " AND c.payment_date >= '"
                + cutoff + "' AND NOT EXISTS (SELECT 1 FROM case_line cl JOIN dispute_case d ON d.id = cl.case_id "
                + "WHERE cl.claim_line_id = l.id AND d.stage IN (" + OPEN_STAGES + "))");
        filters(sql, f, args);
        sql.append(" ORDER BY c.billing_npi, c.payer_id, l.procedure_code, dos, c.id, l.id");
        return query(sql.toString(), args, rs -> {
            long payer = rs.getLong(4);
            Long payerId = rs.wasNull() ? null : payer;
            return new Candidate(rs.getLong(1), rs.getLong(2), rs.getString(3), payerId, rs.getString(5), day(rs.getDate(6)),
                    day(rs.getDate(7)), rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getBigDecimal(10));
        });
    }

    /** How many lines each category leaves out. */
    Map<Left, Integer> leftOutCounts(Filter f, PracticeAccess access, LocalDate cutoff) {
        List<Object> args = new ArrayList<>();
        Map<Left, Integer> out = new EnumMap<>(Left.class);
        query("SELECT x.category, COUNT(*) FROM (" + lines(f, access, cutoff, args) + ") x WHERE x.category > 0 GROUP BY x.category",
                args, rs -> out.put(Left.values()[rs.getInt(1) - 1], rs.getInt(2)));
        return out;
    }

    /** One page of left-out lines: by category, then claim number and line number. */
    List<LeftOut> leftOut(Filter f, PracticeAccess access, LocalDate cutoff, int offset, int limit) {
        List<Object> args = new ArrayList<>();
        String sql = "SELECT x.line_id, x.claim_id, x.patient_control_number, x.line_number, x.procedure_code, x.dos, x.category, "
                + "x.case_number, x.track, x.payment_date FROM (" + lines(f, access, cutoff, args) + ") x WHERE x.category > 0 "
                + "ORDER BY x.category, x.patient_control_number, x.line_number, x.line_id LIMIT ? OFFSET ?";
        args.add(limit);
        args.add(offset);
        return query(sql, args, rs -> new LeftOut(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                day(rs.getDate(6)), Left.values()[rs.getInt(7) - 1], rs.getString(8), rs.getString(9), day(rs.getDate(10))));
    }

    /** Claim number and line number of the given lines (only those a page shows). */
    Map<Long, LineLabel> labels(Collection<Long> lineIds) {
        Map<Long, LineLabel> out = new HashMap<>();
        if (lineIds.isEmpty()) {
            return out;
        }
        query("SELECT l.id, c.patient_control_number, l.line_number FROM claim_line l JOIN claim c ON c.id = l.claim_id WHERE l.id IN ("
                + lineIds.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")", List.of(),
                rs -> out.put(rs.getLong(1), new LineLabel(rs.getString(2), rs.getInt(3))));
        return out;
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, List<Object> args, RowReader<T> reader) {
        return jdbc.read(c -> {
            List<T> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(reader.read(rs));
                    }
                }
            }
            return out;
        });
    }

    private static @Nullable LocalDate day(@Nullable Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
