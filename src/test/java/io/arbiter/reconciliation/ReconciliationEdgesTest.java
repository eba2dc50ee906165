package io.arbiter.reconciliation;

import io.arbiter.cases.CasePayment;
import io.arbiter.cases.CasePayments;
import io.arbiter.cases.PaymentSource;
import io.arbiter.claims.ClaimLines;
import io.arbiter.common.Jdbc;
import io.arbiter.denials.Denial;
import io.arbiter.denials.DenialService;
import io.arbiter.denials.DenialStatus;
import io.arbiter.security.Roles;
import io.arbiter.support.CaseApi;
import io.arbiter.support.TestAccounts;
import io.arbiter.support.TestClock;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
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
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The paths of issue 17 that a clean award does not take, on the real MariaDB through the real import. Five ACME claims
 * are paid 268.80 on 2026-10-08 (64483 billed 2,400.00, allowed 336.00, patient share 67.20) and RE0000005 (62323, 1,800.00)
 * is denied CO-50 (fixtures/x12/reconciliation/recon-edges-*.edi). Decided cases: 2,100.00 on 2027-01-12, so
 * owed = 2,100.00 − 67.20 − 268.80 = 1,764.00.
 *
 * <pre>
 * claim      case                       what arrives (02/05 file unless said)                   expected
 * RE0000001  withdrawn 10/20            supplemental 900.00                                     queued CLOSED_CASE 900.00
 * RE0000002  open negotiation only      supplemental 500.00 (+ PLB WO 150.00 withheld)           queued OVERPAYMENT "nothing is decided"; PLB −150.00
 * RE0000003  decided                    reversal −268.80 alone; 02/10 corrected claim 2,032.80   nothing until 02/10, then +1,764.00 → PAID
 * RE0000004  decided, checks 500 ×2     supplemental 500.00                                     queued POSSIBLE_MANUAL → finance confirms one
 * RX0000001  (never seen)               reversal −300.00 + corrected 710.40                     queued UNKNOWN_CLAIM 410.40 → assigned to RE5's denial
 * RE0000006  decided                    1,764.00 stored by an import whose matching never ran   the sweep records it, once
 * </pre>
 */
