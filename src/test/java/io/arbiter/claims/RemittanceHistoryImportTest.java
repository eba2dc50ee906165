package io.arbiter.claims;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14 item 1 through the real import: a claim paid 2026-09-01, then reversed and re-paid (or supplemented) on
 * 2026-10-20 keeps 2026-09-01 as its initial payment (42 U.S.C. 300gg-111(c)(1)(A)); open negotiation must start
 * within the 30 business days beginning that day (2026-09-01 is day 1; Labor Day and Columbus Day skipped → 2026-10-14).
 */
@MicronautTest(transactional = false)
class RemittanceHistoryImportTest {

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    TestAccounts accounts;
    @Inject
    TestClock clock;
    @Inject
    ClaimRepository claims;
    @Inject
    ClaimReader reader;
    @Inject
    io.arbiter.intake.IntakeTestSupport intake;

    BlockingHttpClient client;
    String token;
    CaseApi api;

    @BeforeEach
    void setUp() {
        client = http.toBlocking();
        token = accounts.token(client, Roles.SPECIALIST);
        api = new CaseApi(client, token, clock);
        clock.today(LocalDate.of(2026, 10, 21));
        api.importFixture("ledger/ledger-initial-835.edi");
        api.importFixture("ledger/ledger-reversal-835.edi");
        api.importFixture("ledger/ledger-supplemental-835.edi");
    }

    private Claim claim(String pcn) {
        return claims.findById(api.claimId(pcn)).orElseThrow();
    }

    private Map<String, Object> get(String path) {
        return client.retrieve(HttpRequest.GET(path).bearerAuth(token), Argument.mapOf(String.class, Object.class));
    }

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    @SuppressWarnings("unchecked")
    void reversedAndRepaidClaimKeepsItsInitialPaymentDateAndATimelyOpenNegotiationPasses() {
        Claim c = claim("LG0000001");
        assertEquals(d("2026-09-01"), c.paymentDate(), "the clock's trigger is the initial payment, not the re-payment");
        assertEquals(new BigDecimal("410.40"), c.totalPaid());

        // The claim document carries the ledger: initial, reversal, correction, with dates, traces and amounts.
        Map<String, Object> doc = get("/api/v1/claims/" + c.id());
        assertEquals("2026-09-01", doc.get("paymentDate"));
        Map<String, Object> ledger = (Map<String, Object>) doc.get("ledger");
        assertEquals("2026-09-01", ledger.get("initialPaymentDate"));
        assertEquals("EFT00260901", ledger.get("initialTrace"));
        assertEquals(410.40, ((Number) ledger.get("netPaid")).doubleValue(), 0.001);
        List<Map<String, Object>> entries = (List<Map<String, Object>>) ledger.get("entries");
        assertEquals(List.of("INITIAL", "REVERSAL", "CORRECTION"), entries.stream().map(e -> e.get("kind")).toList());
        assertEquals(List.of("2026-09-01", "2026-10-20", "2026-10-20"), entries.stream().map(e -> e.get("paymentDate")).toList());
        assertEquals(List.of("EFT00260901", "EFT00261020", "EFT00261020"), entries.stream().map(e -> e.get("trace")).toList());
        assertEquals(List.of(310.40, -310.40, 410.40), entries.stream().map(e -> ((Number) e.get("paid")).doubleValue()).toList());
        assertEquals(List.of(true, true, false), entries.stream().map(e -> e.get("cancelled")).toList(),
                "the reversed payment and its reversal stay in the history, flagged");

        // Eligibility: open negotiation started 2026-10-05 is timely (due by 2026-10-14), not "before the initial payment".
        Map<String, Object> screen = get("/api/v1/claims/" + c.id() + "/eligibility?openNegotiationStarted=2026-10-05");
        Map<String, Object> gate = ((List<Map<String, Object>>) ((Map<String, Object>) screen.get("eligibility")).get("gates")).stream()
                .filter(g -> "OPEN_NEGOTIATION_TIMELY".equals(g.get("gate")))
                .findFirst().orElseThrow(() -> new AssertionError(screen.toString()));
        assertEquals("PASS", gate.get("status"), gate.toString());
        assertTrue(gate.get("reason").toString().contains("2026-10-14"), gate.toString());

        // A case opened on the claim takes the same trigger, and its notice deadline is 2026-10-14 (not 2026-12-02).
        Map<String, Object> opened = api.open(c.id(), "2026-10-21");
        assertEquals("2026-09-01", opened.get("initialPaymentReceived"));
        Map<String, Object> notice = ((List<Map<String, Object>>) opened.get("deadlines")).stream()
                .filter(x -> "OPEN_NEGOTIATION_NOTICE_DUE".equals(x.get("key"))).findFirst()
                .orElseThrow(() -> new AssertionError(opened.get("deadlines").toString()));
        assertEquals("2026-10-14", notice.get("dueDate"));
    }

