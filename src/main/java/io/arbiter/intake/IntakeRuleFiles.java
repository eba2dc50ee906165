package io.arbiter.intake;

import io.arbiter.rules.RuleBook;
import io.arbiter.rules.RuleDocument;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The intake rule file, bound by the one rule loader (io.arbiter.rules.RuleBook) at start-up. */
@Factory
public class IntakeRuleFiles {

    @Singleton
    RuleDocument<PlanTypes.FilingIndicators> filingIndicators() {
        return RuleDocument.classpath("claim-filing-indicator.yml", PlanTypes.FilingIndicators.class, PlanTypes.FilingIndicators::bind);
    }
}
