package io.arbiter.reports;

import io.arbiter.claims.Claim;
import io.arbiter.claims.ClaimLine;
import io.arbiter.claims.ClaimLines;
import io.arbiter.claims.Claims;
import io.arbiter.common.ApiException;
import io.arbiter.common.Citation;
import io.arbiter.common.Jdbc;
import io.arbiter.denials.DenialTriagePolicy;
import io.arbiter.priorauth.AuthCheck;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The practice recovery diagnostic ("what your billing could look like"): over claims whose first date of
 * service falls in the period, every finding with its dollar figure — underpayments by payer and code, denials by
 * category with the recoverable estimate, prior-auth gaps, coding-rule hits — and the recovery rate on appealed
 * denials (recovered ÷ appealable denied dollars). Each total is the sum of the stored cents of the items listed,
 * so sections, groups and totals reconcile to the cent.
 */
@Singleton
public class AuditReport {

    static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    @Serdeable
    public record Item(String section, String type, Long claimId, @Nullable Long lineId, @Nullable String payer, @Nullable String code,
                       String rule, BigDecimal amount, @Nullable BigDecimal recoverable, @Nullable String detail) {
    }

    /** A group of a section: count of items and the sum of their dollar figures. */
    @Serdeable
    public record Group(String section, String group, @Nullable String subgroup, int count, BigDecimal amount,
                        @Nullable BigDecimal recoverable) {
    }

    @Serdeable
    public record Totals(int underpayments, BigDecimal underpaid, int denials, BigDecimal denied, BigDecimal recoverable,
                         BigDecimal appealableDenied, BigDecimal appealedDenied, BigDecimal recovered,
                         @Nullable BigDecimal recoveryRatePercent, @Nullable BigDecimal appealedRecoveryRatePercent,
                         int authGaps, BigDecimal authGapCharges, int codingHits, BigDecimal codingCharges, BigDecimal total) {
    }

    @Serdeable
    public record Report(@Nullable LocalDate from, @Nullable LocalDate to, LocalDate generated, int claims,
                         List<Group> underpaymentsByPayerAndCode, List<Group> denialsByCategory, List<Group> authGapsByFlag,
                         List<Group> codingHitsByRule, Totals totals, List<Item> items, List<String> notes, List<Citation> citations) {
    }

    private final Jdbc jdbc;
    private final Claims claims;
    private final ClaimLines lines;
    private final AuthCheck authCheck;
    private final DenialTriagePolicy triage;
    private final Clock clock;

    public AuditReport(Jdbc jdbc, Claims claims, ClaimLines lines, AuthCheck authCheck, DenialTriagePolicy triage,
                       Clock clock) {
        this.jdbc = jdbc;
        this.claims = claims;
        this.lines = lines;
        this.authCheck = authCheck;
        this.triage = triage;
        this.clock = clock;
    }

    private static final String PERIOD = " (? IS NULL OR c.service_date_from >= ?) AND (? IS NULL OR c.service_date_from <= ?)";

    private static void period(PreparedStatement ps, @Nullable LocalDate from, @Nullable LocalDate to) throws java.sql.SQLException {
        ps.setObject(1, from == null ? null : Date.valueOf(from));
        ps.setObject(2, from == null ? null : Date.valueOf(from));
        ps.setObject(3, to == null ? null : Date.valueOf(to));
        ps.setObject(4, to == null ? null : Date.valueOf(to));
    }

    private static BigDecimal cents(@Nullable BigDecimal v) {
        return v == null ? ZERO : v.setScale(2, RoundingMode.HALF_UP);
    }

