package io.arbiter.denials;

import io.arbiter.claims.Claim;
import io.arbiter.claims.ClaimLine;
import io.arbiter.practice.Payer;
import io.arbiter.practice.PlanType;
import io.arbiter.support.DenialFixtures;
import io.arbiter.support.DenialFixtures.L;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Denial classification by CARC/RARC (pain-coding-and-denials.md §6.2/§6.5), work type, deadlines by payer type (§7), routing. */
@MicronautTest(transactional = false)
class DenialRecordsTest {

    static final LocalDate DOS = LocalDate.of(2026, 8, 3);
    static final LocalDate PAID = LocalDate.of(2026, 9, 1);

    @Inject
    DenialFixtures fx;
    @Inject
    DenialService service;
    @Inject
    DenialRepository denials;

    private Map<String, Denial> byCode(Claim claim) {
        service.sync(List.of(claim.id()));
        return fx.lines(claim).stream().map(l -> denials.findByClaimLineId(l.id()).orElse(null)).filter(d -> d != null)
                .collect(Collectors.toMap(Denial::procedureCode, Function.identity()));
    }

    @Test
    void everyCategoryIsClassifiedWithWorkTypeAppealabilityAndErisaDeadline() {
        Payer erisa = fx.payer("BLUE PLAINS HEALTH", "BPL1", null);
        Claim claim = fx.claim("DNCLS0001", erisa, PlanType.SELF_FUNDED_ERISA, "11", DOS, PAID, null, List.of(
                L.denied("64483", "1200.00", "CO-197"),
                L.denied("62323", "900.00", "CO-50", "N115"),
                L.denied("64635", "1500.00", "CO-151"),
                L.denied("77003", "150.00", "CO-97", "M15"),
                L.denied("64493", "700.00", "CO-4"),
                L.denied("64490", "650.00", "CO-252"),
                L.denied("27096", "800.00", "CO-29"),
                L.denied("64625", "1100.00", "CO-96", "N115"),
                new L("64484", "", 1, "600.00", "100.00", List.of("CO-45:300.00", "CO-198:200.00"), List.of()),
                new L("99213", "", 1, "200.00", "150.00", List.of("CO-45:50.00"), List.of())));
        Map<String, Denial> d = byCode(claim);

        assertEquals(9, d.size(), "a line with only a pricing adjustment (CO-45) is not a denial");
        assertEquals("AUTHORIZATION", d.get("64483").category());
        assertEquals("MEDICAL_NECESSITY", d.get("62323").category());
        assertEquals("N115", d.get("62323").rarc());
        assertEquals("FREQUENCY", d.get("64635").category());
        assertEquals("BUNDLING", d.get("77003").category());
        assertEquals("MODIFIER", d.get("64493").category());
        assertEquals("RECORDS", d.get("64490").category());
        assertEquals("TIMELY_FILING", d.get("27096").category());
        assertEquals("NON_COVERED", d.get("64625").category());
        assertEquals("AUTHORIZATION", d.get("64484").category());

        // Corrected claim vs appeal: CO-4 and CO-97 + M15 are corrected-claim work, except imaging guidance billed with a
        // guidance-inclusive code of the same date (77003 with 64483 here): correctly bundled, a write-off (issue 14 item 10).
        assertEquals(WorkType.NONE, d.get("77003").workType());
        assertEquals(new BigDecimal("0.00"), d.get("77003").recoverableEstimate());
        assertEquals(WorkType.CORRECTED_CLAIM, d.get("64493").workType());
        assertFalse(d.get("64493").appealable());
        assertEquals(WorkType.APPEAL, d.get("64483").workType());
        assertTrue(d.get("27096").appealable(), "commercial timely filing is appealable with proof of timely submission");

        // Reduced line: paid 100 of 600; only the CO-198 200.00 is denied (CO-45 is a pricing adjustment).
        assertEquals(DenialKind.REDUCED, d.get("64484").kind());
        assertEquals(new BigDecimal("200.00"), d.get("64484").deniedAmount());
        assertEquals(DenialKind.DENIED, d.get("64483").kind());
        assertEquals(new BigDecimal("1200.00"), d.get("64483").deniedAmount());
        // Recoverable = 1200.00 x 0.63 = 756.00
        assertEquals(new BigDecimal("756.00"), d.get("64483").recoverableEstimate());

        // ERISA, no payer window: 180 calendar days from the 2026-09-01 remittance
        // (Sep 29 + Oct 31 + Nov 30 + Dec 31 + Jan 31 + Feb 28 = 180) -> 2027-02-28.
        assertEquals(PAID, d.get("64483").denialDate());
        assertEquals(LocalDate.of(2027, 2, 28), d.get("64483").appealDue());
        assertTrue(d.get("64483").appealBasis().contains("2560.503-1"));
    }