@MicronautTest(transactional = false)
@io.micronaut.context.annotation.Property(name = "arbiter.intake.commercial-plan-type", value = "SELF_FUNDED_ERISA")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReconciliationEdgesTest {

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
    @Inject
    Reconciler reconciler;
    @Inject
    Jdbc jdbc;

    BlockingHttpClient client;
    CaseApi api;
    String finance;
    final Map<String, Long> cases = new HashMap<>();
    Map<String, Object> takeBackAlone;
    List<CasePayment> takeBackAlonePayments;

    @BeforeAll
    void story() {
        client = http.toBlocking();
        api = new CaseApi(client, accounts.token(client, Roles.SPECIALIST), clock);
        finance = accounts.token(client, Roles.FINANCE);
        clock.today(LocalDate.of(2026, 10, 9));
        api.importFixture("reconciliation/recon-edges-initial-835.edi");
        for (String pcn : List.of("RE0000001", "RE0000002", "RE0000003", "RE0000004", "RE0000006")) {
            cases.put(pcn, api.openId(api.claimId(pcn), "2026-10-09"));
        }
        denials.sync(List.of(api.claimId("RE0000005")));
        api.event(cases.get("RE0000001"), "OPEN_NEGOTIATION_STARTED", "2026-10-15", null);
        api.event(cases.get("RE0000001"), "WITHDRAWN", "2026-10-20", null);
        api.event(cases.get("RE0000002"), "OPEN_NEGOTIATION_STARTED", "2026-10-15", null);
        for (String pcn : List.of("RE0000003", "RE0000004", "RE0000006")) {
            toDetermination(cases.get(pcn));
        }
        api.event(cases.get("RE0000004"), "PAYMENT_RECEIVED", "2027-01-25", "500.00");
        api.event(cases.get("RE0000004"), "PAYMENT_RECEIVED", "2027-02-01", "500.00");

        clock.today(LocalDate.of(2027, 2, 6));
        api.importFixture("reconciliation/recon-edges-payments-835.edi");
        takeBackAlone = kase("RE0000003");
        takeBackAlonePayments = paymentsOf("RE0000003");
        clock.today(LocalDate.of(2027, 2, 11));
        api.importFixture("reconciliation/recon-edges-correction-835.edi");
    }

    @AfterAll
    void resetClock() {
        clock.reset();
    }

    private void toDetermination(long id) {
        api.event(id, "OPEN_NEGOTIATION_STARTED", "2026-10-15", null);
        api.event(id, "IDR_INITIATED", "2026-11-30", null);
        api.event(id, "IDRE_SELECTED", "2026-12-03", null);
        api.event(id, "OFFER_SUBMITTED", "2026-12-10", "2100.00");
        api.event(id, "DETERMINATION_ISSUED", "2027-01-12", "2100.00");
    }

    private Map<String, Object> kase(String pcn) {
        return api.get(cases.get(pcn));
    }

    private List<CasePayment> paymentsOf(String pcn) {
        return payments.findByCaseIdOrderById(cases.get(pcn));
    }

    private List<Map<String, Object>> queue(boolean all) {
        return client.retrieve(HttpRequest.GET("/api/v1/reconciliation/unmatched" + (all ? "?all=true" : "")).bearerAuth(finance),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
    }

    private Map<String, Object> queued(String reason, String detailPart) {
        List<Map<String, Object>> found = queue(false).stream().filter(u -> reason.equals(u.get("reason")))
                .filter(u -> u.get("detail").toString().contains(detailPart)).toList();
        assertEquals(1, found.size(), reason + " " + detailPart + " in " + queue(false));
        return found.get(0);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> resolve(Map<String, Object> item, Map<String, Object> body) {
        return client.retrieve(HttpRequest.POST("/api/v1/reconciliation/unmatched/" + ((Number) item.get("id")).longValue() + "/resolve", body)
                .bearerAuth(finance), Map.class);
    }

    private static BigDecimal money(Object o) {
        return new BigDecimal(o.toString()).setScale(2);
    }

    private Denial denialOf(String pcn) {
        long lineId = claimLines.findByClaimIdOrderByLineNumber(api.claimId(pcn)).get(0).id();
        return denials.forClaimLines(List.of(lineId)).get(0);
    }

    @Test
    @Order(1)
    void paymentOnAWithdrawnCaseGoesToTheQueue() {
        Map<String, Object> c = kase("RE0000001");
        assertEquals("WITHDRAWN", c.get("stage"));
        assertEquals(0.00, CaseApi.money(c, "paymentsReceived"), 0.001);
        Map<String, Object> q = queued("CLOSED_CASE", "is WITHDRAWN");
        assertEquals(new BigDecimal("900.00"), money(q.get("amount")));
        assertEquals(cases.get("RE0000001").longValue(), ((Number) q.get("caseId")).longValue());
        assertTrue(q.get("detail").toString().contains("is WITHDRAWN"), q.toString());
        assertEquals("EFT20270205E", q.get("trace"));
    }

    @Test
    @Order(2)
    void paymentBeforeAnyDecisionIsNotCountedAsOwedMoney() {
        Map<String, Object> c = kase("RE0000002");
        assertEquals(0.00, CaseApi.money(c, "paymentsReceived"), 0.001, "nothing is owed before a decision");
        assertTrue(paymentsOf("RE0000002").isEmpty());
        Map<String, Object> q = queued("OVERPAYMENT", "nothing is decided (owed) yet on case " + c.get("caseNumber"));
        assertEquals(new BigDecimal("500.00"), money(q.get("amount")));
    }

    @Test
    @Order(3)
    void aTakeBackAloneWaitsForItsCorrectedClaimThenCountsTheDifference() {
        // 02/05: −268.80 only — no payment, no queue item, the stage unchanged
        assertEquals("DETERMINED", takeBackAlone.get("stage"));
        assertEquals(0.00, CaseApi.money(takeBackAlone, "paymentsReceived"), 0.001);
        assertTrue(takeBackAlonePayments.isEmpty());
        assertTrue(queue(true).stream().noneMatch(u -> cases.get("RE0000003").equals(u.get("caseId") == null ? null
                : ((Number) u.get("caseId")).longValue())), "a take-back is never queued as money");
        // 02/10: + 2,032.80 → −268.80 + 2,032.80 = 1,764.00 = owed
        Map<String, Object> c = kase("RE0000003");
        assertEquals("PAID", c.get("stage"));
        List<CasePayment> ps = paymentsOf("RE0000003");
        assertEquals(1, ps.size(), ps.toString());
        assertEquals(PaymentSource.REMITTANCE, ps.get(0).source());
        assertEquals(new BigDecimal("1764.00"), ps.get(0).amount());
        assertEquals(LocalDate.of(2027, 2, 10), ps.get(0).paymentDate());
        assertEquals("EFT20270210E", ps.get(0).trace());
    }

    @Test
    @Order(4)
    void twoPaperChecksOfTheSameAmountMakeFinanceChooseAndConfirmingAddsNothing() {
        Map<String, Object> q = queued("POSSIBLE_MANUAL", "RE");
        assertEquals(new BigDecimal("500.00"), money(q.get("amount")));
        assertTrue(q.get("detail").toString().contains("2027-01-25 (500.00), 2027-02-01 (500.00)"), q.toString());
        CasePayment second = paymentsOf("RE0000004").get(1);
        Map<String, Object> done = resolve(q, Map.of("manualPaymentId", second.id()));
        assertEquals("ASSIGNED", done.get("status"));
        List<CasePayment> ps = paymentsOf("RE0000004");
        assertEquals(2, ps.size(), "confirming adds no payment: " + ps);
        assertTrue(ps.get(1).confirmed());
        assertEquals(LocalDate.of(2027, 2, 5), ps.get(1).confirmedOn());
        assertEquals(1000.00, CaseApi.money(kase("RE0000004"), "paymentsReceived"), 0.001);
    }

    @Test
    @Order(5)
    void aClaimFirstSeenReversedIsQueuedAndFinanceAssignsItToADenial() {
        // −300.00 + 710.40 = 410.40 on a claim Arbiter never saw paid
        Map<String, Object> q = queued("UNKNOWN_CLAIM", "claim RX0000001 was first seen");
        assertEquals(new BigDecimal("410.40"), money(q.get("amount")));
        assertEquals("ERARX0000001A", q.get("payerClaimControlNumber"));
        Denial d = denialOf("RE0000005");
        assertEquals(DenialStatus.OPEN, d.status(), d.toString());
        Map<String, Object> done = resolve(q, Map.of("denialId", d.id()));
        assertEquals("ASSIGNED", done.get("status"));
        assertEquals(d.id().longValue(), ((Number) done.get("assignedDenialId")).longValue());
        Denial after = denialOf("RE0000005");
        assertEquals(new BigDecimal("410.40"), after.recoveredAmount());
        // the same item cannot be resolved twice
        HttpClientResponseException again = assertThrows(HttpClientResponseException.class, () -> resolve(q, Map.of("denialId", d.id())));
        assertEquals(HttpStatus.CONFLICT, again.getStatus());
    }

    @Test
    @Order(6)
    void aWithheldAmountIsDismissedWithAReasonNotAssigned() {
        Map<String, Object> wo = queued("PROVIDER_ADJUSTMENT", "WO");
        assertEquals(new BigDecimal("-150.00"), money(wo.get("amount")), "PLB WO 150.00 is withheld from the check");
        HttpClientResponseException assign = assertThrows(HttpClientResponseException.class,
                () -> resolve(wo, Map.of("caseId", cases.get("RE0000002"))));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, assign.getStatus());
        HttpClientResponseException noNote = assertThrows(HttpClientResponseException.class, () -> resolve(wo, Map.of("dismiss", true)));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, noNote.getStatus());
        Map<String, Object> done = resolve(wo, Map.of("dismiss", true, "note", "recoups the 2026 overpayment on another account"));
        assertEquals("DISMISSED", done.get("status"));
        assertEquals("finance-t", done.get("resolvedBy"), "the test account of the finance role");
        assertTrue(queue(false).stream().noneMatch(u -> u.get("id").equals(wo.get("id"))));
    }

    @Test
    @Order(7)
    void theSweepMatchesWhatAnImportStoredBeforeItsInstanceDied() {
        long claimId = api.claimId("RE0000006");
        // the row an 835 import commits; its instance died before the matching that follows the commit
        jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO remittance (claim_id, import_id, patient_control_number,"
                    + " payer_claim_control_number, payer_id, claim_status_code, total_charge, total_paid, patient_responsibility,"
                    + " payment_date, payment_trace, reversal, created_at) SELECT claim_id, import_id, patient_control_number,"
                    + " 'ERARE0000006S', payer_id, '1', 0, 1764.00, 0, DATE '2027-02-05', 'EFT20270205X', FALSE, created_at"
                    + " FROM remittance WHERE claim_id = ? ORDER BY id LIMIT 1")) {
                ps.setLong(1, claimId);
                ps.executeUpdate();
            }
            return null;
        });
        assertTrue(paymentsOf("RE0000006").isEmpty());
        reconciler.sweep();
        reconciler.sweep();
        List<CasePayment> ps = paymentsOf("RE0000006");
        assertEquals(1, ps.size(), "recorded once however often the sweep runs: " + ps);
        assertEquals(new BigDecimal("1764.00"), ps.get(0).amount());
        assertEquals("EFT20270205X", ps.get(0).trace());
        assertEquals("PAID", kase("RE0000006").get("stage"));
    }
}
