package io.arbiter.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the rule files listed in {@code rules/index.yml} from the classpath, converts them to
 * {@link RuleEntry} and validates them. Any problem is collected and thrown as one
 * {@link RuleValidationException} so the operator sees every error at once.
 */
public final class RuleLoader {

    private final ClassLoader classLoader;
    private final String base;

    public RuleLoader(ClassLoader classLoader, String base) {
        this.classLoader = classLoader;
        this.base = base.endsWith("/") ? base : base + "/";
    }

    public static RuleLoader classpath() {
        return new RuleLoader(RuleLoader.class.getClassLoader(), "rules/");
    }

    /** Loads and validates the dated entries alone (no typed documents); see {@link RuleBook#load}. */
    public RuleSet load() {
        return RuleBook.load(this, List.of()).entries();
    }

    InputStream open(String file) {
        return classLoader.getResourceAsStream(base + file);
    }

    /** The dated entries of the files listed in index.yml, validated; problems are added to {@code problems}. */
    List<RuleEntry> loadEntries(PrimarySources primarySources, List<String> problems) {
        Map<String, Object> index = read("index.yml", problems);
        List<RuleEntry> entries = new ArrayList<>();
        if (index != null) {
            Object files = index.get("files");
            if (!(files instanceof List<?> list) || list.isEmpty()) {
                problems.add("index.yml: 'files' must list the rule files");
            } else {
                for (Object f : list) {
                    Map<String, Object> doc = read(String.valueOf(f), problems);
                    if (doc != null) {
                        entries.addAll(parse(String.valueOf(f), doc, problems));
                    }
                }
            }
        }
        problems.addAll(RuleValidator.validate(entries, primarySources));
        return entries;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> read(String file, List<String> problems) {
        try (InputStream in = classLoader.getResourceAsStream(base + file)) {
            if (in == null) {
                problems.add(file + ": file not found under " + base);
                return null;
            }
            Object doc = RuleYaml.parser().load(new InputStreamReader(in, StandardCharsets.UTF_8));
            if (!(doc instanceof Map<?, ?>)) {
                problems.add(file + ": not a YAML mapping");
                return null;
            }
            return (Map<String, Object>) doc;
        } catch (IOException | RuntimeException e) {
            problems.add(file + ": cannot be parsed: " + e.getMessage());
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    static List<RuleEntry> parse(String file, Map<String, Object> doc, List<String> problems) {
        List<RuleEntry> out = new ArrayList<>();
        Object rules = doc.get("rules");
        if (!(rules instanceof List<?> list)) {
            problems.add(file + ": 'rules' must be a list");
            return out;
        }
        int i = 0;
        for (Object o : list) {
            i++;
            String where = file + " rule #" + i;
            if (!(o instanceof Map<?, ?> raw)) {
                problems.add(where + ": not a mapping");
                continue;
            }
            Map<String, Object> m = (Map<String, Object>) raw;
            try {
                String key = req(m, "key", where);
                where = file + " " + key;
                RuleKind kind = RuleKind.valueOf(req(m, "kind", where));
                KeysOn keysOn = KeysOn.valueOf(req(m, "keysOn", where));
                LocalDate from = date(m.get("effectiveFrom"), where + ": effectiveFrom");
                LocalDate to = m.get("effectiveTo") == null ? null : date(m.get("effectiveTo"), where + ": effectiveTo");
                Object params = m.getOrDefault("params", Map.of());
                if (!(params instanceof Map<?, ?>)) {
                    throw new IllegalArgumentException(where + ": params must be a mapping");
                }
                Object unverified = m.getOrDefault("unverified", Boolean.FALSE);
                if (!(unverified instanceof Boolean)) {
                    throw new IllegalArgumentException(where + ": unverified must be true or false");
                }
                out.add(new RuleEntry(key, String.valueOf(m.getOrDefault("variant", RuleEntry.DEFAULT_VARIANT)), kind,
                        req(m, "version", where), from, to, keysOn, req(m, "citation", where), req(m, "citationText", where),
                        (Boolean) unverified, m.get("note") == null ? null : m.get("note").toString(),
                        new LinkedHashMap<>((Map<String, Object>) params), file));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage() != null && e.getMessage().startsWith(file) ? e.getMessage()
                        : where + ": " + e.getMessage());
            }
        }
        return out;
    }

    private static String req(Map<String, Object> m, String field, String where) {
        Object v = m.get(field);
        if (v == null || v.toString().isBlank()) {
            throw new IllegalArgumentException(where + ": '" + field + "' is required");
        }
        return v.toString();
    }

    static LocalDate date(Object v, String where) {
        if (v instanceof LocalDate d) {
            return d;
        }
        if (v == null) {
            throw new IllegalArgumentException(where + " is required (YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(v.toString());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(where + " is not a date: " + v);
        }
    }
}