    @Test
    void medicareRedeterminationIs120DaysAndTimelyFilingWithN211IsNotAppealable() {
        Payer medicare = fx.payer("NOVITAS MEDICARE", "MCR1", null);
        Claim claim = fx.claim("DNMCR0001", medicare, PlanType.MEDICARE, "11", DOS, PAID, null, List.of(
                L.denied("64493", "700.00", "CO-50", "N115"),
                L.denied("62323", "900.00", "CO-29", "N211")));
        Map<String, Denial> d = byCode(claim);
        // 120 days from 2026-09-01: Sep 29 + Oct 31 + Nov 30 + Dec 30 = 120 -> 2026-12-30
        assertEquals(LocalDate.of(2026, 12, 30), d.get("64493").appealDue());
        assertTrue(d.get("64493").appealBasis().startsWith("Redetermination"));
        Denial tf = d.get("62323");
        assertEquals("TIMELY_FILING", tf.category());
        assertEquals(WorkType.NONE, tf.workType());
        assertFalse(tf.appealable());
        assertNull(tf.appealDue());
        assertEquals(0, tf.recoverableEstimate().signum());
    }

    @Test
    void commercialWindowComesFromThePayerAndErisaNeverBelow180() {
        Payer mutual = fx.payer("LONE STAR MUTUAL", "LSM1", 90);
        Claim insured = fx.claim("DNWIN0001", mutual, PlanType.FULLY_INSURED_STATE, "11", DOS, PAID, null,
                List.of(L.denied("64483", "1200.00", "CO-197")));
        // 90 days from 2026-09-01: Sep 29 + Oct 31 + Nov 30 = 90 -> 2026-11-30
        assertEquals(LocalDate.of(2026, 11, 30), byCode(insured).get("64483").appealDue());

        Payer shortErisa = fx.payer("SHORT WINDOW ERISA", "SWE1", 60);
        Claim erisa = fx.claim("DNWIN0002", shortErisa, PlanType.SELF_FUNDED_ERISA, "11", DOS, PAID, null,
                List.of(L.denied("64483", "1200.00", "CO-197")));
        Denial d = byCode(erisa).get("64483");
        assertEquals(LocalDate.of(2027, 2, 28), d.appealDue(), "a 60-day window is raised to the ERISA 180-day floor");
        assertTrue(d.appealBasis().contains("raised to the ERISA minimum"));
    }

    @Test
    void routingAssignsByWorkTypeAndCategoryAndSyncIsIdempotent() {
        Payer erisa = fx.payer("BLUE PLAINS HEALTH", "BPL1", null);
        Claim claim = fx.claim("DNRTE0001", erisa, PlanType.SELF_FUNDED_ERISA, "11", DOS, PAID, null, List.of(
                L.denied("64483", "1200.00", "CO-197"),
                L.denied("62323", "900.00", "CO-50", "N115"),
                L.denied("64493", "700.00", "CO-4"),
                L.denied("64490", "650.00", "CO-252")));
        Map<String, Denial> d = byCode(claim);
        // rules/denials-routing.yml: corrected claims -> coder, then by category, then the default.
        assertEquals("auth-specialist", d.get("64483").owner());
        assertEquals("appeals-specialist", d.get("62323").owner());
        assertEquals("coder", d.get("64493").owner());
        assertEquals("corrected-claims", d.get("64493").routingRule());
        assertEquals("specialist", d.get("64490").owner());

        service.assign(d.get("64490").id(), "maria");
        DenialRequests.SyncResult again = service.sync(List.of(claim.id()));
        assertEquals(0, again.created());
        assertEquals(4, again.unchanged());
        assertEquals("maria", denials.findById(d.get("64490").id()).orElseThrow().owner(), "a re-sync keeps the owner");
    }

    @Test
    void rfaMedicalNecessityRequiresBothMbbRecords() {
        Payer erisa = fx.payer("BLUE PLAINS HEALTH", "BPL1", null);
        Claim claim = fx.claim("DNRFA0001", erisa, PlanType.SELF_FUNDED_ERISA, "11", DOS, PAID, null, List.of(
                L.denied("64635", "1500.00", "CO-50"),
                L.denied("62323", "900.00", "CO-50")));
        Map<String, Denial> d = byCode(claim);
        DenialView rfa = service.get(d.get("64635").id());
        DenialView esi = service.get(d.get("62323").id());
        assertTrue(rfa.missingRequired().stream().anyMatch(s -> s.contains("both MBBs")));
        assertTrue(esi.missingRequired().stream().noneMatch(s -> s.contains("both MBBs")));
        assertFalse(rfa.readyForAppealLetter());
        List<ClaimLine> ls = fx.lines(claim);
        assertEquals(2, ls.size());
    }
}
