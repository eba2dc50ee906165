package io.arbiter.priorauth;

import io.arbiter.security.PracticeOwned;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** A prior authorization belongs to the practice that requested it. Its records answer 404 to users of other practices (security.PracticeScopeFilter). */
@Factory
class PriorAuthPracticeScope {

    @Singleton
    PracticeOwned priorauths(PriorAuthRepository repository) {
        return PracticeOwned.of("prior-auths", repository::findPracticeIdById);
    }
}
