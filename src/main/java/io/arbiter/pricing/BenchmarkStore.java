package io.arbiter.pricing;

import io.arbiter.common.Jdbc;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** UCR benchmark rows in the database, with an in-memory table per set/kind/percentile for scans. */
@Singleton
public class BenchmarkStore {

    private final Jdbc jdbc;
    private final Map<String, BenchmarkTable> cache = new ConcurrentHashMap<>();

    public BenchmarkStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts of an upsert: rows new to the database, rows whose amount or end date changed, rows already identical. */
    public record UpsertResult(int inserted, int updated, int unchanged) {
    }

    public UpsertResult upsert(List<BenchmarkRate> rates) {
        UpsertResult result = jdbc.inTransaction(c -> {
            Map<String, BenchmarkRate> existing = new HashMap<>();
            List<String> sets = rates.stream().map(BenchmarkRate::set).distinct().toList();
            try (PreparedStatement ps = c.prepareStatement("SELECT set_name, kind, procedure_code, modifier, geozip, percentile, amount, "
                    + "effective_from, effective_to, id FROM benchmark_rate WHERE set_name = ?")) {
                for (String s : sets) {
                    ps.setString(1, s);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            BenchmarkRate r = map(rs);
                            existing.put(r.key(), r);
                        }
                    }
                }
            }
            int inserted = 0;
            int updated = 0;
            int unchanged = 0;
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO benchmark_rate (set_name, kind, procedure_code, modifier, geozip, "
                    + "percentile, amount, effective_from, effective_to) VALUES (?,?,?,?,?,?,?,?,?)");
                 PreparedStatement upd = c.prepareStatement("UPDATE benchmark_rate SET amount = ?, effective_to = ? WHERE set_name = ? "
                         + "AND kind = ? AND percentile = ? AND procedure_code = ? AND modifier = ? AND geozip = ? AND effective_from = ?")) {
                for (BenchmarkRate r : rates) {
                    BenchmarkRate old = existing.get(r.key());
                    if (old == null) {
                        ins.setString(1, r.set());
                        ins.setString(2, r.kind().name());
                        ins.setString(3, r.procedureCode());
                        ins.setString(4, r.modifier());
                        ins.setString(5, r.geozip());
                        ins.setInt(6, r.percentile());
                        ins.setBigDecimal(7, r.amount());
                        ins.setDate(8, Date.valueOf(r.effectiveFrom()));
                        ins.setDate(9, Date.valueOf(r.effectiveTo()));
                        ins.addBatch();
                        inserted++;
                        if (inserted % 2000 == 0) {
                            ins.executeBatch();
                        }
                    } else if (old.amount().compareTo(r.amount()) != 0 || !old.effectiveTo().equals(r.effectiveTo())) {
                        upd.setBigDecimal(1, r.amount());
                        upd.setDate(2, Date.valueOf(r.effectiveTo()));
                        upd.setString(3, r.set());
                        upd.setString(4, r.kind().name());
                        upd.setInt(5, r.percentile());
                        upd.setString(6, r.procedureCode());
                        upd.setString(7, r.modifier());
                        upd.setString(8, r.geozip());
                        upd.setDate(9, Date.valueOf(r.effectiveFrom()));
                        upd.addBatch();
                        updated++;
                    } else {
                        unchanged++;
                    }
                }
                ins.executeBatch();
                upd.executeBatch();
            }
            return new UpsertResult(inserted, updated, unchanged);
        });
        if (result.inserted() + result.updated() > 0) {
            cache.clear();
        }
        return result;
    }

    private static BenchmarkRate map(ResultSet rs) throws java.sql.SQLException {
        return new BenchmarkRate(rs.getString(1), BenchmarkKind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getInt(6), rs.getBigDecimal(7), rs.getDate(8).toLocalDate(), rs.getDate(9).toLocalDate());
    }

    /** All rows of a set/kind/percentile, loaded once and cached until the next import changes data. */
    public BenchmarkTable table(String set, BenchmarkKind kind, int percentile) {
        return cache.computeIfAbsent(set + "|" + kind + "|" + percentile, k -> jdbc.read(c -> {
            List<BenchmarkRate> rates = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT set_name, kind, procedure_code, modifier, geozip, percentile, amount, "
                    + "effective_from, effective_to FROM benchmark_rate WHERE set_name = ? AND kind = ? AND percentile = ?")) {
                ps.setString(1, set);
                ps.setString(2, kind.name());
                ps.setInt(3, percentile);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rates.add(map(rs));
                    }
                }
            }
            return new BenchmarkTable(set, kind, percentile, rates);
        }));
    }

    /** A stored set with its row counts per kind. */
    @io.micronaut.serde.annotation.Serdeable
    public record SetSummary(String set, String kind, long rows, int percentiles) {
    }

    public List<SetSummary> sets() {
        return jdbc.read(c -> {
            List<SetSummary> out = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT set_name, kind, COUNT(*), "
                    + "COUNT(DISTINCT percentile) FROM benchmark_rate GROUP BY set_name, kind ORDER BY set_name, kind")) {
                while (rs.next()) {
                    out.add(new SetSummary(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getInt(4)));
                }
            }
            return out;
        });
    }

    public boolean setExists(String set) {
        return sets().stream().anyMatch(s -> s.set().equals(set));
    }

    /** Test and benchmark hook: forget cached tables (data changed outside the importer). */
    public void evict() {
        cache.clear();
    }
}
