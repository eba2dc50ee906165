package io.arbiter.priorauth;

import io.arbiter.rules.RuleBook;
import io.arbiter.rules.RuleDocument;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The prior-authorization rule file, bound by the one rule loader (io.arbiter.rules.RuleBook) at start-up. */
@Factory
public class PriorAuthRuleFiles {

    @Singleton
    RuleDocument<AuthRequirements.Rules> requirements() {
        return RuleDocument.classpath("priorauth-requirements.yml", AuthRequirements.Rules.class, AuthRequirements.Rules::bind);
    }
}
