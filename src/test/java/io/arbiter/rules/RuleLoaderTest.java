package io.arbiter.rules;

import io.arbiter.deadlines.Engines;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuleLoaderTest {

    @Test
    void shippedRuleDataLoadsAndEveryEntryIsCitedAndDated() {
        RuleSet rules = Engines.RULES;
        assertTrue(rules.all().size() > 60);
        for (RuleEntry e : rules.all()) {
            assertTrue(e.citationUrl().startsWith("http"), e.key());
            assertTrue(e.effectiveFrom() != null, e.key());
        }
        // date-versioned look-up: the admin fee keyed on the initiation date
        assertEquals("CMS-9890-F", rules.require("FEDERAL_IDR.ADMIN_FEE", LocalDate.of(2026, 6, 10)).version());
        assertEquals("CMS-9897-F", rules.require("FEDERAL_IDR.ADMIN_FEE", LocalDate.of(2026, 6, 11)).version());
        assertTrue(rules.require("FEDERAL_IDR.BATCH_LINE_CAP", LocalDate.of(2026, 11, 1)).unverified());
    }

    @Test
    void invalidRuleDataStopsLoadingWithEveryProblemListed() {
        RuleValidationException e = assertThrows(RuleValidationException.class,
                () -> new RuleLoader(getClass().getClassLoader(), "rules-invalid/").load());
        String msg = e.getMessage();
        assertTrue(msg.contains("missing.yml: file not found"), msg);
        assertTrue(msg.contains("citation must be an http(s) URL"), msg);
        assertTrue(msg.contains("versions A and B overlap"), msg);
        assertTrue(msg.contains("effectiveTo 2021-01-01 is before effectiveFrom"), msg);
        assertTrue(msg.contains("dayType must be one of"), msg);
        assertTrue(msg.contains("from 'NO_SUCH_EVENT' is neither an event"), msg);
        assertTrue(msg.contains("'keysOn' is required"), msg);
    }
}
