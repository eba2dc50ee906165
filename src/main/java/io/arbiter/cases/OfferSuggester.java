package io.arbiter.cases;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Suggests an offer from evidence, never from thin air: the practice's own determinations for the
 * same code (same payer and region first, widening only when there are none), and the CMS IDR public
 * use file. Each suggestion names its basis and sample size; with no sample there is no suggestion.
 */
@Singleton
public class OfferSuggester {

    @Serdeable
    public record Suggestion(String basis, String scope, int sampleSize, int percentile, BigDecimal amount,
                             BigDecimal low, BigDecimal high) {
    }

    @Serdeable
    public record Suggestions(String procedureCode, @Nullable String region, int percentile, List<Suggestion> suggestions,
                              List<String> notes) {
    }

    private final JdbcOperations jdbc;
    private final IdrPufRowRepository puf;

    public OfferSuggester(JdbcOperations jdbc, IdrPufRowRepository puf) {
        this.jdbc = jdbc;
        this.puf = puf;
    }

    @Transactional(readOnly = true)
    public Suggestions suggest(DisputeCase target, int percentile) {
        if (percentile < 1 || percentile > 99) {
            throw CaseRuleViolation.invalid("percentile", "must be between 1 and 99");
        }
        String code = target.getPrimaryCode();
        List<Suggestion> out = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        // Own history: single-line decided cases, so a determination is the amount for that one service. The narrowest
        // scope with any sample wins; each is one query on ix_case_offer_sample (V94), so the case page does not read
        // every decided case of the practice and count each one's lines (it did, once per view).
        record Scope(String name, boolean payer, boolean region) {
        }
        List<Scope> scopes = List.of(new Scope("same code, payer and region", true, true), new Scope("same code and payer", true, false),
                new Scope("same code, any payer", false, false));
        boolean found = false;
        for (Scope s : scopes) {
            List<BigDecimal> amounts = determinations(target, s.payer(), s.region());
            if (!amounts.isEmpty()) {
                out.add(new Suggestion("Practice determinations (prevailing amounts)", s.name(), amounts.size(), percentile,
                        percentile(amounts, percentile), amounts.get(0), amounts.get(amounts.size() - 1)));
                found = true;
                break;
            }
        }
        if (!found) {
            notes.add("No decided single-line case for " + code + " in the practice's history yet.");
        }

        List<BigDecimal> prevailing = puf.findByServiceCode(code == null ? "" : code).stream()
                .map(IdrPufRow::prevailingOffer).filter(Objects::nonNull).sorted().toList();
        if (prevailing.isEmpty()) {
            notes.add("No CMS IDR public use file rows for " + code + " have been imported.");
        } else {
            out.add(new Suggestion("CMS Federal IDR public use file (prevailing offers)", "same service code, all regions",
                    prevailing.size(), percentile, percentile(prevailing, percentile), prevailing.get(0),
                    prevailing.get(prevailing.size() - 1)));
        }
        notes.add("Offers must not rest on billed charges or public-payer rates, which IDR entities may not consider "
                + "(42 U.S.C. 300gg-111(c)(5)(D)).");
        return new Suggestions(code, target.getServiceRegion(), percentile, out, notes);
    }

    /**
     * Determinations of the other decided single-line cases with the target's primary code (and payer, and region),
     * sorted; a null code, payer or region matches null.
     */
    private List<BigDecimal> determinations(DisputeCase target, boolean samePayer, boolean sameRegion) {
        StringBuilder sql = new StringBuilder("SELECT c.determination FROM dispute_case c WHERE c.stage IN ('DETERMINED','DECIDED','PAID',"
                + "'PAYMENT_OVERDUE','CLOSED') AND c.determination IS NOT NULL");
        List<Object> args = new ArrayList<>();
        equal(sql, args, "c.primary_code", target.getPrimaryCode());
        if (samePayer) {
            equal(sql, args, "c.payer_id", target.getPayerId());
        }
        if (sameRegion) {
            equal(sql, args, "c.service_region", target.getServiceRegion());
        }
        if (target.getId() != null) {
            sql.append(" AND c.id <> ?");
            args.add(target.getId());
        }
        sql.append(" AND (SELECT COUNT(*) FROM case_line l WHERE l.case_id = c.id) = 1 ORDER BY c.determination");
        return jdbc.prepareStatement(sql.toString(), ps -> {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            List<BigDecimal> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getBigDecimal(1));
                }
            }
            return out;
        });
    }

    private static void equal(StringBuilder sql, List<Object> args, String column, @Nullable Object value) {
        if (value == null) {
            sql.append(" AND ").append(column).append(" IS NULL");
        } else {
            sql.append(" AND ").append(column).append(" = ?");
            args.add(value);
        }
    }

    /** Nearest-rank percentile of a sorted list. */
    static BigDecimal percentile(List<BigDecimal> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1))).setScale(2, RoundingMode.HALF_UP);
    }
}
