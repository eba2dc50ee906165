package io.arbiter.intake.x12;

import io.arbiter.intake.Issues;
import io.arbiter.intake.Amounts;

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

    /** A money element, exactly (see {@link Amounts}); a malformed or unstorable value is an error naming the element. */
    public BigDecimal decimal(int i, Issues issues) {
        return exact(i, Amounts.MONEY, issues);
    }

    /** A quantity element (units, CAS quantity), exactly to three decimals or an error naming the element. */
    public BigDecimal quantity(int i, Issues issues) {
        return exact(i, Amounts.QUANTITY, issues);
    }

    private BigDecimal exact(int i, Amounts.Kind kind, Issues issues) {
        String v = raw(i);
        if (v == null || v.isEmpty()) {
            return null;
        }
        try {
            return Amounts.parse(v, kind);
        } catch (Amounts.Refused e) {
            issues.error(location(i), e.getMessage());
            return null;
        }
    }

    /** A required money element (005010 implementation guides): missing or empty is an error naming it. */
    public BigDecimal requiredDecimal(int i, Issues issues, String what) {
        if (get(i) == null) {
            issues.error(location(i), what + " is required but empty");
            return null;
        }
        return decimal(i, issues);
    }

    /** A required element: missing or empty is an error naming it; returns the value or null. */
    public String required(int i, Issues issues, String what) {
        String v = get(i);
        if (v == null) {
            issues.error(location(i), what + " is required but empty");
        }
        return v;
    }

    /** Element {@code i} as read, first component, empty string kept (amounts must not be trimmed or guessed). */
    private String raw(int i) {
        if (i >= elements.length || elements[i] == null || elements[i].length == 0) {
            return null;
        }
        return elements[i][0];
    }

    /** A CCYYMMDD date; an impossible date is an error naming the element. */
    public LocalDate date(int i, Issues issues) {
        return date(get(i), location(i), issues);
    }

    /** A required CCYYMMDD date: empty is an error naming the element. */
    public LocalDate requiredDate(int i, Issues issues, String what) {
        if (get(i) == null) {
            issues.error(location(i), what + " is required but empty");
            return null;
        }
        return date(i, issues);
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