    @Test
    void demoSupplementalPaymentKeepsTheDemoClaimsInitialDate() throws java.io.IOException {
        // The bundled demo files, imported the way DemoImports imports them: LS05000001 paid 2026-10-10 (299.66 on 62323),
        // supplemented 40.00 on 2026-11-18.
        for (String name : List.of("gulf-tpa-835.edi", "gulf-tpa-supplemental-835.edi")) {
            try (java.io.InputStream in = getClass().getResourceAsStream("/demo/x12/" + name)) {
                assertEquals("COMPLETED", intake.importBytes(name, in.readAllBytes()).status(), name);
            }
        }
        ClaimView view = reader.read(api.claimId("LS05000001"));
        assertEquals(d("2026-10-10"), view.paymentDate());
        assertEquals(List.of(RemittanceLedger.Kind.INITIAL, RemittanceLedger.Kind.SUPPLEMENTAL),
                view.ledger().entries().stream().map(RemittanceLedger.Entry::kind).toList());
        assertEquals(d("2026-11-18"), view.ledger().entries().get(1).paymentDate());
        assertEquals(new BigDecimal("339.66"), view.totalPaid());
        assertEquals(new BigDecimal("339.66"), view.lines().get(0).paid());
        assertEquals(new BigDecimal("2150.00"), view.totalCharge());
    }

    @Test
    void supplementOfOneLineAmongLinesOnDifferentDatesMovesNeitherTheClockNorTheOtherLine() {
        api.importFixture("ledger/ledger-two-dates-835.edi");
        api.importFixture("ledger/ledger-two-dates-supplemental-835.edi");
        ClaimView view = reader.read(api.claimId("LG0000003"));
        assertEquals(d("2026-09-01"), view.paymentDate());
        assertEquals(List.of(d("2026-08-03"), d("2026-08-17")), view.lines().stream().map(ClaimView.Line::serviceDate).toList());
        // 310.40 stays on the 08-03 line; the 08-17 line gets 310.40 + 120.00 = 430.40 (allowed 388.00 + 120.00 = 508.00)
        assertEquals(List.of(new BigDecimal("310.40"), new BigDecimal("430.40")), view.lines().stream().map(ClaimView.Line::paid).toList());
        assertEquals(0, new BigDecimal("508.00").compareTo(view.lines().get(1).allowed()));
        assertEquals(List.of(new BigDecimal("1800.00"), new BigDecimal("1800.00")),
                view.lines().stream().map(ClaimView.Line::charge).toList());
        assertEquals(new BigDecimal("740.80"), view.totalPaid());
        assertEquals(new BigDecimal("3600.00"), view.totalCharge());
        assertEquals(List.of(RemittanceLedger.Kind.INITIAL, RemittanceLedger.Kind.SUPPLEMENTAL),
                view.ledger().entries().stream().map(RemittanceLedger.Entry::kind).toList());
        assertEquals(new BigDecimal("740.80"), view.ledger().netPaid());
    }

    @Test
    void supplementedClaimKeepsItsInitialPaymentDateAndItsBilledCharge() {
        Claim c = claim("LG0000002");
        assertEquals(d("2026-09-01"), c.paymentDate());
        assertEquals("EFT00260901", c.paymentTrace());
        // 260.00 + 95.00; the supplemental remittance (charge 0) leaves the billed 1,500.00 and the line's charge alone.
        assertEquals(new BigDecimal("355.00"), c.totalPaid());
        assertEquals(new BigDecimal("1500.00"), c.totalCharge());
        ClaimView view = reader.read(c.id());
        assertEquals(new BigDecimal("1500.00"), view.lines().get(0).charge());
        assertEquals(new BigDecimal("355.00"), view.lines().get(0).paid());
        assertEquals(0, new BigDecimal("420.00").compareTo(view.lines().get(0).allowed()));
        RemittanceLedger ledger = view.ledger();
        assertEquals(List.of(RemittanceLedger.Kind.INITIAL, RemittanceLedger.Kind.SUPPLEMENTAL),
                ledger.entries().stream().map(RemittanceLedger.Entry::kind).toList());
        assertEquals(List.of(d("2026-09-01"), d("2026-10-20")), ledger.entries().stream().map(RemittanceLedger.Entry::paymentDate).toList());
        assertEquals(new BigDecimal("95.00"), ledger.entries().get(1).paid());
        assertEquals("EFT00261020S", ledger.entries().get(1).trace());
        assertEquals(new BigDecimal("355.00"), ledger.netPaid());
    }
}
