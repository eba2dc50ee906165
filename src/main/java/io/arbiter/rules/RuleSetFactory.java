package io.arbiter.rules;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Loads every rule file eagerly ({@code @Context}): the dated entries and each capability's {@link RuleDocument}, so
 * an invalid file stops start-up with the list of all problems instead of failing at the first request.
 */
@Factory
public class RuleSetFactory {

    private static final Logger LOG = LoggerFactory.getLogger(RuleSetFactory.class);

    @Context
    public RuleBook ruleBook(List<RuleDocument<?>> documents) {
        RuleBook book = RuleBook.load(documents);
        LOG.info("Loaded {} rule versions ({} flagged UNVERIFIED) and {} rule documents", book.entries().all().size(),
                book.entries().all().stream().filter(RuleEntry::unverified).count(), documents.size());
        return book;
    }

    @Singleton
    public RuleSet ruleSet(RuleBook book) {
        return book.entries();
    }

    /** The primary-source list packets consult before printing a citation. */
    @Singleton
    public PrimarySources primarySources(RuleBook book) {
        return book.primarySources();
    }
}
