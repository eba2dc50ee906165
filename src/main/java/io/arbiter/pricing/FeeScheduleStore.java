package io.arbiter.pricing;

import io.arbiter.common.Jdbc;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Medicare PFS relative values and GPCIs by release. A release is chosen for a date of service by
 * its effective dates (latest start wins when releases overlap, e.g. a quarterly correction).
 * Tables are cached in memory per release; an import of the same release replaces it.
 */
@Singleton
public class FeeScheduleStore {

    private final Jdbc jdbc;
    private final Clock clock;
    private final Map<Long, Map<String, RvuValue>> rvuCache = new ConcurrentHashMap<>();
    private final Map<Long, Map<String, GpciValue>> gpciCache = new ConcurrentHashMap<>();
    private volatile List<FeeRelease> rvuReleases;
    private volatile List<FeeRelease> gpciReleases;

    public FeeScheduleStore(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public FeeRelease saveRvuRelease(String name, LocalDate from, LocalDate to, BigDecimal cf, String fileName, String sha256,
                                     List<RvuValue> values) {
        FeeRelease release = jdbc.inTransaction(c -> {
            long id = upsertRelease(c, "rvu_release", "rvu_value", name, from, to, cf, fileName, sha256, values.size());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO rvu_value (release_id, hcpcs, modifier, status_code, work_rvu, "
                    + "non_fac_pe_rvu, non_fac_na, fac_pe_rvu, fac_na, mp_rvu, pctc_ind, glob_days, mult_proc, bilat_surg, conv_factor) "
                    + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                int n = 0;
                for (RvuValue v : values) {
                    ps.setLong(1, id);
                    ps.setString(2, v.hcpcs());
                    ps.setString(3, v.modifier());
                    ps.setString(4, v.statusCode());
                    ps.setBigDecimal(5, v.workRvu());
                    ps.setBigDecimal(6, v.nonFacPeRvu());
                    ps.setBoolean(7, v.nonFacNa());
                    ps.setBigDecimal(8, v.facPeRvu());
                    ps.setBoolean(9, v.facNa());
                    ps.setBigDecimal(10, v.mpRvu());
                    ps.setString(11, v.pctcInd());
                    ps.setString(12, v.globDays());
                    ps.setString(13, v.multProc());
                    ps.setString(14, v.bilatSurg());
                    ps.setBigDecimal(15, v.convFactor());
                    ps.addBatch();
                    if (++n % 2000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            return new FeeRelease(id, name, from, to, cf, values.size());
        });
        rvuCache.remove(release.id());
        rvuReleases = null;
        return release;
    }

    public FeeRelease saveGpciRelease(String name, LocalDate from, LocalDate to, String fileName, String sha256, List<GpciValue> values) {
        FeeRelease release = jdbc.inTransaction(c -> {
            long id = upsertRelease(c, "gpci_release", "gpci_value", name, from, to, null, fileName, sha256, values.size());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO gpci_value (release_id, mac, state, locality, locality_name, "
                    + "work_gpci, pe_gpci, mp_gpci) VALUES (?,?,?,?,?,?,?,?)")) {
                for (GpciValue v : values) {
                    ps.setLong(1, id);
                    ps.setString(2, v.mac());
                    ps.setString(3, v.state());
                    ps.setString(4, v.locality());
                    ps.setString(5, v.localityName());
                    ps.setBigDecimal(6, v.work());
                    ps.setBigDecimal(7, v.pe());
                    ps.setBigDecimal(8, v.mp());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return new FeeRelease(id, name, from, to, null, values.size());
        });
        gpciCache.remove(release.id());
        gpciReleases = null;
        return release;
    }

    private long upsertRelease(Connection c, String table, String valueTable, String name, LocalDate from, LocalDate to,
                               BigDecimal cf, String fileName, String sha256, int rows) throws SQLException {
        Long existing = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM " + table + " WHERE release_name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    existing = rs.getLong(1);
                }
            }
        }
        boolean rvu = table.equals("rvu_release");
        if (existing != null) {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM " + valueTable + " WHERE release_id = ?")) {
                del.setLong(1, existing);
                del.executeUpdate();
            }
            String sql = "UPDATE " + table + " SET effective_from = ?, effective_to = ?, file_name = ?, sha256 = ?, row_count = ?, imported_at = ?"
                    + (rvu ? ", conversion_factor = ?" : "") + " WHERE id = ?";
            try (PreparedStatement up = c.prepareStatement(sql)) {
                up.setDate(1, Date.valueOf(from));
                up.setDate(2, Date.valueOf(to));
                up.setString(3, fileName);
                up.setString(4, sha256);
                up.setInt(5, rows);
                up.setTimestamp(6, now());
                int i = 7;
                if (rvu) {
                    up.setBigDecimal(i++, cf);
                }
                up.setLong(i, existing);
                up.executeUpdate();
            }
            return existing;
        }
        String sql = "INSERT INTO " + table + " (release_name, effective_from, effective_to, file_name, sha256, row_count, imported_at"
                + (rvu ? ", conversion_factor" : "") + ") VALUES (?,?,?,?,?,?,?" + (rvu ? ",?" : "") + ")";
        try (PreparedStatement ins = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            ins.setString(1, name);
            ins.setDate(2, Date.valueOf(from));
            ins.setDate(3, Date.valueOf(to));
            ins.setString(4, fileName);
            ins.setString(5, sha256);
            ins.setInt(6, rows);
            ins.setTimestamp(7, now());
            if (rvu) {
                ins.setBigDecimal(8, cf);
            }
            ins.executeUpdate();
            try (ResultSet keys = ins.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private Timestamp now() {
        return Timestamp.valueOf(LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS));
    }

    public List<FeeRelease> rvuReleases() {
        List<FeeRelease> r = rvuReleases;
        if (r == null) {
            r = loadReleases("rvu_release", true);
            rvuReleases = r;
        }
        return r;
    }

    public List<FeeRelease> gpciReleases() {
        List<FeeRelease> r = gpciReleases;
        if (r == null) {
            r = loadReleases("gpci_release", false);
            gpciReleases = r;
        }
        return r;
    }

    private List<FeeRelease> loadReleases(String table, boolean rvu) {
        return jdbc.read(c -> {
            List<FeeRelease> out = new ArrayList<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT id, release_name, effective_from, effective_to, "
                         + (rvu ? "conversion_factor" : "NULL") + ", row_count FROM " + table + " ORDER BY effective_from DESC, id DESC")) {
                while (rs.next()) {
                    out.add(new FeeRelease(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getDate(4).toLocalDate(),
                            rs.getBigDecimal(5), rs.getInt(6)));
                }
            }
            return List.copyOf(out);
        });
    }

    /** The PPRRVU release that prices a date of service, if one is loaded. */
    public Optional<FeeRelease> rvuReleaseFor(LocalDate dos) {
        return rvuReleases().stream().filter(r -> r.covers(dos)).findFirst();
    }

    public Optional<FeeRelease> gpciReleaseFor(LocalDate dos) {
        return gpciReleases().stream().filter(r -> r.covers(dos)).findFirst();
    }

    /** The newest release whatever the date: used only for payment-policy indicators, which change rarely. */
    public Optional<FeeRelease> latestRvuReleaseOnOrBefore(LocalDate dos) {
        return rvuReleases().stream().filter(r -> !r.effectiveFrom().isAfter(dos))
                .max(Comparator.comparing(FeeRelease::effectiveFrom).thenComparing(FeeRelease::id));
    }

    public Map<String, RvuValue> rvuTable(long releaseId) {
        return rvuCache.computeIfAbsent(releaseId, id -> jdbc.read(c -> {
            Map<String, RvuValue> m = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT hcpcs, modifier, status_code, work_rvu, non_fac_pe_rvu, non_fac_na, "
                    + "fac_pe_rvu, fac_na, mp_rvu, pctc_ind, glob_days, mult_proc, bilat_surg, conv_factor FROM rvu_value WHERE release_id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        RvuValue v = new RvuValue(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                                rs.getBigDecimal(5), rs.getBoolean(6), rs.getBigDecimal(7), rs.getBoolean(8), rs.getBigDecimal(9),
                                rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getBigDecimal(14));
                        m.put(key(v.hcpcs(), v.modifier()), v);
                    }
                }
            }
            return Map.copyOf(m);
        }));
    }

    public Map<String, GpciValue> gpciTable(long releaseId) {
        return gpciCache.computeIfAbsent(releaseId, id -> jdbc.read(c -> {
            Map<String, GpciValue> m = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT mac, state, locality, locality_name, work_gpci, pe_gpci, mp_gpci "
                    + "FROM gpci_value WHERE release_id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        GpciValue v = new GpciValue(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7));
                        m.put(v.state() + ":" + v.locality(), v);
                    }
                }
            }
            return Map.copyOf(m);
        }));
    }

    /** RVU row for a code and pricing modifier (26/TC), falling back to the global row. */
    public Optional<RvuValue> rvu(long releaseId, String code, String pricingModifier) {
        Map<String, RvuValue> t = rvuTable(releaseId);
        RvuValue v = pricingModifier == null ? null : t.get(key(code, pricingModifier));
        return Optional.ofNullable(v != null ? v : t.get(key(code, "")));
    }

    public static String key(String code, String modifier) {
        return code + "|" + (modifier == null ? "" : modifier);
    }
}
