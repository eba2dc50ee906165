package io.arbiter.claims;

import io.arbiter.security.PracticeOwned;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** A claim belongs to the practice that billed it. Its records answer 404 to users of other practices (security.PracticeScopeFilter). */
@Factory
class ClaimPracticeScope {

    @Singleton
    PracticeOwned claims(ClaimRepository repository) {
        return PracticeOwned.of("claims", repository::findPracticeIdById);
    }
}
