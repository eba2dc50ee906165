package io.arbiter.practice;

import io.arbiter.security.PracticeOwned;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.util.Optional;

/** A practice's own settings and packet facts. Its records answer 404 to users of other practices (security.PracticeScopeFilter). */
@Factory
class PracticePracticeScope {

    @Singleton
    PracticeOwned practices(PracticeRepository repository) {
        return PracticeOwned.of("practices", id -> repository.existsById(id) ? Optional.of(id) : Optional.empty());
    }
}
