package io.arbiter.cases;

import io.arbiter.security.PracticeOwned;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** A dispute case belongs to the practice of its claims. Its records answer 404 to users of other practices (security.PracticeScopeFilter). */
@Factory
class CasePracticeScope {

    @Singleton
    PracticeOwned cases(DisputeCaseRepository repository) {
        return PracticeOwned.of("cases", repository::findPracticeIdById);
    }
}
