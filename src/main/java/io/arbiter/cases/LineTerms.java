package io.arbiter.cases;

import io.arbiter.common.ApiProblem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The terms of one disputed line: what the payer says the QPA is, what the practice offers, the workers' comp maximum
 * allowable reimbursement (and how it was computed), the amount in dispute, units and a description. Amounts are
 * cents-exact and never negative; a value that is not an amount as written is refused, never guessed.
 */
@Serdeable
public record LineTerms(@Nullable BigDecimal qpa, @Nullable BigDecimal offer, @Nullable BigDecimal mar,
                        @Nullable String marComputation, @Nullable BigDecimal amountInDispute, @Nullable Integer units,
                        @Nullable String description) {

    public static final LineTerms NONE = new LineTerms(null, null, null, null, null, null, null);

    /** The field names, as the API and the old packet-detail keys spell them. */
    public static final List<String> FIELDS = List.of("qpa", "offer", "mar", "marComputation", "amountInDispute", "units", "description");

    private static final BigDecimal MAX = new BigDecimal("9999999999.99");
    /** Digits with an optional point and at most two decimals; thousands separators and a leading $ are tolerated. */
    private static final Pattern AMOUNT = Pattern.compile("\\$?(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d{1,2})?");

    /**
     * Reads the given text values (API strings, form fields, old packet details) into terms, starting from
     * {@code base}: a key that is present replaces the value, blank clears it. Every bad value is reported at once,
     * each naming its field ({@code prefix + key}).
     */
    public static LineTerms parse(LineTerms base, Map<String, String> values, String prefix) {
        List<ApiProblem.ProblemDetail> errors = new ArrayList<>();
        BigDecimal qpa = base.qpa, offer = base.offer, mar = base.mar, inDispute = base.amountInDispute;
        String computation = base.marComputation, description = base.description;
        Integer units = base.units;
        for (Map.Entry<String, String> e : values.entrySet()) {
            String key = e.getKey();
            String v = e.getValue() == null ? "" : e.getValue().trim();
            String field = prefix + key;
            switch (key) {
                case "qpa" -> qpa = amount(field, v, errors);
                case "offer" -> offer = amount(field, v, errors);
                case "mar" -> mar = amount(field, v, errors);
                case "amountInDispute" -> inDispute = amount(field, v, errors);
                case "units" -> units = units(field, v, errors);
                case "marComputation" -> computation = text(field, v, 2000, errors);
                case "description" -> description = text(field, v, 500, errors);
                default -> errors.add(new ApiProblem.ProblemDetail(field, "is not a line term (one of " + FIELDS + ")"));
            }
        }
        if (!errors.isEmpty()) {
            throw CaseRuleViolation.invalid(errors.size() == 1 ? errors.get(0).location() + " " + errors.get(0).message()
                    : errors.size() + " line terms are not valid", errors);
        }
        return new LineTerms(qpa, offer, mar, computation, inDispute, units, description);
    }

    /** The amount as written, or null for blank; adds an error naming the field otherwise. */
    @Nullable
    public static BigDecimal amount(String field, String v, List<ApiProblem.ProblemDetail> errors) {
        if (v.isEmpty()) {
            return null;
        }
        String why = amountProblem(v);
        if (why != null) {
            errors.add(new ApiProblem.ProblemDetail(field, "'" + shown(v) + "' " + why));
            return null;
        }
        return new BigDecimal(v.replace("$", "").replace(",", "")).setScale(2);
    }

    /** Why {@code v} is not an amount, or null when it is one. */
    @Nullable
    public static String amountProblem(String v) {
        if (v.startsWith("-")) {
            return "is negative; an amount here is never below zero";
        }
        if (!AMOUNT.matcher(v).matches()) {
            return v.matches("\\$?[\\d,]*\\.\\d{3,}") ? "has more than two decimals" : "is not an amount (e.g. 1234.50)";
        }
        if (new BigDecimal(v.replace("$", "").replace(",", "")).compareTo(MAX) > 0) {
            return "is above 9,999,999,999.99";
        }
        return null;
    }

    @Nullable
    private static Integer units(String field, String v, List<ApiProblem.ProblemDetail> errors) {
        if (v.isEmpty()) {
            return null;
        }
        if (!v.matches("\\d{1,4}") || Integer.parseInt(v) < 1) {
            errors.add(new ApiProblem.ProblemDetail(field, "'" + shown(v) + "' is not a number of units from 1 to 9999"));
            return null;
        }
        return Integer.parseInt(v);
    }

    @Nullable
    private static String text(String field, String v, int max, List<ApiProblem.ProblemDetail> errors) {
        if (v.isEmpty()) {
            return null;
        }
        if (v.length() > max) {
            errors.add(new ApiProblem.ProblemDetail(field, "is " + v.length() + " characters long; at most " + max));
            return null;
        }
        return v;
    }

    private static String shown(String v) {
        return v.length() > 40 ? v.substring(0, 40) + "…" : v;
    }

    /** The terms as text values (the packet-details form shows them so). */
    public Map<String, String> asText() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        put(m, "qpa", qpa == null ? null : qpa.toPlainString());
        put(m, "offer", offer == null ? null : offer.toPlainString());
        put(m, "mar", mar == null ? null : mar.toPlainString());
        put(m, "marComputation", marComputation);
        put(m, "amountInDispute", amountInDispute == null ? null : amountInDispute.toPlainString());
        put(m, "units", units == null ? null : units.toString());
        put(m, "description", description);
        return m;
    }

    private static void put(Map<String, String> m, String k, @Nullable String v) {
        if (v != null) {
            m.put(k, v);
        }
    }
}
