package io.arbiter.intake.x12;

import io.arbiter.intake.Issues;
import io.arbiter.common.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * One X12 segment as delivered by StAEDI: its tag, its number in the file (ISA = 1) and its
 * elements, each split into components. Only the first repetition of a repeated element is kept.
 */
public final class Segment {

    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
    private static final String[] NONE = new String[0];

    private final String tag;
    private final int number;
    private final String[][] elements;

    Segment(String tag, int number, String[][] elements) {
        this.tag = tag;
        this.number = number;
        this.elements = elements;
    }

    public String tag() {
        return tag;
    }

    public int number() {
        return number;
    }

    public int size() {
        return elements.length - 1;
    }

    /** Element {@code i} (1-based), first component; null when absent or empty. */
    public String get(int i) {
        return component(i, 1);
    }

    /** Component {@code c} (1-based) of element {@code i}; null when absent or empty. */
    public String component(int i, int c) {
        if (i >= elements.length || elements[i] == null || c > elements[i].length) {
            return null;
        }
        String v = elements[i][c - 1];
        return v == null || v.isEmpty() ? null : v;
    }

    public String[] components(int i) {
        return i >= elements.length || elements[i] == null ? NONE : elements[i];
    }

    public String location(int element) {
        return "segment " + number + " (" + tag + "), element " + element;
    }

    public String location() {
        return "segment " + number + " (" + tag + ")";
    }

    /** A money or quantity element; a malformed value is an error naming the element. */
    public BigDecimal decimal(int i, Issues issues) {
        String v = get(i);
        if (v == null) {
            return null;
        }
        try {
            return Money.parse(v);
        } catch (NumberFormatException e) {
            issues.error(location(i), "'" + v + "' is not a number");
            return null;
        }
    }

    /** Like {@link #decimal} but a missing value is reported and taken as zero. */
    public BigDecimal requiredDecimal(int i, Issues issues, String what) {
        if (get(i) == null) {
            issues.warning(location(i), what + " is missing; taken as 0");
            return BigDecimal.ZERO;
        }
        BigDecimal d = decimal(i, issues);
        return d == null ? BigDecimal.ZERO : d;
    }

    /** A CCYYMMDD date; an impossible date is an error naming the element. */
    public LocalDate date(int i, Issues issues) {
        return date(get(i), location(i), issues);
    }

    static LocalDate date(String v, String location, Issues issues) {
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v, CCYYMMDD);
        } catch (DateTimeParseException e) {
            issues.error(location, "'" + v + "' is not a valid date (CCYYMMDD)");
            return null;
        }
    }

    /** Parses a date without reporting; null when invalid. */
    public static LocalDate tryDate(String v) {
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v, CCYYMMDD);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
