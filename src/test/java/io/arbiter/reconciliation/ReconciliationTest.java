package io.arbiter.reconciliation;

import io.arbiter.cases.CasePayment;
import io.arbiter.cases.CasePayments;
import io.arbiter.cases.PaymentSource;
import io.arbiter.claims.ClaimLines;
import io.arbiter.denials.Denial;
import io.arbiter.denials.DenialService;
import io.arbiter.denials.DenialStatus;
import io.arbiter.security.Roles;
import io.arbiter.support.CaseApi;
import io.arbiter.support.TestAccounts;
import io.arbiter.support.TestClock;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17 on the real MariaDB, through the real import and the cases API. Six federal claims of ACME (self-funded
 * ERISA, NSA remark codes) are paid 268.80 on 2026-10-08 (fixtures/x12/reconciliation/recon-initial-835.edi): 64483
 * billed 2,400.00, allowed 336.00, patient share 67.20. Each case is decided 2027-01-12 at 2,100.00, so
 * owed = 2,100.00 − 67.20 − 268.80 = 1,764.00, due 30 calendar days later, 2027-02-11. A seventh claim (RD0000001,
 * 62323 billed 1,800.00) is denied CO-50.
 *
 * <pre>
 * claim      what arrives                                                       expected
 * RC0000001  02/05 reversal −268.80 + corrected claim 2,032.80                 +1,764.00 REMITTANCE → PAID
 * RC0000002  02/05 supplemental CLP 1,764.00 (+ PLB L6 interest −12.34)         +1,764.00 → PAID; 12.34 queued
 * RC0000003  overdue 02/15 (once), then 02/20 supplemental 1,000.00             +1,000.00 late, 764.00 outstanding
 * RC0000004  02/05 supplemental 2,000.00                                       +1,764.00 → PAID; 236.00 queued
 * RC0000005  paper check 1,764.00 typed in 02/01, 835 of 1,764.00 on 02/03     confirmed, not counted twice
 * RC0000006  paper check 1,000.00 typed in 02/01, 835 of 1,764.00 on 02/03     queued "possibly the manual payment"
 * RD0000001  denied, then 02/05 supplemental 410.40                            denial RECOVERED 410.40
 * </pre>
 * The 02/05 file is imported twice (a duplicate upload) and then restated by a second 835 with other control numbers.
 */
