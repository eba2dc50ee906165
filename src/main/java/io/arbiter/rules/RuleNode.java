package io.arbiter.rules;

import io.arbiter.common.Citation;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A value of a rule file with its location ({@code file path.to[2].value}). Readers bind a file to typed records through
 * it; a missing or malformed value is recorded as a problem naming the file and path, and a harmless default is
 * returned so the rest of the file is still read: the operator sees every problem of every file at once.
 */
public final class RuleNode {

    /** Problems of one load, shared by every node read in it. */
    static final class Problems {
        final List<String> list = new ArrayList<>();
        final PrimarySources primarySources;

        Problems(PrimarySources primarySources) {
            this.primarySources = primarySources;
        }
    }

    private final String file;
    private final String path;
    private final @Nullable Object value;
    private final Problems problems;
    /** An enclosing entry is marked {@code unverified: true}: its citations are not primary authority either. */
    private final boolean inUnverifiedEntry;

    private RuleNode(String file, String path, @Nullable Object value, Problems problems, boolean inUnverifiedEntry) {
        this.file = file;
        this.path = path;
        this.value = value;
        this.problems = problems;
        this.inUnverifiedEntry = inUnverifiedEntry || (value instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get("unverified")));
    }

    static RuleNode root(String file, @Nullable Object value, Problems problems) {
        return new RuleNode(file, "", value, problems, false);
    }

    /** This node with {@code label} after its path in problems ({@code rules[2] (FEDERAL_IDR.ADMIN_FEE).params.amount}). */
    public RuleNode labelled(String label) {
        return new RuleNode(file, path + " (" + label + ")", value, problems, inUnverifiedEntry);
    }

    /** Where this node is, as problems name it. */
    public String where() {
        return path.isEmpty() ? file : file + " " + path;
    }

    /** Records a problem at {@code key} below this node. */
    public void problem(String key, String message) {
        problems.list.add(file + " " + child(key) + ": " + message);
    }

    /** Records a problem at this node. */
    public void problem(String message) {
        problems.list.add(where() + ": " + message);
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public boolean present() {
        return value != null;
    }

    public boolean isList() {
        return value instanceof List<?>;
    }

    /** Written as a number in the file (unquoted), not as text. */
    public boolean isNumber() {
        return value instanceof Number;
    }

    /** Written as true or false in the file. */
    public boolean isFlag() {
        return value instanceof Boolean;
    }

    /** The mapping names {@code key}, even with an empty (null) value. */
    public boolean contains(String key) {
        return map().containsKey(key);
    }

    public boolean isMap() {
        return value instanceof Map<?, ?>;
    }

    public boolean has(String key) {
        return map().get(key) != null;
    }

    /** The node at {@code key} (absent when the key is missing; check {@link #present()}). */
    public RuleNode get(String key) {
        return new RuleNode(file, child(key), map().get(key), problems, inUnverifiedEntry);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map() {
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        return Map.of();
    }

    /** This node's scalar as text ({@code null} when absent). */
    public @Nullable String scalar() {
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            problem("must be a single value");
            return null;
        }
        return String.valueOf(value);
    }

    /** A required, non-blank text. */
    public String text(String key) {
        String s = get(key).scalar();
        if (s == null || s.isBlank()) {
            problem(key, "is required");
            return "";
        }
        return s;
    }

    public @Nullable String optionalText(String key) {
        String s = get(key).scalar();
        return s == null || s.isBlank() ? null : s;
    }

    public int integer(String key) {
        Integer i = optionalInteger(key);
        if (i == null) {
            if (!has(key)) {
                problem(key, "is required (a whole number)");
            }
            return 0;
        }
        return i;
    }

    public @Nullable Integer optionalInteger(String key) {
        Object v = map().get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Integer i) {
            return i;
        }
        try {
            return Integer.parseInt(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            problem(key, "must be a whole number, got '" + v + "'");
            return null;
        }
    }

    public BigDecimal decimal(String key) {
        BigDecimal d = optionalDecimal(key);
        if (d == null) {
            if (!has(key)) {
                problem(key, "is required (a decimal number)");
            }
            return BigDecimal.ZERO;
        }
        return d;
    }

    /** A decimal written as a number or a string; null when absent or {@code null} (a value not yet published). */
    public @Nullable BigDecimal optionalDecimal(String key) {
        Object v = map().get(key);
        if (v == null) {
            return null;
        }
        try {
            return new BigDecimal(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            problem(key, "must be a decimal number, got '" + v + "'");
            return null;
        }
    }

    /** An optional true/false, false when absent. */
    public boolean flag(String key) {
        Object v = map().get(key);
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        problem(key, "must be true or false, got '" + v + "'");
        return false;
    }

    public @Nullable LocalDate optionalDate(String key) {
        Object v = map().get(key);
        if (v == null) {
            return null;
        }
        try { // dates arrive as text (RuleYaml): parsed strictly, never through the JVM's zone
            return LocalDate.parse(String.valueOf(v).trim());
        } catch (RuntimeException e) {
            problem(key, "must be a date (YYYY-MM-DD), got '" + v + "'");
            return null;
        }
    }

    public LocalDate date(String key) {
        LocalDate d = optionalDate(key);
        if (d == null) {
            if (!has(key)) {
                problem(key, "is required (YYYY-MM-DD)");
            }
            return LocalDate.MIN;
        }
        return d;
    }

    /** {@code effectiveFrom} (required) and {@code effectiveTo} (optional, open-ended when null) of this entry. */
    public EffectivePeriod period() {
        LocalDate from = date("effectiveFrom");
        LocalDate to = optionalDate("effectiveTo");
        if (to != null && to.isBefore(from)) {
            problem("effectiveTo", to + " is before effectiveFrom " + from);
        }
        return new EffectivePeriod(from, to);
    }

    /** Like {@link #period()} but an entry without {@code effectiveFrom} is in force from the beginning. */
    public EffectivePeriod optionalPeriod() {
        return has("effectiveFrom") ? period() : new EffectivePeriod(LocalDate.MIN, optionalDate("effectiveTo"));
    }

    public <E extends Enum<E>> E enumValue(String key, Class<E> type) {
        E e = optionalEnum(key, type);
        if (e == null && !has(key)) {
            problem(key, "is required (one of " + List.of(type.getEnumConstants()) + ")");
        }
        return e;
    }

    public <E extends Enum<E>> @Nullable E optionalEnum(String key, Class<E> type) {
        String s = optionalText(key);
        return s == null ? null : get(key).named(s, type, null);
    }

    /**
     * This node's value as a constant of {@code type} (any case); a problem at this node, and null, when it is none.
     * {@code what} names the kind of value in the problem ("plan type"), or null for "one of".
     */
    public <E extends Enum<E>> @Nullable E asEnum(Class<E> type, @Nullable String what) {
        String s = scalar();
        return s == null ? null : named(s, type, what);
    }

    /**
     * {@code name} as a constant of {@code type} (any case) — for a mapping key that names a constant, like a plan type
     * keying its appeal windows; a problem at this node, and null, when it is none.
     */
    public <E extends Enum<E>> @Nullable E named(String name, Class<E> type, @Nullable String what) {
        try {
            return Enum.valueOf(type, name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problem(what == null ? "'" + name + "' is not one of " + List.of(type.getEnumConstants())
                    : "is not a " + what + " " + List.of(type.getEnumConstants()));
            return null;
        }
    }

    /** A required citation {@code {text, url, unverified}}; see {@link #optionalCitation}. */
    public Citation citation(String key) {
        Citation c = optionalCitation(key);
        if (c == null) {
            problem(key, "is required ({text, url} of a primary source, or unverified: true)");
            return new Citation("", null, true);
        }
        return c;
    }

    /**
     * A citation {@code {text, url, unverified}}. Its url must be a primary source ({@code rules/primary-sources.yml}) unless
     * the citation or the entry holding it is marked unverified; an entry marked unverified makes its citation unverified.
     */
    public @Nullable Citation optionalCitation(String key) {
        RuleNode c = get(key);
        if (!c.present()) {
            return null;
        }
        if (!(c.value instanceof Map<?, ?>)) {
            problem(key, "must be a mapping {text, url, unverified}");
            return null;
        }
        String text = c.text("text");
        String url = c.optionalText("url");
        boolean unverified = c.flag("unverified") || inUnverifiedEntry;
        if (url != null && !url.matches("https?://\\S+")) {
            c.problem("url", "must be an http(s) URL, got '" + url + "'");
        } else if (!unverified && !problems.primarySources.isPrimary(url)) {
            c.problem("url", (url == null ? "is missing" : "'" + url + "' is not a primary source (rules/primary-sources.yml)")
                    + ": cite the statute, regulation or agency page, or mark the citation unverified: true");
        }
        return new Citation(text, url, unverified);
    }

    /** A list of scalars ({@code [a, b]}); empty when absent. */
    public List<String> strings(String key) {
        List<String> out = new ArrayList<>();
        for (RuleNode n : list(key)) {
            String s = n.scalar();
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    /** A list of decimal numbers; empty when absent. */
    public List<BigDecimal> decimals(String key) {
        List<BigDecimal> out = new ArrayList<>();
        for (RuleNode n : list(key)) {
            String s = n.scalar();
            try {
                out.add(new BigDecimal(String.valueOf(s).trim()));
            } catch (NumberFormatException e) {
                n.problem("must be a decimal number, got '" + s + "'");
            }
        }
        return out;
    }

    /** The items of the list at {@code key}; empty when absent. */
    public List<RuleNode> list(String key) {
        return get(key).items();
    }

    /** The items of this list; empty when absent. */
    public List<RuleNode> items() {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> items)) {
            problem("must be a list");
            return List.of();
        }
        List<RuleNode> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            out.add(new RuleNode(file, path + "[" + i + "]", items.get(i), problems, inUnverifiedEntry));
        }
        return out;
    }

    /** The entries of the mapping at {@code key}, in file order; empty when absent. */
    public Map<String, RuleNode> entries(String key) {
        RuleNode n = get(key);
        if (!n.present()) {
            return Map.of();
        }
        return n.entries();
    }

    /** The entries of this mapping, in file order. */
    public Map<String, RuleNode> entries() {
        if (!(value instanceof Map<?, ?> m)) {
            if (value != null) {
                problem("must be a mapping");
            }
            return Map.of();
        }
        Map<String, RuleNode> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String k = String.valueOf(e.getKey());
            out.put(k, new RuleNode(file, child(k), e.getValue(), problems, inUnverifiedEntry));
        }
        return out;
    }
}
