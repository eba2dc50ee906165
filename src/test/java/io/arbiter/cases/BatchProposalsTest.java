package io.arbiter.cases;

import io.arbiter.claims.Claim;
import io.arbiter.claims.ClaimLine;
import io.arbiter.practice.PlanType;
import io.arbiter.security.PracticeAccess;
import io.arbiter.support.ClaimFixtures;
import io.arbiter.support.TestClock;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Batch proposals that scale (issue 21), on hand-built histories with "today" = Tuesday 2026-12-01.
 *
 * <p>Open negotiation must start within the 30-business-day period beginning on the day the initial payment was
 * received (42 U.S.C. 300gg-111(c)(1)(A); the receipt day is day 1 when a business day). Counted by hand over the
 * federal holidays Columbus Day 10/12, Veterans Day 11/11 and Thanksgiving 11/26:
 * <ul>
 *   <li>received Mon 10/19: day 1 = 10/19, 10/19–10/23 = 5, 10/26–10/30 = 10, 11/2–11/6 = 15, 11/9–11/10 = 17,
 *       (11/11 holiday) 11/12–11/13 = 19, 11/16–11/20 = 24, 11/23–11/25 = 27, (11/26 holiday) 11/27 = 28, 11/30 = 29,
 *       <b>12/1 = 30</b> — the window closes today: still proposed, "last day today";</li>
 *   <li>received Fri 10/16: one business day earlier, <b>11/30</b> — closed yesterday: left out;</li>
 *   <li>received Tue 10/20: <b>12/2</b>; received Mon 10/26: 10/26–10/30 = 5, 11/2–11/6 = 10, 11/9–11/10 = 12,
 *       11/12–11/13 = 14, 11/16–11/20 = 19, 11/23–11/25 = 22, 11/27 = 23, 11/30–12/4 = 28, 12/7 = 29, <b>12/8 = 30</b>.</li>
 * </ul>
 * The batching service window from Thu 10/1: 10/1–10/2 = 2, 10/5–10/9 = 7, (10/12 holiday) 10/13–10/16 = 11,
 * 10/19–10/30 = 21, 11/2–11/6 = 26, 11/9–11/10 = 28, (11/11) 11/12 = 29, <b>11/13 = 30</b>.
 */
