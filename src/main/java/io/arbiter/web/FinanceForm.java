package io.arbiter.web;

import io.arbiter.common.DisplayFormat;
import io.arbiter.reports.RecoveryReport;
import io.micronaut.core.annotation.Nullable;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The finance screens' period and grouping as typed: kept as text so a refused value is shown back as it was, parsed
 * into dates and a grouping, and each problem kept against its field (from, to, groupBy) for the page to show beside it.
 */
final class FinanceForm {

    /** The groupings the form offers, with the words the screen uses. */
    static final Map<String, String> GROUPINGS = Map.of("PAYER", "Payer", "TRACK", "Track", "MONTH", "Month opened", "CODE", "Procedure code");
    static final List<String> GROUPING_ORDER = List.of("PAYER", "TRACK", "MONTH", "CODE");

    final String fromText;
    final String toText;
    final String groupByText;
    @Nullable final LocalDate from;
    @Nullable final LocalDate to;
    final Map<String, String> errors = new LinkedHashMap<>();

    FinanceForm(@Nullable String from, @Nullable String to, @Nullable String groupBy) {
        this.fromText = from == null ? "" : from.trim();
        this.toText = to == null ? "" : to.trim();
        this.groupByText = groupBy == null || groupBy.isBlank() ? "PAYER" : groupBy.trim().toUpperCase(Locale.ROOT);
        this.from = date("from", fromText);
        this.to = date("to", toText);
        if (!GROUPINGS.containsKey(groupByText)) {
            errors.put("groupBy", "Choose one of: " + GROUPING_ORDER.stream().map(GROUPINGS::get).collect(Collectors.joining(", ")) + ".");
        }
        if (this.from != null && this.to != null && this.to.isBefore(this.from)) {
            errors.put("to", "The end date " + DisplayFormat.date(this.to) + " is before the start date " + DisplayFormat.date(this.from)
                    + ". Enter an end date on or after the start date.");
        }
    }

    private @Nullable LocalDate date(String field, String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.put(field, "Enter a date as YYYY-MM-DD (for example 2026-10-01).");
            return null;
        }
    }

    boolean valid() {
        return errors.isEmpty();
    }

    /** What the form shows: the typed values, the choices and the problems. */
    Map<String, Object> model() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", fromText);
        m.put("to", toText);
        m.put("groupBy", groupByText);
        m.put("groupings", GROUPING_ORDER.stream().map(g -> Map.of("value", g, "label", GROUPINGS.get(g))).toList());
        m.put("errors", errors);
        return m;
    }

    /** from, to and groupBy as a query string, for links that keep the period and grouping. */
    String query() {
        return query(Map.of());
    }

    String query(Map<String, String> more) {
        Map<String, String> q = new LinkedHashMap<>();
        if (from != null) {
            q.put("from", from.toString());
        }
        if (to != null) {
            q.put("to", to.toString());
        }
        q.put("groupBy", groupByText);
        q.putAll(more);
        return q.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The period in words: "at any date", "from 10/01/2026 to 12/31/2026", "from 10/01/2026 on", "up to 12/31/2026". */
    String period() {
        if (from == null && to == null) {
            return "at any date";
        }
        if (to == null) {
            return "from " + DisplayFormat.date(from) + " on";
        }
        return from == null ? "up to " + DisplayFormat.date(to) : "from " + DisplayFormat.date(from) + " to " + DisplayFormat.date(to);
    }

    /** A group's name as the screen shows it: tracks in words, months as "Oct 2026". */
    static String groupLabel(RecoveryReport.GroupBy by, String group) {
        return switch (by) {
            case TRACK -> DisplayFormat.words(group);
            case MONTH -> group.matches("\\d{4}-\\d{2}") ? YearMonth.parse(group).format(DateTimeFormatter.ofPattern("MMM uuuu", Locale.US)) : group;
            default -> group;
        };
    }
}
