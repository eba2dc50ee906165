package io.arbiter.cases;

import io.arbiter.claims.Claim;
import io.arbiter.security.Roles;
import io.arbiter.support.CaseApi;
import io.arbiter.support.ClaimFixtures;
import io.arbiter.support.TestAccounts;
import io.arbiter.support.TestClock;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A federal IDR case from an underpaid NSA claim to money in the bank, through the HTTP API, day by day
 * on a controlled clock (42 U.S.C. 300gg-111(c); deadlines per federal-idr.md §2 and deadline-computation.md).
 */
@MicronautTest(transactional = false)
@io.micronaut.context.annotation.Property(name = "arbiter.intake.commercial-plan-type", value = "SELF_FUNDED_ERISA")
class FederalIdrCaseLifecycleTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    TestAccounts accounts;

    @Inject
    ClaimFixtures fixtures;

    @Inject
    TestClock clock;

    BlockingHttpClient client;
    String specialist;

    @BeforeEach
    void setUp() {
        client = http.toBlocking();
        specialist = accounts.token(client, Roles.SPECIALIST);
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    private Map<String, Object> event(long caseId, String type, String date, String amount, String... extra) {
        return new CaseApi(client, specialist, clock).event(caseId, type, date, amount, extra);
    }

    private static String due(Map<String, Object> c, String key) {
        return CaseApi.due(c, key);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> money(Map<String, Object> c) {
        return (Map<String, Object>) c.get("money");
    }

    private static double amount(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }

    private long importedClaim(String pcn) {
        CaseApi api = new CaseApi(client, specialist, clock);
        api.importFixture("acme-self-funded-835.edi");
        return api.claimId(pcn);
    }

    @Test
    @SuppressWarnings("unchecked")
    void federalCaseFromImportedRemittanceToPayment() throws Exception {
        // LS03000002 in the ACME 835: 63650 × 2 at an ASC, allowed 2,428.20, paid 1,942.56, patient share 485.64,
        // RARCs N865/N877/N830, payment date (BPR16/DTM*405) 2026-10-08
        long claimId = importedClaim("LS03000002");
        clock.today(LocalDate.of(2026, 10, 9));

        var created = client.exchange(HttpRequest.POST("/api/v1/cases", Map.of("claimIds", List.of(claimId))).bearerAuth(specialist), Map.class);
        assertEquals(HttpStatus.CREATED, created.getStatus());
        Map<String, Object> c = created.body();
        long id = ((Number) c.get("id")).longValue();
        assertEquals("FEDERAL_IDR", c.get("track"));
        assertEquals("DRAFT", c.get("stage"));
        assertEquals("2026-10-08", c.get("initialPaymentReceived"), "taken from the remittance payment date");
        assertTrue(((List<?>) c.get("eligibility")).size() >= 7, "every federal eligibility gate is reported");
        // BD 1 = Thu 2026-10-08; Columbus Day 10-12 and Veterans Day 11-11 skipped → BD 30 = 2026-11-20
        assertEquals("2026-11-20", due(c, "OPEN_NEGOTIATION_NOTICE_DUE"));
        assertEquals(Map.of("key", "OPEN_NEGOTIATION_NOTICE_DUE", "dueDate", "2026-11-20"), c.get("nextDeadline"));
        assertEquals(1942.56, amount(money(c), "initialPayment"), 0.001);
        assertEquals(485.64, amount(money(c), "costSharing"), 0.001);

        clock.today(LocalDate.of(2026, 10, 15));
        c = event(id, "OPEN_NEGOTIATION_STARTED", "2026-10-15", null);
        assertEquals("OPEN_NEGOTIATION", c.get("stage"));
        // ONP BD 1 = 10-15 … Veterans Day and Thanksgiving (11-26) skipped → BD 30 = Fri 2026-11-27;
        // the 4-BD initiation window runs Mon 11-30 … Thu 12-03
        assertEquals("2026-11-27", due(c, "OPEN_NEGOTIATION_ENDS"));
        assertEquals("2026-11-30", due(c, "IDR_INITIATION_WINDOW_OPENS"));
        assertEquals("2026-12-03", due(c, "IDR_INITIATION_DUE"));
        assertEquals("IDR_INITIATION_DUE", ((Map<String, Object>) c.get("nextDeadline")).get("key"),
                "the notice deadline is met once open negotiation started");

        clock.today(LocalDate.of(2026, 11, 20));
        var early = assertThrows(HttpClientResponseException.class, () -> event(id, "IDR_INITIATED", "2026-11-20", null));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, early.getStatus());
        assertTrue(early.getResponse().getBody(Map.class).orElseThrow().get("detail").toString().contains("2026-11-30"));
        var impossible = assertThrows(HttpClientResponseException.class, () -> event(id, "DETERMINATION_ISSUED", "2026-11-20", "100.00"));
        assertEquals(HttpStatus.CONFLICT, impossible.getStatus());

        clock.today(LocalDate.of(2026, 12, 1));
        Map<String, Object> check = client.retrieve(HttpRequest.POST("/api/v1/cases/overdue-check", "").bearerAuth(specialist), Map.class);
        assertTrue(((List<String>) check.get("readyToInitiate")).contains(c.get("caseNumber")));
        c = event(id, "IDR_INITIATED", "2026-12-01", null);
        assertEquals("IDR_INITIATED", c.get("stage"));
        // Initiated on or after 2026-06-11: the administrative fee is $15 per party (federal-idr.md §3)
        c = event(id, "FEE_PAID", "2026-12-01", "15.00", "feeKind", "ADMIN");

        clock.today(LocalDate.of(2026, 12, 3));
        c = event(id, "IDRE_SELECTED", "2026-12-03", null);
        assertEquals("IDRE_SELECTED", c.get("stage"));
        // 10 BD after 12-03 → 2026-12-17; 30 BD after 12-03, skipping 12-25, 01-01 and MLK Day 01-18 → 2027-01-19
        assertEquals("2026-12-17", due(c, "OFFER_AND_FEES_DUE"));
        assertEquals("2027-01-19", due(c, "DETERMINATION_DUE"));

        clock.today(LocalDate.of(2026, 12, 10));
        c = event(id, "OFFER_SUBMITTED", "2026-12-10", "9500.00");
        assertEquals("OFFERS_SUBMITTED", c.get("stage"));
        c = event(id, "PAYER_OFFER_RECEIVED", "2026-12-10", "2428.20");
        c = event(id, "FEE_PAID", "2026-12-10", "395.00", "feeKind", "IDRE");

        clock.today(LocalDate.of(2027, 1, 12));
        c = event(id, "DETERMINATION_ISSUED", "2027-01-12", "9500.00");
        assertEquals("DETERMINED", c.get("stage"));
        assertEquals("WON", c.get("outcome"), "the IDRE chose the provider's offer");
        // owed = determination 9,500.00 − cost sharing 485.64 − initial payment 1,942.56 = 7,071.80
        assertEquals(7071.80, amount(money(c), "owed"), 0.001);
        assertEquals(395.00, amount(money(c), "feeRefundDue"), 0.001, "the prevailing party's IDRE fee comes back");
        // payment 30 calendar days after the determination
        assertEquals("2027-02-11", due(c, "PAYMENT_DUE"));

        clock.today(LocalDate.of(2027, 2, 15));
        check = client.retrieve(HttpRequest.POST("/api/v1/cases/overdue-check", "").bearerAuth(specialist), Map.class);
        assertTrue(((List<String>) check.get("markedOverdue")).contains(c.get("caseNumber")));
        Map<String, Object> queue = client.retrieve(HttpRequest.GET("/api/v1/cases?stage=PAYMENT_OVERDUE").bearerAuth(specialist), Map.class);
        assertTrue(((List<Map<String, Object>>) queue.get("items")).stream().anyMatch(i -> ((Number) i.get("id")).longValue() == id),
                "overdue cases appear in the queue");

        clock.today(LocalDate.of(2027, 2, 16));
        c = event(id, "PAYMENT_RECEIVED", "2027-02-16", "5000.00");
        assertEquals("PAYMENT_OVERDUE", c.get("stage"), "a partial payment leaves the award overdue");
        assertEquals(2071.80, amount(money(c), "outstanding"), 0.001);
        c = event(id, "PAYMENT_RECEIVED", "2027-02-16", "2071.80");
        assertEquals("PAID", c.get("stage"));
        c = event(id, "FEE_REFUND_RECEIVED", "2027-02-16", "395.00");
        // net = 7,071.80 recovered − (15.00 + 395.00 fees − 395.00 refund) = 7,056.80
        assertEquals(7056.80, amount(money(c), "net"), 0.001);
        assertNull(c.get("nextDeadline"), "nothing left to do but close");
        c = event(id, "CLOSED", "2027-02-16", null);
        assertEquals("CLOSED", c.get("stage"));
        assertEquals(List.of(), c.get("allowedEvents"));
    }

    @Test
    void staleVersionAndUnknownEventAreRefused() {
        Claim claim = fixtures.nsaTfesiClaim("LSFED0002");
        clock.today(LocalDate.of(2026, 10, 9));
        Map<?, ?> c = client.retrieve(HttpRequest.POST("/api/v1/cases", Map.of("claimIds", List.of(claim.id()))).bearerAuth(specialist), Map.class);
        long id = ((Number) c.get("id")).longValue();
        long version = ((Number) c.get("version")).longValue();
        event(id, "NOTE", "2026-10-09", null, "note", "called the payer", "version", String.valueOf(version));
        var stale = assertThrows(HttpClientResponseException.class,
                () -> event(id, "NOTE", "2026-10-09", null, "note", "second edit from an old page", "version", String.valueOf(version)));
        assertEquals(HttpStatus.CONFLICT, stale.getStatus());
        var unknown = assertThrows(HttpClientResponseException.class, () -> event(id, "TELEPORTED", "2026-10-09", null));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, unknown.getStatus());
        clock.today(LocalDate.of(2026, 10, 9));
        var future = assertThrows(HttpClientResponseException.class, () -> client.exchange(HttpRequest.POST("/api/v1/cases/" + id + "/events",
                Map.of("type", "OPEN_NEGOTIATION_STARTED", "date", "2026-10-20")).bearerAuth(specialist), Map.class));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, future.getStatus());
        var again = assertThrows(HttpClientResponseException.class,
                () -> client.exchange(HttpRequest.POST("/api/v1/cases", Map.of("claimIds", List.of(claim.id()))).bearerAuth(specialist), Map.class));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, again.getStatus(), "a line already in an open case cannot be disputed twice");
    }

    @Test
    @SuppressWarnings("unchecked")
    void attorneysSeeSharedCasesOnlyAndFinanceReadsButCannotChange() {
        Claim shared = fixtures.nsaTfesiClaim("LSFED0003");
        Claim other = fixtures.nsaTfesiClaim("LSFED0004");
        clock.today(LocalDate.of(2026, 10, 9));
        long sharedId = ((Number) client.retrieve(HttpRequest.POST("/api/v1/cases", Map.of("claimIds", List.of(shared.id())))
                .bearerAuth(specialist), Map.class).get("id")).longValue();
        long otherId = ((Number) client.retrieve(HttpRequest.POST("/api/v1/cases", Map.of("claimIds", List.of(other.id())))
                .bearerAuth(specialist), Map.class).get("id")).longValue();
        String attorney = accounts.token(client, Roles.ATTORNEY);
        client.exchange(HttpRequest.POST("/api/v1/cases/" + sharedId + "/shares", Map.of("username", "attorney-t")).bearerAuth(specialist), Map.class);

        assertEquals(HttpStatus.OK, client.exchange(HttpRequest.GET("/api/v1/cases/" + sharedId).bearerAuth(attorney), Map.class).getStatus());
        var hidden = assertThrows(HttpClientResponseException.class,
                () -> client.exchange(HttpRequest.GET("/api/v1/cases/" + otherId).bearerAuth(attorney), Map.class));
        assertEquals(HttpStatus.NOT_FOUND, hidden.getStatus(), "an unshared case does not exist for the attorney");
        var packets = assertThrows(HttpClientResponseException.class,
                () -> client.exchange(HttpRequest.GET("/api/v1/cases/" + otherId + "/packets").bearerAuth(attorney), Map.class));
        assertEquals(HttpStatus.NOT_FOUND, packets.getStatus());
        Map<String, Object> list = client.retrieve(HttpRequest.GET("/api/v1/cases").bearerAuth(attorney), Map.class);
        List<Map<String, Object>> items = (List<Map<String, Object>>) list.get("items");
        assertEquals(1, items.size());
        assertEquals(sharedId, ((Number) items.get(0).get("id")).longValue());
        var noClaims = assertThrows(HttpClientResponseException.class,
                () -> client.exchange(HttpRequest.GET("/api/v1/claims/" + shared.id()).bearerAuth(attorney), Map.class));
        assertEquals(HttpStatus.FORBIDDEN, noClaims.getStatus());

        String finance = accounts.token(client, Roles.FINANCE);
        assertEquals(HttpStatus.OK, client.exchange(HttpRequest.GET("/api/v1/cases/" + otherId).bearerAuth(finance), Map.class).getStatus());
        var change = assertThrows(HttpClientResponseException.class, () -> client.exchange(HttpRequest.POST("/api/v1/cases/" + otherId + "/events",
                Map.of("type", "NOTE", "date", "2026-10-09")).bearerAuth(finance), Map.class));
        assertEquals(HttpStatus.FORBIDDEN, change.getStatus());
    }
}
