package io.arbiter.denials;

import io.arbiter.security.PracticeOwned;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** A denial belongs to the practice of its claim. Its records answer 404 to users of other practices (security.PracticeScopeFilter). */
@Factory
class DenialPracticeScope {

    @Singleton
    PracticeOwned denials(DenialRepository repository) {
        return PracticeOwned.of("denials", repository::findPracticeIdById);
    }
}
