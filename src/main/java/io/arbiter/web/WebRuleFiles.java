package io.arbiter.web;

import io.arbiter.rules.RuleBook;
import io.arbiter.rules.RuleDocument;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The rule files the screens read, bound by the one rule loader (io.arbiter.rules.RuleBook) at start-up. */
@Factory
public class WebRuleFiles {

    @Singleton
    RuleDocument<RemarkCodeDictionary> remarkCodesFile() {
        return RuleDocument.classpath("carc-rarc-descriptions.yml", RemarkCodeDictionary.class, RemarkCodeDictionary::bind);
    }

    @Singleton
    RemarkCodeDictionary remarkCodeDictionary(RuleBook book) {
        return book.get(RemarkCodeDictionary.class);
    }
}
