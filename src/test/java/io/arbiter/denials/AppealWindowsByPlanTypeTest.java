package io.arbiter.denials;

import io.arbiter.claims.Claim;
import io.arbiter.practice.Payer;
import io.arbiter.practice.PlanType;
import io.arbiter.support.DenialFixtures;
import io.arbiter.support.DenialFixtures.L;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Appeal windows of plan types outside ERISA: Texas workers' comp (request for reconsideration, 28 TAC §133.250;
 * then MFDR, §133.307) and Medicare Advantage (reconsideration, 42 CFR 422.582), never ERISA's 180 days.
 */
@MicronautTest(transactional = false)
class AppealWindowsByPlanTypeTest {

    @Inject
    DenialFixtures fx;
    @Inject
    DenialService service;
    @Inject
    DenialRepository denials;

    /** The denial record of a one-line claim of this plan type, denied on {@code paid} for a service on {@code dos}. */
    private Denial denial(String pcn, Payer payer, PlanType type, String pos, String dos, String paid, L line) {
        Claim claim = fx.claim(pcn, payer, type, pos, LocalDate.parse(dos), LocalDate.parse(paid), null, List.of(line));
        service.sync(List.of(claim.id()));
        return denials.findByClaimLineId(fx.lines(claim).get(0).id()).orElseThrow();
    }

    @Test
    void workersCompReconsiderationIsDueTenMonthsFromTheDateOfService() {
        Payer carrier = fx.payer("TEXAS MUTUAL WC", "TXWC1", null);
        // DOS 2026-08-03 + 10 months = Thu 2027-06-03 (not ERISA's 2026-09-01 + 180 = 2027-02-28).
        Denial d = denial("AWWC00001", carrier, PlanType.WORKERS_COMP, "11", "2026-08-03", "2026-09-01", L.denied("64483", "1200.00", "CO-197"));
        assertEquals(LocalDate.of(2027, 6, 3), d.appealDue());
        assertTrue(d.appealBasis().contains("133.250"), d.appealBasis());
        assertTrue(d.appealBasis().contains("133.307"), "names the next level, MFDR: " + d.appealBasis());
        assertTrue(d.appealBasis().contains("2027-08-03"), "MFDR one year after the date of service: " + d.appealBasis());
        assertFalse(d.appealBasis().contains("ERISA"), d.appealBasis());

        // DOS 2026-01-14 + 10 months = Sat 2026-11-14 → Texas roll-forward to Mon 2026-11-16, whatever the EOB date.
        Denial rolled = denial("AWWC00002", carrier, PlanType.WORKERS_COMP, "24", "2026-01-14", "2026-03-02", L.denied("62323", "900.00", "CO-50", "N115"));
        assertEquals(LocalDate.of(2026, 11, 16), rolled.appealDue());
    }

    @Test
    void medicareAdvantageReconsiderationIs60DaysFromTheNotice() {
        Payer ma = fx.payer("GULF SENIOR ADVANTAGE", "GSA1", null);
        // Remittance (notice of the organization determination) 2026-09-01 + 60 CD = Sat 2026-10-31 (federal: no roll).
        Denial d = denial("AWMA00001", ma, PlanType.MEDICARE_ADVANTAGE, "11", "2026-08-03", "2026-09-01", L.denied("64493", "700.00", "CO-197"));
        assertEquals(LocalDate.of(2026, 10, 31), d.appealDue());
        assertTrue(d.appealBasis().contains("422.582"), d.appealBasis());
        // the 65-day reading of later CMS guidance (UNVERIFIED) is named with its date: 2026-09-01 + 65 = 2026-11-05
        assertTrue(d.appealBasis().contains("other reading: 2026-11-05 if 65 calendar days"), d.appealBasis());
        assertFalse(d.appealBasis().contains("ERISA"), d.appealBasis());
        // 2026-11-16 + 60 = 2027-01-15; a payer's own (contract) window does not replace the regulation.
        Payer maWithWindow = fx.payer("BAYOU ADVANTAGE", "BAY1", 120);
        Denial other = denial("AWMA00002", maWithWindow, PlanType.MEDICARE_ADVANTAGE, "22", "2026-10-20", "2026-11-16", L.denied("64635", "1500.00", "CO-50", "N115"));
        assertEquals(LocalDate.of(2027, 1, 15), other.appealDue());
    }

    @Test
    void erisaAndMedicareKeepTheirWindows() {
        Payer erisa = fx.payer("PRAIRIE ERISA PLAN", "PRE1", null);
        assertEquals(LocalDate.of(2027, 2, 28), denial("AWER00001", erisa, PlanType.SELF_FUNDED_ERISA, "11", "2026-08-03", "2026-09-01", L.denied("64483", "1200.00", "CO-197")).appealDue());
        Payer medicare = fx.payer("NOVITAS JH", "NJH1", null);
        assertEquals(LocalDate.of(2026, 12, 30), denial("AWMC00001", medicare, PlanType.MEDICARE, "11", "2026-08-03", "2026-09-01", L.denied("64483", "1200.00", "CO-50")).appealDue());
    }
}