@MicronautTest(transactional = false)
@io.micronaut.context.annotation.Property(name = "arbiter.intake.commercial-plan-type", value = "SELF_FUNDED_ERISA")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReconciliationTest {

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    TestAccounts accounts;
    @Inject
    TestClock clock;
    @Inject
    CasePayments payments;
    @Inject
    DenialService denials;
    @Inject
    ClaimLines claimLines;

    BlockingHttpClient client;
    CaseApi api;
    String finance;
    final Map<String, Long> cases = new HashMap<>();
    List<String> overdueFirst;
    List<String> overdueSecond;

    @BeforeAll
    @SuppressWarnings("unchecked")
    void story() {
        client = http.toBlocking();
        api = new CaseApi(client, accounts.token(client, Roles.SPECIALIST), clock);
        finance = accounts.token(client, Roles.FINANCE);
        clock.today(LocalDate.of(2026, 10, 9));
        api.importFixture("reconciliation/recon-initial-835.edi");
        for (int i = 1; i <= 6; i++) {
            String pcn = "RC000000" + i;
            cases.put(pcn, api.openId(api.claimId(pcn), "2026-10-09"));
        }
        denials.sync(List.of(api.claimId("RD0000001")));
        for (long id : cases.values()) {
            toDetermination(id);
        }
        // paper checks typed in before any 835 shows them
        api.event(cases.get("RC0000005"), "PAYMENT_RECEIVED", "2027-02-01", "1764.00");
        api.event(cases.get("RC0000006"), "PAYMENT_RECEIVED", "2027-02-01", "1000.00");

        clock.today(LocalDate.of(2027, 2, 6));
        api.importFixture("reconciliation/recon-award-payments-835.edi");
        api.importFixture("reconciliation/recon-award-payments-835.edi"); // the same file uploaded again
        api.importFixture("reconciliation/recon-award-payments-restated-835.edi"); // the same payments in another interchange

        clock.today(LocalDate.of(2027, 2, 15));
        overdueFirst = (List<String>) client.retrieve(HttpRequest.POST("/api/v1/cases/overdue-check", "").bearerAuth(finance(Roles.ADMIN)),
                Map.class).get("markedOverdue");
        clock.today(LocalDate.of(2027, 2, 16));
        overdueSecond = (List<String>) client.retrieve(HttpRequest.POST("/api/v1/cases/overdue-check", "").bearerAuth(finance(Roles.ADMIN)),
                Map.class).get("markedOverdue");

        clock.today(LocalDate.of(2027, 2, 21));
        api.importFixture("reconciliation/recon-late-partial-835.edi");
        api.importFixture("reconciliation/recon-manual-seen-835.edi");
    }

    @AfterAll
    void resetClock() {
        clock.reset();
    }

    private String finance(String role) {
        return accounts.token(client, role);
    }

    private void toDetermination(long id) {
        api.event(id, "OPEN_NEGOTIATION_STARTED", "2026-10-15", null);
        api.event(id, "IDR_INITIATED", "2026-11-30", null);
        api.event(id, "FEE_PAID", "2026-11-30", "15.00", "feeKind", "ADMIN");
        api.event(id, "IDRE_SELECTED", "2026-12-03", null);
        api.event(id, "OFFER_SUBMITTED", "2026-12-10", "2100.00");
        api.event(id, "PAYER_OFFER_RECEIVED", "2026-12-10", "480.00");
        api.event(id, "FEE_PAID", "2026-12-10", "395.00", "feeKind", "IDRE");
        api.event(id, "DETERMINATION_ISSUED", "2027-01-12", "2100.00");
    }

    private Map<String, Object> kase(String pcn) {
        return api.get(cases.get(pcn));
    }

    private List<CasePayment> paymentsOf(String pcn) {
        return payments.findByCaseIdOrderById(cases.get(pcn));
    }

    private List<Map<String, Object>> queue() {
        return client.retrieve(HttpRequest.GET("/api/v1/reconciliation/unmatched").bearerAuth(finance), Argument.listOf(Argument.mapOf(String.class, Object.class)));
    }

    private List<Map<String, Object>> queued(String reason) {
        return queue().stream().filter(u -> reason.equals(u.get("reason"))).toList();
    }

    private static BigDecimal money(Object o) {
        return new BigDecimal(o.toString()).setScale(2);
    }

    private static void assertRemittance(CasePayment p, String amount, String date, String pccn, String trace, boolean late) {
        assertEquals(PaymentSource.REMITTANCE, p.source());
        assertEquals(new BigDecimal(amount), p.amount());
        assertEquals(LocalDate.parse(date), p.paymentDate());
        assertEquals(pccn, p.payerClaimControlNumber());
        assertEquals(trace, p.trace());
        assertEquals(late, p.late());
        assertTrue(p.importId() != null && p.caseEventId() != null, "the payment names its import and its case event");
    }

    @Test
    @Order(1)
    void awardPaidByReversalAndCorrectedClaimIsTheDifference() {
        // −268.80 (reversal) + 2,032.80 (corrected claim) = +1,764.00 = owed → PAID, paid 02/05, before the 02/11 due date
        Map<String, Object> c = kase("RC0000001");
        assertEquals("PAID", c.get("stage"));
        assertEquals(1764.00, CaseApi.money(c, "paymentsReceived"), 0.001);
        assertEquals(0.00, CaseApi.money(c, "outstanding"), 0.001);
        List<CasePayment> ps = paymentsOf("RC0000001");
        assertEquals(1, ps.size(), ps.toString());
        assertRemittance(ps.get(0), "1764.00", "2027-02-05", "ERARC0000001A", "EFT20270205", false);
    }

    @Test
    @Order(2)
    void supplementalClpPaysTheAward() {
        Map<String, Object> c = kase("RC0000002");
        assertEquals("PAID", c.get("stage"));
        List<CasePayment> ps = paymentsOf("RC0000002");
        assertEquals(1, ps.size(), ps.toString());
        assertRemittance(ps.get(0), "1764.00", "2027-02-05", "ERARC0000002B", "EFT20270205", false);
    }

    @Test
    @Order(3)
    void plbInterestGoesToTheQueueOnce() {
        // PLB*…*L6:RC0000002*-12.34: the payer adds 12.34 interest to the check (BPR 5,950.74 = claims 5,938.40 + 12.34)
        List<Map<String, Object>> plb = queued("PROVIDER_ADJUSTMENT");
        assertEquals(1, plb.size(), "the restated 835 repeats the PLB; it is queued once: " + plb);
        assertEquals(new BigDecimal("12.34"), money(plb.get(0).get("amount")));
        assertEquals("2027-02-05", plb.get(0).get("paymentDate"));
        assertEquals("EFT20270205", plb.get(0).get("trace"));
        assertTrue(plb.get(0).get("detail").toString().contains("L6 (interest owed) reference RC0000002"), plb.toString());
        assertNull(plb.get(0).get("claimId"));
    }

    @Test
    @Order(4)
    void overpaymentPaysWhatIsOwedAndQueuesTheRest() {
        // 2,000.00 received, 1,764.00 owed → 1,764.00 on the case (PAID), 2,000.00 − 1,764.00 = 236.00 queued
        Map<String, Object> c = kase("RC0000004");
        assertEquals("PAID", c.get("stage"));
        assertEquals(1764.00, CaseApi.money(c, "paymentsReceived"), 0.001);
        List<CasePayment> ps = paymentsOf("RC0000004");
        assertEquals(1, ps.size(), ps.toString());
        assertRemittance(ps.get(0), "1764.00", "2027-02-05", "ERARC0000004B", "EFT20270205", false);
        List<Map<String, Object>> over = queued("OVERPAYMENT").stream()
                .filter(u -> ((Number) u.get("caseId")).longValue() == cases.get("RC0000004")).toList();
        assertEquals(1, over.size(), over.toString());
        assertEquals(new BigDecimal("236.00"), money(over.get(0).get("amount")));
        assertTrue(over.get(0).get("detail").toString().contains("exceeds the 1764.00 owed"), over.toString());
    }

    @Test
    @Order(5)
    void denialOverturnedByALaterRemittanceIsRecovered() {
        long lineId = claimLines.findByClaimIdOrderByLineNumber(api.claimId("RD0000001")).get(0).id();
        Denial d = denials.forClaimLines(List.of(lineId)).get(0);
        assertEquals(DenialStatus.RECOVERED, d.status());
        assertEquals(new BigDecimal("410.40"), d.recoveredAmount(), "the supplemental CLP paid 410.40 on the denied 62323 line");
    }

    @Test
    @Order(6)
    void duplicateFileAndRestatedRemittanceChangeNothing() {
        // the 02/05 payments were offered three times (original, same bytes again, restated); every figure above counts them once
        api.importFixture("reconciliation/recon-award-payments-restated-835.edi");
        for (String pcn : List.of("RC0000001", "RC0000002", "RC0000004")) {
            assertEquals(1, paymentsOf(pcn).size(), pcn);
            assertEquals(1764.00, CaseApi.money(kase(pcn), "paymentsReceived"), 0.001, pcn);
        }
        assertEquals(1, queued("PROVIDER_ADJUSTMENT").size());
        assertEquals(1, queued("OVERPAYMENT").size());
        long lineId = claimLines.findByClaimIdOrderByLineNumber(api.claimId("RD0000001")).get(0).id();
        assertEquals(new BigDecimal("410.40"), denials.forClaimLines(List.of(lineId)).get(0).recoveredAmount());
    }

    @Test
    @Order(7)
    void partialPaymentAfterTheDueDateIsLateAndLeavesTheRestOutstanding() {
        String number = (String) kase("RC0000003").get("caseNumber");
        assertTrue(overdueFirst.contains(number), "unpaid on 02/15, after the 02/11 due date: PAYMENT_OVERDUE " + overdueFirst);
        assertFalse(overdueSecond.contains(number), "raised once: " + overdueSecond);
        Map<String, Object> c = kase("RC0000003");
        assertEquals("PAYMENT_OVERDUE", c.get("stage"), "a partial payment leaves the award overdue");
        assertEquals(1000.00, CaseApi.money(c, "paymentsReceived"), 0.001);
        assertEquals(764.00, CaseApi.money(c, "outstanding"), 0.001, "1,764.00 − 1,000.00");
        List<CasePayment> ps = paymentsOf("RC0000003");
        assertEquals(1, ps.size(), ps.toString());
        assertRemittance(ps.get(0), "1000.00", "2027-02-20", "ERARC0000003B", "EFT20270220", true);
    }

    @Test
    @Order(8)
    void manualPaymentLaterSeenInAnRemittanceIsNotCountedTwice() {
        Map<String, Object> c = kase("RC0000005");
        assertEquals("PAID", c.get("stage"));
        assertEquals(1764.00, CaseApi.money(c, "paymentsReceived"), 0.001, "the paper check and the 835 are the same 1,764.00");
        List<CasePayment> ps = paymentsOf("RC0000005");
        assertEquals(1, ps.size(), ps.toString());
        assertEquals(PaymentSource.MANUAL, ps.get(0).source());
        assertEquals(LocalDate.parse("2027-02-03"), ps.get(0).confirmedOn());
        assertEquals("CHK20270203", ps.get(0).confirmedTrace());

        // 1,000.00 typed in on 02/01, an 835 of 1,764.00 on 02/03: not certain, so finance is asked
        Map<String, Object> c6 = kase("RC0000006");
        assertEquals(1000.00, CaseApi.money(c6, "paymentsReceived"), 0.001);
        List<Map<String, Object>> ask = queued("POSSIBLE_MANUAL");
        assertEquals(1, ask.size(), ask.toString());
        assertEquals(new BigDecimal("1764.00"), money(ask.get(0).get("amount")));
        assertTrue(ask.get(0).get("detail").toString().contains("possibly the manual payment of 2027-02-01 (1000.00)"), ask.toString());
    }

    @Test
    @Order(9)
    @SuppressWarnings("unchecked")
    void financeAssignsAQueuedPaymentToACaseInOneStep() {
        Map<String, Object> plb = queued("PROVIDER_ADJUSTMENT").get(0);
        long id = ((Number) plb.get("id")).longValue();
        Map<String, Object> done = client.retrieve(HttpRequest.POST("/api/v1/reconciliation/unmatched/" + id + "/resolve",
                Map.of("caseId", cases.get("RC0000003"))).bearerAuth(finance), Map.class);
        assertEquals("ASSIGNED", done.get("status"));
        // 1,000.00 + 12.34 = 1,012.34 received; 1,764.00 − 1,012.34 = 751.66 outstanding
        Map<String, Object> c = kase("RC0000003");
        assertEquals(1012.34, CaseApi.money(c, "paymentsReceived"), 0.001);
        assertEquals(751.66, CaseApi.money(c, "outstanding"), 0.001);
        CasePayment assigned = paymentsOf("RC0000003").get(1);
        assertEquals(PaymentSource.QUEUE, assigned.source());
        assertEquals(new BigDecimal("12.34"), assigned.amount());
        assertTrue(queued("PROVIDER_ADJUSTMENT").isEmpty(), "resolved items leave the open queue");
    }

    @Inject
    io.arbiter.reports.FinanceCases financeCases;

    /**
     * Finance sees the bank's record apart from what was typed in: RC0000003 received 1,000.00 from an 835 after its
     * 02/11 due date (late) and 12.34 assigned from the queue; RC0000005's 1,764.00 was typed in (a later 835 confirmed
     * it, so it is not counted again); RC0000006's 1,000.00 was typed in. Remittances 1,012.34 + typed in 2,764.00 =
     * the 3,776.34 recovered on the three.
     */
    @Test
    @Order(10)
    void theRecoveriesReportSeparatesTheBanksRecordFromWhatWasTypedIn() {
        Map<Long, io.arbiter.reports.FinanceCase> mine = financeCases.openedIn(null, null, io.arbiter.security.PracticeAccess.EVERY).stream()
                .filter(f -> List.of(cases.get("RC0000003"), cases.get("RC0000005"), cases.get("RC0000006")).contains(f.id()))
                .collect(java.util.stream.Collectors.toMap(io.arbiter.reports.FinanceCase::id, f -> f));
        io.arbiter.reports.FinanceCase late = mine.get(cases.get("RC0000003"));
        assertEquals(new BigDecimal("1012.34"), late.receivedFromRemittances());
        assertEquals(new BigDecimal("1000.00"), late.paidLate());
        assertEquals(new BigDecimal("1764.00"), mine.get(cases.get("RC0000005")).receivedManually());
        assertEquals(new BigDecimal("0.00"), mine.get(cases.get("RC0000005")).receivedFromRemittances());
        io.arbiter.reports.RecoveryRow row = io.arbiter.reports.RecoveryReport.row("three", List.copyOf(mine.values()));
        assertEquals(new BigDecimal("1012.34"), row.receivedFromRemittances());
        assertEquals(new BigDecimal("2764.00"), row.receivedManually());
        assertEquals(new BigDecimal("1000.00"), row.paidLate());
        assertEquals(row.recovered(), row.receivedFromRemittances().add(row.receivedManually()), "the sources add up to what was recovered");
    }

    /**
     * The trend and the speed finance asked for, on this story's six cases (all decided 2027-01-12, payer ACME): in February
     * 2027 the bank's record is 1,764.00 × 3 (RC1, RC2, RC4) + 1,000.00 (RC3) + 12.34 (PLB assigned to RC3) = 6,304.34 and
     * typed in 1,764.00 (RC5) + 1,000.00 (RC6) = 2,764.00. First payments: RC5, RC6 on 02/01 (20 days); RC1, RC2, RC4 and
     * RC3 (the 12.34 assigned from the queue is dated 02/05) on 02/05 (24 days): median (24 + 24) / 2 = 24.0, average
     * (2 × 20 + 4 × 24) / 6 = 136 / 6 = 22.7, slowest 24.
     */
    @Test
    @Order(11)
    void financeSeesTheMonthlyTrendBySourceAndDaysFromDecisionToPaymentByPayer() {
        java.util.Set<Long> mine = new java.util.HashSet<>(cases.values());
        List<io.arbiter.cases.CaseEvent> events = financeCases.cashEvents(null, null, io.arbiter.security.PracticeAccess.EVERY).stream()
                .filter(e -> mine.contains(e.caseId())).toList();
        io.arbiter.reports.CashReceived cash = io.arbiter.reports.CashReceived.of(null, null, events, financeCases.paymentSources(events));
        assertEquals(1, cash.months().size(), cash.toString());
        io.arbiter.reports.CashReceived.Month feb = cash.months().get(0);
        assertEquals("2027-02", feb.month());
        assertEquals(new BigDecimal("6304.34"), feb.fromRemittances());
        assertEquals(new BigDecimal("2764.00"), feb.typedIn());
        assertEquals(new BigDecimal("9068.34"), feb.paymentsReceived());

        List<io.arbiter.reports.FinanceCase> decided = financeCases.openedIn(null, null, io.arbiter.security.PracticeAccess.EVERY).stream()
                .filter(f -> mine.contains(f.id())).toList();
        List<io.arbiter.reports.PaymentSpeed> speed = io.arbiter.reports.PaymentSpeed.byPayer(decided, LocalDate.of(2027, 3, 1));
        assertEquals(1, speed.size(), speed.toString());
        io.arbiter.reports.PaymentSpeed acme = speed.get(0);
        assertEquals("ACME HEALTH PLAN", acme.payer());
        assertEquals(6, acme.paid());
        assertEquals(new BigDecimal("24.0"), acme.medianDays());
        assertEquals(new BigDecimal("22.7"), acme.averageDays());
        assertEquals(24, acme.slowestDays());
        assertEquals(0, acme.awaiting());
    }
}
