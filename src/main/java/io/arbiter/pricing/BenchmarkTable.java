package io.arbiter.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The rows of one set/kind/percentile held in memory for fast scans: (code, modifier, geozip) -> periods. */
public final class BenchmarkTable {

    private record Period(LocalDate from, LocalDate to, BigDecimal amount) {
    }

    private final String set;
    private final BenchmarkKind kind;
    private final int percentile;
    private final Map<String, Period[]> rows = new HashMap<>();

    BenchmarkTable(String set, BenchmarkKind kind, int percentile, List<BenchmarkRate> rates) {
        this.set = set;
        this.kind = kind;
        this.percentile = percentile;
        Map<String, List<Period>> tmp = new HashMap<>();
        for (BenchmarkRate r : rates) {
            tmp.computeIfAbsent(key(r.procedureCode(), r.modifier(), r.geozip()), k -> new java.util.ArrayList<>())
                    .add(new Period(r.effectiveFrom(), r.effectiveTo(), r.amount()));
        }
        tmp.forEach((k, v) -> rows.put(k, v.toArray(new Period[0])));
    }

    private static String key(String code, String modifier, String geozip) {
        return code + "|" + (modifier == null ? "" : modifier) + "|" + geozip;
    }

    public Optional<BigDecimal> amount(String code, String modifier, String geozip, LocalDate dos) {
        Period[] periods = rows.get(key(code, modifier, geozip));
        if (periods == null) {
            return Optional.empty();
        }
        for (Period p : periods) {
            if (!dos.isBefore(p.from) && !dos.isAfter(p.to)) {
                return Optional.of(p.amount);
            }
        }
        return Optional.empty();
    }

    public String set() { return set; }
    public BenchmarkKind kind() { return kind; }
    public int percentile() { return percentile; }
    public int size() { return rows.size(); }

    /** Named in every priced line's steps and finding, so built once. */
    public String basis() {
        String b = basis;
        if (b == null) {
            b = set + ", " + kind + ", " + percentile + "th percentile";
            basis = b;
        }
        return b;
    }

    private String basis;
}
