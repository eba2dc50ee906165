package io.arbiter.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
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

    /** The dated entries of the files listed in index.yml, bound and validated; problems are added to {@code problems}. */
    List<RuleEntry> loadEntries(PrimarySources primarySources, List<String> problems) {
        RuleNode.Problems bindProblems = new RuleNode.Problems(primarySources);
        List<RuleEntry> entries = new ArrayList<>();
        Object index = read("index.yml", problems);
        if (index != null) {
            RuleNode files = RuleNode.root("index.yml", index, bindProblems).get("files");
            if (!files.isList() || files.items().isEmpty()) {
                problems.add("index.yml: 'files' must list the rule files");
            } else {
                for (RuleNode f : files.items()) {
                    String file = String.valueOf(f.scalar());
                    Object doc = read(file, problems);
                    if (doc != null) {
                        entries.addAll(bind(RuleNode.root(file, doc, bindProblems), file));
                    }
                }
            }
        }
        problems.addAll(bindProblems.list);
        problems.addAll(RuleValidator.validate(entries, primarySources));
        return entries;
    }

    private @Nullable Object read(String file, List<String> problems) {
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
            return doc;
        } catch (IOException | RuntimeException e) {
            problems.add(file + ": cannot be parsed: " + e.getMessage());
            return null;
        }
    }

    /** The entries of one file; an entry with a problem is still returned (with defaults) so every problem is found. */
    private static List<RuleEntry> bind(RuleNode doc, String file) {
        List<RuleEntry> out = new ArrayList<>();
        RuleNode rules = doc.get("rules");
        if (!rules.isList()) {
            doc.problem("rules", "must be a list of rule entries");
            return out;
        }
        for (RuleNode item : rules.items()) {
            if (!item.isMap()) {
                item.problem("must be a mapping");
                continue;
            }
            String key = item.optionalText("key");
            RuleNode r = key == null ? item : item.labelled(key);
            RuleKind kind = r.enumValue("kind", RuleKind.class);
            KeysOn keysOn = r.enumValue("keysOn", KeysOn.class);
            EffectivePeriod period = r.period();
            RuleNode params = r.get("params");
            if (params.present() && !params.isMap()) {
                params.problem("must be a mapping");
            }
            String variant = r.optionalText("variant");
            String note = r.optionalText("note");
            out.add(new RuleEntry(r.text("key"), variant == null ? RuleEntry.DEFAULT_VARIANT : variant,
                    kind == null ? RuleKind.VALUE : kind, r.text("version"), period.from(), period.to(),
                    keysOn == null ? KeysOn.DATE_OF_SERVICE : keysOn, r.text("citation"), r.text("citationText"),
                    r.flag("unverified"), note, RuleTermsBinder.bind(kind == null ? RuleKind.VALUE : kind, params), file));
        }
        return out;
    }
}