@MicronautTest(transactional = false)
class BatchProposalsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @Inject ClaimFixtures fixtures;
    @Inject TestClock clock;
    @Inject BatchProposer proposer;
    @Inject CaseService cases;
    @Inject CaseEligibilityGateRepository gates;
    @Inject io.arbiter.common.Jdbc jdbc;

    @BeforeEach
    void setUp() {
        clock.today(TODAY);
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    private Claim nsa(String pcn, String payer, String code, LocalDate dos, LocalDate paid) {
        return fixtures.oneLineClaim(pcn, payer, payer.replace(" ", "").substring(0, 6), PlanType.SELF_FUNDED_ERISA, null, code,
                "2400.00", "336.00", dos, paid, "24", "752041000", "M5416", List.of("N865", "N877", "N830"));
    }

    private static LocalDate d(int month, int day) {
        return LocalDate.of(2026, month, day);
    }

    private void gap(Claim claim, ClaimLine line, String gap) throws Exception {
        jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO finding (type, claim_id, "
                + "line_id, rule_id, severity, expected, paid, gap, explanation, created_at) VALUES ('UNDERPAYMENT', ?, ?, 'TEST', 'HIGH', ?, ?, ?, "
                + "'hand-set gap', NOW())")) {
            ps.setLong(1, claim.id());
            ps.setLong(2, line.id());
            ps.setBigDecimal(3, line.paid().add(new BigDecimal(gap)));
            ps.setBigDecimal(4, line.paid());
            ps.setBigDecimal(5, new BigDecimal(gap));
            return ps.executeUpdate();
            }
        });
    }

    private void sql(String statement) {
        jdbc.inTransaction(c -> {
            try (java.sql.Statement st = c.createStatement()) {
                return st.executeUpdate(statement);
            }
        });
    }

    @Test
    void proposalsShowTheirDeadlineAndGapAndNeverAClosedWindow() throws Exception {
        String payer = "PRAIRIE MUTUAL BENEFITS";
        Claim c1 = nsa("LSBP001", payer, "64483", d(10, 1), d(10, 19));
        ClaimLine c1l1 = fixtures.firstLine(c1);
        ClaimLine c1l2 = fixtures.addLine(c1, 2, "64483", "2400.00", "336.00", d(10, 6)); // same claim, another date
        Claim c2 = nsa("LSBP002", payer, "64483", d(10, 2), d(10, 20));
        Claim expired = nsa("LSBP003", payer, "64483", d(10, 3), d(10, 16));
        Claim unpaid = nsa("LSBP004", payer, "64483", d(10, 5), null);
        Claim inCase = nsa("LSBP005", payer, "64483", d(10, 7), d(10, 21));
        Claim texas = fixtures.oneLineClaim("LSBP006", payer, "PRAIRI", PlanType.FULLY_INSURED_STATE, "TX", "64483", "2400.00", "336.00",
                d(10, 5), d(10, 20), "24", "770301234", "M5416", List.of("N883"));
        Claim unpriced = nsa("LSBP007", payer, "64483", d(10, 8), d(10, 22));
        Claim alone = nsa("LSBP008", payer, "62323", d(10, 5), d(10, 20));
        gap(c1, c1l1, "500.00");
        gap(c1, c1l2, "250.50");
        gap(c2, fixtures.firstLine(c2), "1000.00");
        DisputeCase open = cases.open(new CaseRequests.Create(List.of(inCase.id()), null, null, null), "test", PracticeAccess.EVERY);
        Long payerId = c1.payerId();

        BatchProposer.Page page = proposer.page(new BatchCandidates.Filter(payerId, null, null, null, null), PracticeAccess.EVERY,
                0, 20, 0, 50, 10);
        assertEquals(1, page.proposalCount(), "one batch: " + page.proposals());
        BatchProposer.Proposal p = page.proposals().get(0);
        // by date of service: C1 line 1 (10/1), C2 (10/2), C1 line 2 (10/6), C7 (10/8)
        assertEquals(List.of(c1l1.id(), fixtures.firstLine(c2).id(), c1l2.id(), fixtures.firstLine(unpriced).id()), p.lineIds());
        assertEquals(3, p.claimCount());
        assertEquals(d(10, 1), p.windowStart());
        assertEquals(d(11, 13), p.windowEnd());
        assertEquals(d(10, 8), p.lastServiceDate());
        assertEquals(d(12, 1), p.deadline(), "C1's payment of 10/19 is the earliest: its window closes today");
        assertEquals(d(10, 19), p.deadlineFrom());
        assertEquals(0, p.daysLeft());
        assertEquals(new BigDecimal("1750.50"), p.gap(), "500.00 + 250.50 + 1,000.00; LSBP007 has no finding");
        assertEquals(1, p.unpricedLines());
        assertNull(p.lines().get(3).gap());
        assertEquals("LSBP001", p.lines().get(2).patientControlNumber());
        assertEquals(2, p.lines().get(2).lineNumber());

        // C2 waiting to be priced again (V84): its gap is not current, so it counts as not priced
        sql("INSERT INTO claim_repricing_due (claim_id, since, cause) VALUES (" + c2.id() + ", NOW(6), 'test')");
        BatchProposer.Proposal repricing = proposer.page(new BatchCandidates.Filter(payerId, null, null, null, null),
                PracticeAccess.EVERY, 0, 20, 0, 0, 10).proposals().get(0);
        assertEquals(new BigDecimal("750.50"), repricing.gap(), "500.00 + 250.50");
        assertEquals(2, repricing.unpricedLines());
        sql("DELETE FROM claim_repricing_due WHERE claim_id = " + c2.id());

        // left out: by category (open case, other track, no payment date, window closed), then the windowing's
        List<BatchProposer.Excluded> ex = page.excluded();
        assertEquals(List.of("LSBP005", "LSBP006", "LSBP004", "LSBP003", "LSBP008"),
                ex.stream().map(BatchProposer.Excluded::patientControlNumber).toList(), ex.toString());
        assertEquals("already disputed in open case " + open.getCaseNumber(), ex.get(0).reason());
        assertTrue(ex.get(1).reason().contains("Texas arbitration track"), ex.get(1).reason());
        assertTrue(ex.get(2).reason().contains("no initial payment or denial date"), ex.get(2).reason());
        assertEquals("open negotiation had to start by 2026-11-30 (30 business days from the payment received 2026-10-16); "
                + "the federal IDR window has closed", ex.get(3).reason());
        assertTrue(ex.get(4).reason().startsWith("no other claim with the same provider, payer and service code"), ex.get(4).reason());
        assertEquals(5, page.excludedCount());
        assertEquals(1, ex.get(0).lineNumber());
        assertEquals("64483", ex.get(0).procedureCode());
        assertEquals(d(10, 7), ex.get(0).serviceDate());

        // the left-out lines a page of two at a time, across SQL's categories and the windowing's
        List<String> paged = new java.util.ArrayList<>();
        for (int x = 0; x < 3; x++) {
            BatchProposer.Page pg = proposer.page(new BatchCandidates.Filter(payerId, null, null, null, null), PracticeAccess.EVERY,
                    0, 20, x, 2, 10);
            assertEquals(3, pg.excludedPages());
            pg.excluded().forEach(e -> paged.add(e.patientControlNumber()));
        }
        assertEquals(List.of("LSBP005", "LSBP006", "LSBP004", "LSBP003", "LSBP008"), paged);

        // a line shown two lines at a time, the rest carried by lineIds
        BatchProposer.Page two = proposer.page(new BatchCandidates.Filter(payerId, null, null, null, null), PracticeAccess.EVERY,
                0, 20, 0, 50, 2);
        assertEquals(2, two.proposals().get(0).lines().size());
        assertEquals(4, two.proposals().get(0).lineIds().size());

        // window filter: served up to 10/5 keeps C1 line 1 and C2 (10/1, 10/2); C1 line 2 and C7 fall outside
        BatchProposer.Page early = proposer.page(new BatchCandidates.Filter(payerId, "64483", null, d(10, 5), null),
                PracticeAccess.EVERY, 0, 20, 0, 50, 10);
        assertEquals(List.of(c1l1.id(), fixtures.firstLine(c2).id()), early.proposals().get(0).lineIds());
        // another practice reaches none of it
        Long other = fixtures.otherPractice().id();
        assertEquals(0, proposer.page(new BatchCandidates.Filter(payerId, null, null, null, null), new PracticeAccess(false, Set.of(other)),
                0, 20, 0, 50, 10).proposalCount());

        // the API: the same proposal with every line, a closed window refused when the page opens it
        BatchProposer.Proposals api = proposer.propose(List.of(c1.id(), c2.id(), expired.id(), unpaid.id(), texas.id(), unpriced.id()),
                PracticeAccess.EVERY);
        assertEquals(1, api.proposals().size());
        assertEquals(4, api.proposals().get(0).lines().size());
        CaseRuleViolation closed = assertThrows(CaseRuleViolation.class, () -> cases.open(new CaseRequests.Create(null,
                List.of(fixtures.firstLine(expired).id(), fixtures.firstLine(c2).id()), null, null), "test", PracticeAccess.EVERY, true));
        assertTrue(String.valueOf(closed.errors()).contains("2026-11-30"), String.valueOf(closed.errors()));
    }

    @Test
    void aFiveLineProposalOpensAsOneCaseWithItsBatchScreened() {
        String payer = "HILL COUNTRY HEALTH TPA";
        List<Claim> five = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            five.add(nsa("LSBP10" + i, payer, "64635", d(10, 12 + i), d(10, 26 + i)));
        }
        Long payerId = five.get(0).payerId();
        BatchProposer.Page page = proposer.page(new BatchCandidates.Filter(payerId, "64635", null, null, null), PracticeAccess.EVERY,
                0, 20, 0, 50, 10);
        assertEquals(1, page.proposalCount());
        BatchProposer.Proposal p = page.proposals().get(0);
        assertEquals(5, p.lineCount());
        assertEquals(d(12, 8), p.deadline(), "received 10/26: day 30 is 12/8");
        assertEquals(7, p.daysLeft());
        assertEquals(0, p.gap().signum());
        assertEquals(5, p.unpricedLines());

        DisputeCase dc = cases.open(new CaseRequests.Create(null, p.lineIds(), null, null), "test", PracticeAccess.EVERY, true);
        assertTrue(dc.isBatched());
        List<CaseEligibilityGate> screened = gates.findByCaseIdOrderByOrdinal(dc.getId());
        // before issue 21 the screen got no batch items and stored "A batched dispute needs at least two line items"
        assertFalse(screened.stream().anyMatch(g -> g.reason().contains("at least two line items")), screened.toString());
        CaseEligibilityGate batching = screened.stream().filter(g -> g.name().equals("BATCHING_CRITERIA")).findFirst().orElseThrow();
        assertEquals(GateOutcome.PASS, batching.status(), batching.reason());
        assertTrue(batching.reason().startsWith("5 items"), batching.reason());
        assertEquals(d(12, 8), dc.getNextDeadlineDate(), "open negotiation due 12/8, not overdue");
        assertEquals(0, proposer.page(new BatchCandidates.Filter(payerId, "64635", null, null, null), PracticeAccess.EVERY,
                0, 20, 0, 50, 10).proposalCount(), "its lines are in an open case now");
    }

    @Test
    void proposalsComeSoonestDeadlineFirstAPageAtATime() {
        String payer = "BLUE PRAIRIE ADMINISTRATORS";
        // 64483 pair received 10/26 (due 12/8); 64490 pair received 10/20 (due 12/2): the 64490 pair comes first
        nsa("LSBP201", payer, "64483", d(10, 14), d(10, 26));
        Claim any = nsa("LSBP202", payer, "64483", d(10, 15), d(10, 27));
        nsa("LSBP203", payer, "64490", d(10, 9), d(10, 20));
        nsa("LSBP204", payer, "64490", d(10, 13), d(10, 21));
        BatchCandidates.Filter mine = new BatchCandidates.Filter(any.payerId(), null, null, null, null);
        BatchProposer.Page first = proposer.page(mine, PracticeAccess.EVERY, 0, 1, 0, 50, 10);
        assertEquals(2, first.pages());
        assertEquals("64490", first.proposals().get(0).procedureCode());
        assertEquals(d(12, 2), first.proposals().get(0).deadline());
        BatchProposer.Page second = proposer.page(mine, PracticeAccess.EVERY, 1, 1, 0, 50, 10);
        assertEquals("64483", second.proposals().get(0).procedureCode());
        assertEquals(d(12, 8), second.proposals().get(0).deadline());
        assertEquals(1, proposer.page(new BatchCandidates.Filter(any.payerId(), "64483", null, null, null), PracticeAccess.EVERY,
                0, 20, 0, 50, 10).proposalCount(), "filtered by code");
    }
}