    public Report build(@Nullable LocalDate from, @Nullable LocalDate to, io.arbiter.security.PracticeAccess access) {
        if (from != null && to != null && to.isBefore(from)) {
            throw ApiException.badRequest("to must not be before from");
        }
        // the claims of the period, of the practices the reader reaches
        String claimsInScope = PERIOD + " AND " + access.sqlCondition("c.practice_id");
        List<Item> items = new ArrayList<>();
        // Underpayments and coding-rule hits: the scanner's findings (coding hits carry the charge of the line at risk).
        List<Long> claimIds = new ArrayList<>();
        jdbc.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT c.id FROM claim c WHERE" + claimsInScope + " ORDER BY c.id")) {
                period(ps, from, to);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        claimIds.add(rs.getLong(1));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT f.type, f.claim_id, f.line_id, f.rule_id, f.gap, f.explanation, p.name, l.procedure_code, l.charge
                    FROM finding f JOIN claim c ON c.id = f.claim_id LEFT JOIN payer p ON p.id = c.payer_id
                    LEFT JOIN claim_line l ON l.id = f.line_id
                    WHERE f.type IN ('UNDERPAYMENT', 'CODING') AND""" + claimsInScope + " ORDER BY f.id")) {
                period(ps, from, to);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        boolean under = "UNDERPAYMENT".equals(rs.getString(1));
                        long lineId = rs.getLong(3);
                        items.add(new Item(under ? "UNDERPAYMENT" : "CODING", rs.getString(1), rs.getLong(2), rs.wasNull() ? null : lineId,
                                rs.getString(7), rs.getString(8), rs.getString(4), cents(under ? rs.getBigDecimal(5) : rs.getBigDecimal(9)),
                                null, rs.getString(6)));
                    }
                }
            }
            // Denials: the denial records (io.arbiter.denials), not the scanner's DENIAL findings, so nothing is counted twice.
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT d.id, d.claim_id, d.claim_line_id, d.category, d.carc, d.rarc, d.denied_amount, d.recoverable_estimate,
                           d.appealable, d.status, d.recovered_amount, d.work_type, p.name, d.procedure_code, d.group_code
                    FROM denial d JOIN claim c ON c.id = d.claim_id LEFT JOIN payer p ON p.id = d.payer_id
                    WHERE""" + claimsInScope + " ORDER BY d.id")) {
                period(ps, from, to);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(new Item("DENIAL", rs.getString(4), rs.getLong(2), rs.getLong(3), rs.getString(13), rs.getString(14),
                                rs.getString(15) + "-" + rs.getString(5) + (rs.getString(6) == null ? "" : " " + rs.getString(6)),
                                cents(rs.getBigDecimal(7)), cents(rs.getBigDecimal(8)),
                                "appealable=" + rs.getBoolean(9) + ";status=" + rs.getString(10) + ";recovered=" + cents(rs.getBigDecimal(11))
                                        + ";work=" + rs.getString(12)));
                    }
                }
            }
            return null;
        });
        // Authorization gaps: lines the auth check flags (dollar figure: the line's charge, the revenue at risk).
        AuthCheck.Lookups lookups = new AuthCheck.Lookups();
        for (int i = 0; i < claimIds.size(); i += 500) {
            List<Long> chunk = claimIds.subList(i, Math.min(claimIds.size(), i + 500));
            Map<Long, List<ClaimLine>> byClaim = lines.findByClaimIdInOrderByClaimIdAndLineNumber(chunk).stream()
                    .collect(Collectors.groupingBy(ClaimLine::claimId));
            for (Claim claim : claims.findByIdIn(chunk).stream().sorted(Comparator.comparing(Claim::id)).toList()) {
                AuthCheck.Result r = authCheck.check(claim, byClaim.getOrDefault(claim.id(), List.of()), lookups);
                for (AuthCheck.LineCheck lc : r.lines()) {
                    if ("FLAGGED".equals(lc.status())) {
                        items.add(new Item("AUTH_GAP", lc.flags().get(0).code(), claim.id(), lc.lineId(), null, lc.procedureCode(),
                                lc.flags().stream().map(AuthCheck.Flag::code).collect(Collectors.joining("+")), cents(lc.charge()), null,
                                lc.flags().stream().map(AuthCheck.Flag::message).collect(Collectors.joining("; "))));
                    }
                }
            }
        }

        List<Item> under = items.stream().filter(x -> x.section().equals("UNDERPAYMENT")).toList();
        List<Item> denials = items.stream().filter(x -> x.section().equals("DENIAL")).toList();
        List<Item> gaps = items.stream().filter(x -> x.section().equals("AUTH_GAP")).toList();
        List<Item> coding = items.stream().filter(x -> x.section().equals("CODING")).toList();

        BigDecimal appealable = ZERO, appealed = ZERO, recovered = ZERO;
        for (Item d : denials) {
            Map<String, String> attrs = attributes(d.detail());
            if (Boolean.parseBoolean(attrs.get("appealable"))) {
                appealable = appealable.add(d.amount());
                recovered = recovered.add(new BigDecimal(attrs.get("recovered")));
                if (List.of("APPEALED", "RECOVERED", "UPHELD").contains(attrs.get("status"))) {
                    appealed = appealed.add(d.amount());
                }
            }
        }
        Totals totals = new Totals(under.size(), sum(under), denials.size(), sum(denials), sumRecoverable(denials), appealable, appealed,
                recovered, rate(recovered, appealable), rate(recovered, appealed), gaps.size(), sum(gaps), coding.size(), sum(coding),
                sum(under).add(sum(denials)).add(sum(gaps)).add(sum(coding)));
        List<String> notes = List.of(
                "Period: claims whose first date of service is in the period" + (from == null && to == null ? " (all claims)" : ""),
                "Recovery rate = recovered / appealable denied dollars; the appealed rate divides by denials marked APPEALED, RECOVERED or UPHELD",
                "Auth gaps and coding-rule hits are valued at the billed charge of the line at risk",
                "Total adds underpaid, denied, auth-gap and coding-hit dollars; a line can appear in more than one section");
        List<Citation> citations = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        if (triage.recoverabilityCitation(today) != null) {
            citations.add(triage.recoverabilityCitation(today));
        }
        return new Report(from, to, today, claimIds.size(), groups("UNDERPAYMENT", under, true), groups("DENIAL", denials, false),
                groups("AUTH_GAP", gaps, false), groups("CODING", coding, false), totals, items, notes, citations);
    }

    static Map<String, String> attributes(@Nullable String detail) {
        Map<String, String> m = new LinkedHashMap<>();
        if (detail != null) {
            for (String kv : detail.split(";")) {
                int eq = kv.indexOf('=');
                if (eq > 0) {
                    m.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
            }
        }
        return m;
    }

    private static @Nullable BigDecimal rate(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? null : part.multiply(BigDecimal.valueOf(100)).divide(whole, 2, RoundingMode.HALF_UP);
    }

    static BigDecimal sum(List<Item> xs) {
        return xs.stream().map(Item::amount).reduce(ZERO, BigDecimal::add);
    }

    private static BigDecimal sumRecoverable(List<Item> xs) {
        return xs.stream().map(Item::recoverable).filter(r -> r != null).reduce(ZERO, BigDecimal::add);
    }

    /** Underpayments group by payer then code; the others by their type (category, flag, rule). */
    private static List<Group> groups(String section, List<Item> xs, boolean payerAndCode) {
        Map<String, List<Item>> by = new TreeMap<>();
        for (Item x : xs) {
            String key = payerAndCode ? (x.payer() == null ? "(no payer)" : x.payer()) + "\u0000" + (x.code() == null ? "" : x.code())
                    : "CODING".equals(section) ? x.rule() : x.type();
            by.computeIfAbsent(key, k -> new ArrayList<>()).add(x);
        }
        List<Group> out = new ArrayList<>();
        by.forEach((k, v) -> {
            String[] parts = k.split("\u0000", 2);
            out.add(new Group(section, parts[0], parts.length > 1 ? parts[1] : null, v.size(), sum(v),
                    "DENIAL".equals(section) ? sumRecoverable(v) : null));
        });
        return out;
    }
}
