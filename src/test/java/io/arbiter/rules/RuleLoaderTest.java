package io.arbiter.rules;

import io.arbiter.deadlines.Engines;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
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
    void everyEntryIsBoundToTheTypedTermsOfItsKind() {
        RuleSet rules = Engines.RULES;
        for (RuleEntry e : rules.all()) {
            Class<?> expected = switch (e.kind()) {
                case DEADLINE -> RuleTerms.Deadline.class;
                case FEE -> RuleTerms.Fee.class;
                case VALUE -> RuleTerms.Value.class;
                case CODE_LIST -> RuleTerms.CodeList.class;
                case HOLIDAY -> RuleTerms.Holiday.class;
                case CLOSURE -> RuleTerms.Closure.class;
            };
            assertTrue(expected.isInstance(e.terms()), e.key() + " is " + e.terms().getClass().getSimpleName());
        }
        // texas.yml: 90 calendar days after the initial payment, Code Construction Act roll-forward
        RuleTerms.Deadline request = rules.require("TEXAS_ARBITRATION.ARBITRATION_REQUEST_DUE", LocalDate.of(2026, 3, 2)).deadline();
        assertEquals(Track.TEXAS_ARBITRATION, request.track());
        assertEquals("INITIAL_PAYMENT_RECEIVED", request.from());
        assertEquals(90, request.count());
        assertEquals(DayType.CALENDAR, request.dayType());
        assertEquals(Convention.DAYS_AFTER, request.convention());
        assertTrue(request.texasRollForward());
        // workers-comp.yml: 10 months, configurable, with the commonly assumed 11 months as an alternative
        RuleTerms.Deadline recon = rules.require("WORKERS_COMP.RECONSIDERATION_DUE", LocalDate.of(2026, 3, 2)).deadline();
        assertEquals(RuleTerms.ConfigurableCount.WC_RECONSIDERATION_MONTHS, recon.configurableCount());
        assertEquals(11, recon.alternatives().get(0).countOr(10));
        assertEquals(Convention.MONTHS_AFTER, recon.alternatives().get(0).convention(), "unset parts are the rule's own");
        // fees.yml: CMS-9890-F batched range $268-$1,173 plus $75-$250 per block of 25 lines beyond 25
        RuleTerms.Fee batched = rules.require("FEDERAL_IDR.IDRE_FEE_BATCHED", LocalDate.of(2025, 5, 1)).fee();
        assertEquals(new BigDecimal("268.00"), batched.requireMin());
        assertEquals(new BigDecimal("1173.00"), batched.requireMax());
        assertEquals(2, batched.increment().blocks(51), "lines 26-50 and 51: two blocks");
        assertEquals(0, batched.increment().blocks(25));
        assertEquals(new BigDecimal("15.00"), rules.require("FEDERAL_IDR.ADMIN_FEE", LocalDate.of(2026, 7, 1)).fee().requireAmount());
        // tracks.yml values: a date and a whole number; holidays.yml: the last Monday of May
        assertEquals(LocalDate.of(2022, 1, 1), rules.require("TRACKS.FEDERAL_NSA_START", LocalDate.of(2026, 3, 2)).value().requireDate());
        assertEquals(90, rules.require("TRACKS.COOLING_OFF_SINGLE_DAYS", LocalDate.of(2026, 3, 2)).value().requireNumber());
        RuleTerms.Holiday memorial = rules.require("TX_NATIONAL_HOLIDAY.MEMORIAL_DAY", LocalDate.of(2026, 5, 25)).holiday();
        assertEquals(java.time.DayOfWeek.MONDAY, memorial.weekday());
        assertEquals(-1, memorial.nth());
    }

    @Test
    void invalidRuleDataStopsLoadingWithEveryProblemListed() {
        RuleValidationException e = assertThrows(RuleValidationException.class,
                () -> new RuleLoader(getClass().getClassLoader(), "rules-invalid/").load());
        String msg = e.getMessage();
        assertTrue(msg.contains("missing.yml: file not found"), msg);
        assertTrue(msg.contains("citation must be an http(s) URL"), msg);
        assertTrue(msg.contains("versions A and B overlap"), msg);
        // binding problems name the file and the path of the value, with the entry's key
        assertTrue(msg.contains("bad.yml rules[2] (FEDERAL_IDR.SOMETHING_DUE).effectiveTo: 2021-01-01 is before effectiveFrom 2022-01-01"), msg);
        assertTrue(msg.contains("bad.yml rules[2] (FEDERAL_IDR.SOMETHING_DUE).params.dayType: 'WEEKDAYS' is not one of [BUSINESS, CALENDAR]"), msg);
        assertTrue(msg.contains("bad.yml rules[3] (TRACKS.NO_KEYSON).keysOn: is required"), msg);
        assertTrue(msg.contains("bad.yml rules[4] (FEDERAL_IDR.BAD_FEE).params.amount: must be a decimal number"), msg);
        assertTrue(msg.contains("bad.yml rules[5] (TRACKS.BAD_VALUE).params.value: must be a date (YYYY-MM-DD), a whole number or true/false"), msg);
        assertTrue(msg.contains("bad.yml rules[6] (TX_NATIONAL_HOLIDAY.BAD).params.month: must be 1-12, got 13"), msg);
        assertTrue(msg.contains("bad.yml rules[2] (FEDERAL_IDR.SOMETHING_DUE).params.configurableCount: 'payer-days' is not one of"), msg);
        assertTrue(msg.contains("from 'NO_SUCH_EVENT' is neither an event"), msg);
    }
}
