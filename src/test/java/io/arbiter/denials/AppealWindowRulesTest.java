package io.arbiter.denials;

import io.arbiter.practice.PlanType;
import io.arbiter.rules.RuleBook;
import io.arbiter.rules.RuleDocument;
import io.arbiter.rules.RuleLoader;
import io.arbiter.rules.RuleValidationException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.TimeZone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * rules/denials-appeal-windows.yml through the one rule loader: the shipped file binds to typed records with the dates
 * it says (whatever the JVM's zone), and a broken copy is refused with every problem named by file and path at once.
 */
class AppealWindowRulesTest {

    @Test
    void shippedFileBindsToTypedWindowsWhateverTheJvmZone() {
        TimeZone saved = TimeZone.getDefault();
        try {
            // West of UTC, a zone-dependent conversion of 2005-01-01 (read by SnakeYAML as UTC midnight) gives 2004-12-31.
            TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
            AppealWindowRules rules = RuleBook.load(List.of(new DenialRuleFiles().appealWindows())).get(AppealWindowRules.class);
            AppealWindowRules.Window medicare = rules.window(PlanType.MEDICARE, LocalDate.of(2026, 3, 2)).orElseThrow();
            assertEquals(120, medicare.days());
            assertEquals(LocalDate.of(2005, 1, 1), medicare.period().from());
            assertTrue(medicare.citation().url().startsWith("https://www.ecfr.gov/"), medicare.citation().url());
            AppealWindowRules.Window ma = rules.window(PlanType.MEDICARE_ADVANTAGE, LocalDate.of(2026, 3, 2)).orElseThrow();
            assertEquals(60, ma.days());
            assertEquals(65, ma.alternative().days());
            assertEquals(180, rules.erisaMinimum(LocalDate.of(2026, 3, 2)).orElseThrow().days());
            assertEquals(new BigDecimal("0.63"), rules.recoverability(LocalDate.of(2026, 3, 2)).orElseThrow().rate());
            // Vendor guidance is not authority: the rule data marks it unverified (and packets leave it out).
            assertTrue(rules.correctedClaim().citation().unverified());
            assertTrue(rules.notAppealable().medicareCarcs().contains("29"));
            assertEquals("RECONSIDERATION_DUE", rules.window(PlanType.WORKERS_COMP, LocalDate.of(2026, 3, 2)).orElseThrow().deadline());
        } finally {
            TimeZone.setDefault(saved);
        }
    }

    @Test
    void brokenFileIsRefusedWithEveryProblemNamedByFileAndPath() {
        RuleLoader loader = new RuleLoader(getClass().getClassLoader(), "rules-broken/");
        RuleValidationException e = assertThrows(RuleValidationException.class, () -> RuleBook.load(loader,
                List.of(RuleDocument.classpath("appeal-windows.yml", AppealWindowRules.class, AppealWindowRules::bind))));
        List<String> p = e.problems();
        String all = String.join("\n", p);
        assertTrue(all.contains("appeal-windows.yml windows.MEDICARE[0].effectiveFrom: must be a date (YYYY-MM-DD), got '2005-13-01'"), all);
        assertTrue(all.contains("appeal-windows.yml windows.MEDICARE[0].days: must be a whole number, got 'one hundred twenty'"), all);
        assertTrue(all.contains("appeal-windows.yml windows.MEDICARE_PLUS: is not a plan type"), all);
        assertTrue(all.contains("appeal-windows.yml erisaMinimumDays[0].effectiveTo: 2001-01-01 is before effectiveFrom 2002-01-01"), all);
        assertTrue(all.contains("appeal-windows.yml erisaMinimumDays[0].citation.url: 'https://lysco.com/guides/erisa-denial-appeal' "
                + "is not a primary source (rules/primary-sources.yml)"), all);
        assertTrue(all.contains("appeal-windows.yml notAppealable.citation: is required"), all);
        assertTrue(all.contains("appeal-windows.yml recoverability[0].rate: must be a decimal number, got 'sixty percent'"), all);
        assertTrue(all.contains("appeal-windows.yml recoverability[0].citation.url: must be an http(s) URL, got 'ftp://example.com/rate'"), all);
        // The dated file of the same load: a settled rule cited from a law firm's page.
        assertTrue(all.contains("dated.yml COMMERCIAL_APPEAL.APPEAL_DUE [ERISA]: citation 'https://lawfirm.example.com/erisa-appeals' "
                + "is not a primary source"), all);
        // An entry marked unverified may cite research; a citation marked unverified may too.
        assertTrue(p.stream().noneMatch(x -> x.contains("windows.MEDICARE_ADVANTAGE")), all);
        assertTrue(p.stream().noneMatch(x -> x.contains("correctedClaim")), all);
        assertEquals(9, p.size(), all);
    }
}
