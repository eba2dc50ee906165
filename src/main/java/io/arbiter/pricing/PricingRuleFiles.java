package io.arbiter.pricing;

import io.arbiter.rules.RuleBook;
import io.arbiter.rules.RuleDocument;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * The pricing rule files, bound by the one rule loader (io.arbiter.rules.RuleBook) at start-up, and the policy objects
 * built from them.
 */
@Factory
public class PricingRuleFiles {

    @Singleton
    RuleDocument<PricingPolicies> policiesFile() {
        return RuleDocument.classpath("pricing-policies.yml", PricingPolicies.class, PricingPolicies::bind);
    }

    @Singleton
    RuleDocument<MedicareLocalities> localitiesFile() {
        return RuleDocument.classpath("pricing-medicare-localities.yml", MedicareLocalities.class, MedicareLocalities::bind);
    }

    @Singleton
    RuleDocument<WorkersCompSchedules> workersCompFile() {
        return RuleDocument.classpath("pricing-fee-schedules.yml", WorkersCompSchedules.class, WorkersCompSchedules::bind);
    }

    @Singleton
    PricingPolicies pricingPolicies(RuleBook book) {
        return book.get(PricingPolicies.class);
    }

    @Singleton
    MedicareLocalities medicareLocalities(RuleBook book) {
        return book.get(MedicareLocalities.class);
    }

    @Singleton
    WorkersCompSchedules workersCompSchedules(RuleBook book) {
        return book.get(WorkersCompSchedules.class);
    }
}
