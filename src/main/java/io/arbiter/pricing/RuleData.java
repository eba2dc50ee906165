package io.arbiter.pricing;

import io.arbiter.common.Citation;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

/** Reads the rule data files under src/main/resources/rules (YAML, safe constructor only). */
public final class RuleData {

    private RuleData() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> load(String resource) {
        try (InputStream in = RuleData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("rule data " + resource + " is missing from the classpath");
            }
            return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? Map.of() : (Map<String, Object>) v;
    }

    @SuppressWarnings("unchecked")
    public static List<String> strings(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Object o : (List<Object>) v) {
            out.add(String.valueOf(o));
        }
        return out;
    }

    public static String string(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? null : String.valueOf(v);
    }

    public static BigDecimal decimal(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? null : new BigDecimal(String.valueOf(v));
    }

    public static int integer(Map<String, Object> m, String key, int dflt) {
        Object v = m.get(key);
        return v == null ? dflt : Integer.parseInt(String.valueOf(v));
    }

    public static LocalDate date(Map<String, Object> m, String key, LocalDate dflt) {
        Object v = m.get(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Date d) {
            return new java.sql.Date(d.getTime()).toLocalDate();
        }
        return LocalDate.parse(String.valueOf(v));
    }

    public static Citation citation(Map<String, Object> m, String key) {
        Map<String, Object> c = map(m, key);
        if (c.isEmpty()) {
            return null;
        }
        return new Citation(string(c, "text"), string(c, "url"), Boolean.TRUE.equals(c.get("unverified")));
    }
}
