package io.arbiter.findings;

import io.arbiter.findings.scrubber.ScrubberRules;
import io.arbiter.rules.RuleBook;
import io.arbiter.rules.RuleDocument;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The findings rule files, bound by the one rule loader (io.arbiter.rules.RuleBook) at start-up. */
@Factory
public class FindingsRuleFiles {

    @Singleton
    RuleDocument<PlaybookRules> playbooks() {
        return RuleDocument.classpath("denials-playbooks.yml", PlaybookRules.class, PlaybookRules::bind);
    }

    @Singleton
    RuleDocument<ScrubberRules> scrubber() {
        return RuleDocument.classpath("scrubber-pain.yml", ScrubberRules.class, ScrubberRules::bind);
    }
}
