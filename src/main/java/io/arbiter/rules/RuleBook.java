package io.arbiter.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every rule file of the service, loaded once and checked together: the dated, versioned entries of
 * {@code rules/index.yml} ({@link RuleSet}) and each capability's {@link RuleDocument} bound to its typed record. One
 * problem anywhere — a missing value, a bad date, a citation that is neither a primary source nor marked unverified —
 * fails the whole load with every problem listed (file and path), so start-up stops with the full list.
 */
public final class RuleBook {

    static final String PRIMARY_SOURCES = "primary-sources.yml";

    private final RuleSet entries;
    private final PrimarySources primarySources;
    private final Map<Class<?>, Object> documents;

    private RuleBook(RuleSet entries, PrimarySources primarySources, Map<Class<?>, Object> documents) {
        this.entries = entries;
        this.primarySources = primarySources;
        this.documents = documents;
    }

    /** Loads the classpath rule files and the given documents; throws {@link RuleValidationException} listing every problem. */
    public static RuleBook load(Collection<RuleDocument<?>> documents) {
        return load(RuleLoader.classpath(), documents);
    }

    public static RuleBook load(RuleLoader loader, Collection<RuleDocument<?>> documents) {
        List<String> problems = new ArrayList<>();
        RuleNode.Problems sourceProblems = new RuleNode.Problems(new PrimarySources(List.of()));
        Object sourcesYaml = read(loader, PRIMARY_SOURCES, null, problems);
        PrimarySources primary = PrimarySources.bind(RuleNode.root(PRIMARY_SOURCES, sourcesYaml, sourceProblems));
        problems.addAll(sourceProblems.list);

        List<RuleEntry> dated = loader.loadEntries(primary, problems);
        RuleNode.Problems docProblems = new RuleNode.Problems(primary);
        Map<Class<?>, Object> bound = new LinkedHashMap<>();
        for (RuleDocument<?> d : documents) {
            String name = d.path() == null ? d.name() : d.path().toString();
            Object yaml = read(loader, d.name(), d.path(), problems);
            if (yaml == null) {
                continue;
            }
            Object typed = d.binder().apply(RuleNode.root(name, yaml, docProblems));
            if (bound.put(d.type(), typed) != null) {
                problems.add(name + ": a second document binds " + d.type().getSimpleName());
            }
        }
        problems.addAll(docProblems.list);
        if (!problems.isEmpty()) {
            throw new RuleValidationException(problems);
        }
        return new RuleBook(new RuleSet(dated), primary, bound);
    }

    private static Object read(RuleLoader loader, String name, java.nio.file.Path path, List<String> problems) {
        try (InputStream in = path != null ? Files.newInputStream(path) : loader.open(name)) {
            if (in == null) {
                problems.add(name + ": file not found");
                return null;
            }
            Object doc = RuleYaml.parser().load(new InputStreamReader(in, StandardCharsets.UTF_8));
            if (!(doc instanceof Map<?, ?>)) {
                problems.add((path == null ? name : path.toString()) + ": not a YAML mapping");
                return null;
            }
            return doc;
        } catch (IOException | RuntimeException e) {
            problems.add((path == null ? name : path.toString()) + ": cannot be read: " + e.getMessage());
            return null;
        }
    }

    /** The dated, versioned rule entries (deadlines, fees, holidays, track values). */
    public RuleSet entries() {
        return entries;
    }

    public PrimarySources primarySources() {
        return primarySources;
    }

    /** The typed record a capability's rule file was bound to. */
    public <T> T get(Class<T> type) {
        Object d = documents.get(type);
        if (d == null) {
            throw new IllegalStateException("no rule document binds " + type.getName());
        }
        return type.cast(d);
    }
}
