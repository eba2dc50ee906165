package io.arbiter.findings;

import io.arbiter.common.Jdbc;
import io.arbiter.security.PracticeAccess;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The specialist's list of underpaid lines: every UNDERPAYMENT finding with a gap, with its claim, payer and code,
 * largest gap first (or oldest service first), filtered by payer, code and a minimum gap, of the practices the reader
 * reaches. Pages by keyset — the next page starts after the last row's sort key — so a page costs the same on the
 * hundredth page of 100,000 findings as on the first.
 */
@Singleton
public class UnderpaymentWorklist {

    /** How the list is ordered; each order has a unique keyset (its value, then the finding id). */
    public enum Order { LARGEST_GAP, OLDEST_SERVICE }

    /** {@code owner}: only the claims assigned to this user. */
    public record Filter(@Nullable String payer, @Nullable String code, @Nullable BigDecimal minGap, Order order, @Nullable String owner) {

        public Filter(@Nullable String payer, @Nullable String code, @Nullable BigDecimal minGap, Order order) {
            this(payer, code, minGap, order, null);
        }
    }

    /** Where the next page starts: after this row (its sort value and id), or from the top when null. */
    public record After(String value, long id) {
    }

    public record Row(long findingId, long claimId, @Nullable Long lineId, String patientControlNumber, @Nullable String payer,
                      @Nullable String code, @Nullable LocalDate serviceDate, @Nullable LocalDate paymentDate,
                      @Nullable BigDecimal expected, @Nullable BigDecimal paid, BigDecimal gap, @Nullable String basis,
                      @Nullable String owner) {

        /** The keyset value of this row in {@code order}. */
        public After key(Order order) {
            return new After(order == Order.LARGEST_GAP ? gap.toPlainString() : String.valueOf(serviceDate), findingId);
        }
    }

    public record Page(List<Row> rows, @Nullable After next) {
    }

    private final Jdbc jdbc;

    public UnderpaymentWorklist(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Page page(Filter filter, PracticeAccess access, @Nullable After after, int size) {
        StringBuilder sql = new StringBuilder("""
                SELECT f.id, f.claim_id, f.line_id, c.patient_control_number, p.name, l.procedure_code, c.service_date_from,
                       c.payment_date, f.expected, f.paid, f.gap, f.basis, o.owner
                FROM finding f JOIN claim c ON c.id = f.claim_id LEFT JOIN payer p ON p.id = c.payer_id
                LEFT JOIN claim_owner o ON o.claim_id = f.claim_id
                LEFT JOIN claim_line l ON l.id = f.line_id
                WHERE f.type = 'UNDERPAYMENT' AND f.gap > 0
                AND NOT EXISTS (SELECT 1 FROM claim_repricing_due d WHERE d.claim_id = f.claim_id)""")
                .append(" AND ").append(access.sqlCondition("c.practice_id"));
        List<Object> args = new ArrayList<>();
        if (filter.payer() != null) {
            sql.append(" AND p.name = ?");
            args.add(filter.payer());
        }
        if (filter.code() != null) {
            sql.append(" AND l.procedure_code = ?");
            args.add(filter.code());
        }
        if (filter.owner() != null) {
            sql.append(" AND o.owner = ?");
            args.add(filter.owner());
        }
        if (filter.minGap() != null) {
            sql.append(" AND f.gap >= ?");
            args.add(filter.minGap());
        }
        boolean byGap = filter.order() == Order.LARGEST_GAP;
        if (after != null) {
            if (byGap) {
                sql.append(" AND (f.gap < ? OR (f.gap = ? AND f.id > ?))");
                BigDecimal gap = new BigDecimal(after.value());
                args.add(gap);
                args.add(gap);
            } else {
                sql.append(" AND (c.service_date_from > ? OR (c.service_date_from = ? AND f.id > ?))");
                Date day = Date.valueOf(LocalDate.parse(after.value()));
                args.add(day);
                args.add(day);
            }
            args.add(after.id());
        }
        sql.append(byGap ? " ORDER BY f.gap DESC, f.id" : " ORDER BY c.service_date_from, f.id").append(" LIMIT ?");
        args.add(size + 1);
        List<Row> rows = jdbc.read(c -> {
            List<Row> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long line = rs.getLong(3);
                        out.add(new Row(rs.getLong(1), rs.getLong(2), rs.wasNull() ? null : line, rs.getString(4), rs.getString(5),
                                rs.getString(6), day(rs.getDate(7)), day(rs.getDate(8)), rs.getBigDecimal(9), rs.getBigDecimal(10),
                                rs.getBigDecimal(11), rs.getString(12), rs.getString(13)));
                    }
                }
            }
            return out;
        });
        boolean more = rows.size() > size;
        List<Row> page = more ? rows.subList(0, size) : rows;
        return new Page(List.copyOf(page), more ? page.get(page.size() - 1).key(filter.order()) : null);
    }

    /**
     * Claims left out of the list because their remittance history changed since they were priced: their gaps would be
     * computed from superseded amounts until the re-pricing (seconds after an import) replaces them.
     */
    public long repricing(PracticeAccess access) {
        return jdbc.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM claim_repricing_due d JOIN claim c ON c.id = d.claim_id WHERE "
                    + access.sqlCondition("c.practice_id")); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static @Nullable LocalDate day(@Nullable Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
