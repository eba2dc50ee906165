package io.arbiter.security;

import java.util.Optional;
import java.util.function.Function;

/**
 * A kind of record addressed by id under {@code /api/v1/{collection}/{id}} and {@code /ui/{collection}/{id}} that
 * belongs to one practice. Each owning capability declares one as a bean; {@link PracticeScopeFilter} answers 404 for
 * a record of a practice the user does not reach, before any controller runs.
 */
public interface PracticeOwned {

    /** The path segment naming the kind: {@code cases}, {@code claims}, {@code denials}, ... */
    String collection();

    /** The practice of the record, or empty when there is no such record (the controller then answers 404 itself). */
    Optional<Long> practiceOf(long id);

    /** The records of {@code collection}, whose practice {@code lookup} reads by id. */
    static PracticeOwned of(String collection, Function<Long, Optional<Long>> lookup) {
        return new PracticeOwned() {
            @Override
            public String collection() {
                return collection;
            }

            @Override
            public Optional<Long> practiceOf(long id) {
                return lookup.apply(id);
            }
        };
    }
}
