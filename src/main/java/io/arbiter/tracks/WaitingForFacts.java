package io.arbiter.tracks;

import io.arbiter.common.Jdbc;
import io.arbiter.rules.Track;
import io.arbiter.security.PracticeAccess;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The claims whose track waits for a fact nobody has given, read from the stored track decisions
 * ({@link ClaimTracks}) so the list costs the same at 100,000 claims as at 100: filtered in SQL (payer, provisional
 * track, owner), oldest date of service first, keyset pages (service date, then claim id). Only the page's claims are
 * decided again to name the facts they need.
 */
@Singleton
public class WaitingForFacts {

    public record Filter(@Nullable String payer, @Nullable Track track, @Nullable String owner) {
    }

    /** Where the next page starts: after this claim (its service date, then its id). */
    public record After(@Nullable LocalDate serviceDate, long claimId) {
    }

    public record Row(long claimId, String patientControlNumber, @Nullable LocalDate serviceDate, Track provisionalTrack,
                      @Nullable String payer, @Nullable String owner) {
    }

    public record Page(List<Row> rows, long total, @Nullable After next) {
    }

    /** Service date of claims without one, so they sort last and keep a keyset. */
    private static final LocalDate NO_DATE = LocalDate.of(9999, 12, 31);

    private final Jdbc jdbc;
    private final ClaimTracks tracks;

    public WaitingForFacts(Jdbc jdbc, ClaimTracks tracks) {
        this.jdbc = jdbc;
        this.tracks = tracks;
    }

    public Page page(Filter filter, PracticeAccess access, @Nullable After after, int size) {
        return read(filter, access, after, 0, size);
    }

    /** The same list by page number, for the API's {@code page}/{@code size} (offset; the screens use keyset pages). */
    public Page pageNumber(PracticeAccess access, int page, int size) {
        return read(new Filter(null, null, null), access, null, (long) page * size, size);
    }

    private Page read(Filter filter, PracticeAccess access, @Nullable After after, long offset, int size) {
        tracks.refresh(access);
        StringBuilder where = new StringBuilder(" FROM claim_track t JOIN claim c ON c.id = t.claim_id LEFT JOIN payer p ON p.id = c.payer_id"
                + " LEFT JOIN claim_owner o ON o.claim_id = c.id WHERE t.needs_facts AND ").append(access.sqlCondition("c.practice_id"));
        List<Object> args = new ArrayList<>();
        if (filter.payer() != null) {
            where.append(" AND p.name = ?");
            args.add(filter.payer());
        }
        if (filter.track() != null) {
            where.append(" AND t.track = ?");
            args.add(filter.track().name());
        }
        if (filter.owner() != null) {
            where.append(" AND o.owner = ?");
            args.add(filter.owner());
        }
        long total = jdbc.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*)" + where)) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        String day = "COALESCE(c.service_date_from, DATE '9999-12-31')";
        StringBuilder sql = new StringBuilder("SELECT c.id, c.patient_control_number, c.service_date_from, t.track, p.name, o.owner")
                .append(where);
        List<Object> pageArgs = new ArrayList<>(args);
        if (after != null) {
            Date d = Date.valueOf(after.serviceDate() == null ? NO_DATE : after.serviceDate());
            sql.append(" AND (").append(day).append(" > ? OR (").append(day).append(" = ? AND c.id > ?))");
            pageArgs.add(d);
            pageArgs.add(d);
            pageArgs.add(after.claimId());
        }
        sql.append(" ORDER BY ").append(day).append(", c.id LIMIT ? OFFSET ?");
        pageArgs.add(size + 1);
        pageArgs.add(offset);
        List<Row> rows = jdbc.read(c -> {
            List<Row> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                bind(ps, pageArgs);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Date served = rs.getDate(3);
                        out.add(new Row(rs.getLong(1), rs.getString(2), served == null ? null : served.toLocalDate(),
                                Track.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6)));
                    }
                }
            }
            return out;
        });
        boolean more = rows.size() > size;
        List<Row> page = more ? rows.subList(0, size) : rows;
        Row last = more ? page.get(page.size() - 1) : null;
        return new Page(List.copyOf(page), total, last == null ? null : new After(last.serviceDate(), last.claimId()));
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws java.sql.SQLException {
        for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
        }
    }
}
