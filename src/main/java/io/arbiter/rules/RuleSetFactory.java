package io.arbiter.rules;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the rule data eagerly ({@code @Context}) so an invalid file stops start-up with the list of
 * problems instead of failing at the first request.
 */
@Factory
public class RuleSetFactory {

    private static final Logger LOG = LoggerFactory.getLogger(RuleSetFactory.class);

    @Context
    public RuleSet ruleSet() {
        RuleSet set = RuleLoader.classpath().load();
        LOG.info("Loaded {} rule versions ({} flagged UNVERIFIED)", set.all().size(),
                set.all().stream().filter(RuleEntry::unverified).count());
        return set;
    }
}
