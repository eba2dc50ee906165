package io.arbiter.denials;

import io.arbiter.rules.RuleBook;
import io.arbiter.rules.RuleDocument;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/** The denial rule files, bound by the one rule loader (io.arbiter.rules.RuleBook) at start-up. */
@Factory
public class DenialRuleFiles {

    @Singleton
    RuleDocument<AppealWindowRules> appealWindows() {
        return RuleDocument.classpath("denials-appeal-windows.yml", AppealWindowRules.class, AppealWindowRules::bind);
    }

    @Singleton
    RuleDocument<ChecklistRules> checklists() {
        return RuleDocument.classpath("denials-checklists.yml", ChecklistRules.class, ChecklistRules::bind);
    }

    /** A practice may point arbiter.denials.routing-file at its own routing rules; they are checked like the rest. */
    @Singleton
    RuleDocument<RoutingRules> routing(@Nullable @Value("${arbiter.denials.routing-file:}") String file) {
        return RuleDocument.overridable("denials-routing.yml", file, RoutingRules.class, RoutingRules::bind);
    }
}
