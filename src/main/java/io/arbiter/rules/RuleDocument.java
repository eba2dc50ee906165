package io.arbiter.rules;

import io.micronaut.core.annotation.Nullable;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * One rule file bound to a typed record by its capability: {@code binder} reads the file's {@link RuleNode} tree and
 * reports every problem through it. Capabilities declare their documents as beans; {@link RuleBook} loads them all at
 * start-up with the dated rule entries, so an invalid file stops the service with every problem listed at once.
 *
 * @param name   the file under {@code rules/} on the classpath (also the name problems are reported under)
 * @param path   a file on disk that replaces the classpath copy (a practice's own routing rules), or null
 * @param type   the record the file binds to; {@link RuleBook#get} looks documents up by it
 */
public record RuleDocument<T>(String name, @Nullable Path path, Class<T> type, Function<RuleNode, T> binder) {

    public static <T> RuleDocument<T> classpath(String name, Class<T> type, Function<RuleNode, T> binder) {
        return new RuleDocument<>(name, null, type, binder);
    }

    /** The file on disk when one is configured, else the classpath copy. */
    public static <T> RuleDocument<T> overridable(String name, @Nullable String file, Class<T> type, Function<RuleNode, T> binder) {
        return new RuleDocument<>(name, file == null || file.isBlank() ? null : Path.of(file), type, binder);
    }
}
