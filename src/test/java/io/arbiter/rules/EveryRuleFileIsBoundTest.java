package io.arbiter.rules;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One rule system: every file under src/main/resources/rules is loaded by the one loader at start-up — either a dated
 * file listed in index.yml or a capability's {@link RuleDocument} — and none is read any other way (ArchitectureTest
 * keeps SnakeYAML inside io.arbiter.rules).
 */
@MicronautTest(transactional = false)
class EveryRuleFileIsBoundTest {

    @Inject
    List<RuleDocument<?>> documents;

    @Inject
    RuleBook book;

    @Test
    void everyShippedRuleFileIsLoadedByTheOneLoader() throws IOException {
        Set<String> onDisk = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/rules"))) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yml")).forEach(onDisk::add);
        }
        Set<String> loaded = new TreeSet<>(List.of("index.yml", RuleBook.PRIMARY_SOURCES));
        loaded.addAll(indexFiles());
        for (RuleDocument<?> d : documents) {
            assertTrue(loaded.add(d.name()), d.name() + " is bound twice");
        }
        assertEquals(onDisk, loaded);
        // The book answers for every document type it was given.
        for (RuleDocument<?> d : documents) {
            assertTrue(d.type().isInstance(book.get(d.type())), d.name());
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> indexFiles() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/rules/index.yml"))) {
            return (List<String>) ((Map<String, Object>) new Yaml().load(in)).get("files");
        }
    }
}
