package io.arbiter.web;

import io.arbiter.common.Citation;
import jakarta.inject.Singleton;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Group codes, CARCs and RARCs in plain words for the claim view, from rules/carc-rarc-descriptions.yml
 * (cited rule data; entries absent from the domain references are flagged unverified).
 */
@Singleton
public class RemarkCodeDictionary {

    /** A code's meaning with where it comes from. */
    public record Meaning(String code, String text, Citation citation) {
    }

    private final Map<String, Meaning> groups = new HashMap<>();
    private final Map<String, Meaning> carcs = new HashMap<>();
    private final Map<String, Meaning> rarcs = new HashMap<>();

    @SuppressWarnings("unchecked")
    public RemarkCodeDictionary() {
        try (InputStream in = getClass().getResourceAsStream("/rules/carc-rarc-descriptions.yml")) {
            Map<String, Object> root = new Yaml().load(in);
            String source = String.valueOf(((Map<String, Object>) root.get("citation")).get("text"));
            load((Map<String, Map<String, Object>>) root.get("groups"), groups, source);
            load((Map<String, Map<String, Object>>) root.get("carcs"), carcs, source);
            load((Map<String, Map<String, Object>>) root.get("rarcs"), rarcs, source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void load(Map<String, Map<String, Object>> entries, Map<String, Meaning> into, String source) {
        entries.forEach((code, e) -> {
            boolean unverified = Boolean.TRUE.equals(e.get("unverified"));
            String url = e.get("url") == null ? "" : e.get("url").toString();
            into.put(String.valueOf(code), new Meaning(String.valueOf(code), String.valueOf(e.get("text")),
                    new Citation(unverified ? "X12 list wording, not in the domain references (unverified)" : source, url, unverified)));
        });
    }

    public Meaning group(String code) {
        return find(groups, code, "adjustment group");
    }

    public Meaning carc(String code) {
        return find(carcs, code, "reason code");
    }

    public Meaning rarc(String code) {
        return find(rarcs, code, "remark code");
    }

    private static Meaning find(Map<String, Meaning> map, String code, String kind) {
        Meaning m = code == null ? null : map.get(code.trim());
        return m != null ? m : new Meaning(code, "No description on file for this " + kind, new Citation("", "", true));
    }
}
