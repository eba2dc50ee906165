package io.arbiter.reports;

import io.arbiter.claims.Claim;
import io.arbiter.practice.PlanType;
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
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Finance's recoveries reconcile to the cent with the cases they are built from. */
@MicronautTest(transactional = false)
class RecoveryReportTest {

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

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    private long open(Claim claim) {
        return new CaseApi(client, specialist, clock).openId(claim.id(), clock.instant().toString().substring(0, 10));
    }

    private void event(long id, String type, String date, String amount, String... extra) {
        new CaseApi(client, specialist, clock).event(id, type, date, amount, extra);
    }

    private void federalToDetermination(long id, String offer, String payerOffer, String determination) {
        event(id, "OPEN_NEGOTIATION_STARTED", "2026-10-15", null);
        event(id, "IDR_INITIATED", "2026-11-30", null);
        event(id, "FEE_PAID", "2026-11-30", "15.00", "feeKind", "ADMIN");
        event(id, "IDRE_SELECTED", "2026-12-03", null);
        event(id, "OFFER_SUBMITTED", "2026-12-10", offer);
        event(id, "PAYER_OFFER_RECEIVED", "2026-12-10", payerOffer);
        event(id, "FEE_PAID", "2026-12-10", "395.00", "feeKind", "IDRE");
        event(id, "DETERMINATION_ISSUED", "2027-01-12", determination);
    }

    @Test
    @SuppressWarnings("unchecked")
    void totalsReconcileToTheCentByPayerTrackAndCsv() {
        client = http.toBlocking();
        specialist = accounts.token(client, Roles.SPECIALIST);
        clock.today(LocalDate.of(2026, 10, 9));
        // ACME, federal, won: 64483 billed 2,400.00 allowed 336.00 (paid 268.80, share 67.20)
        Claim won = fixtures.oneLineClaim("LSREP001", "ACME HEALTH PLAN", "ACME1", PlanType.SELF_FUNDED_ERISA, null, "64483",
                "2400.00", "336.00", LocalDate.of(2026, 9, 14), LocalDate.of(2026, 10, 8), "24", "752041000", "M5416", List.of("N865", "N877"));
        // ACME, federal, lost: same service
        Claim lost = fixtures.oneLineClaim("LSREP002", "ACME HEALTH PLAN", "ACME1", PlanType.SELF_FUNDED_ERISA, null, "64483",
                "2400.00", "336.00", LocalDate.of(2026, 9, 14), LocalDate.of(2026, 10, 8), "24", "752041000", "M5416", List.of("N865", "N877"));
        // Bluebonnet, Texas arbitration, settled: 62323 billed 1,800.00 allowed 396.00 (paid 316.80, share 79.20)
        Claim settled = fixtures.oneLineClaim("LSREP003", "BLUEBONNET ASSURANCE", "BLUE1", PlanType.FULLY_INSURED_STATE, "TX", "62323",
                "1800.00", "396.00", LocalDate.of(2026, 9, 14), LocalDate.of(2026, 10, 8), "24", "770301234", "M5416", List.of("N883"));
        long wonId = open(won);
        long lostId = open(lost);
        long settledId = open(settled);

        federalToDetermination(wonId, "2100.00", "480.00", "2100.00");
        // owed 2,100.00 − 67.20 − 268.80 = 1,764.00; paid in full; IDRE fee refunded to the prevailing party
        event(wonId, "PAYMENT_RECEIVED", "2027-01-20", "1764.00");
        event(wonId, "FEE_REFUND_RECEIVED", "2027-01-25", "395.00");
        federalToDetermination(lostId, "2100.00", "480.00", "480.00");
        // owed 480.00 − 67.20 − 268.80 = 144.00, received 144.00
        event(lostId, "PAYMENT_RECEIVED", "2027-01-22", "144.00");
        // settled for 1,000.00 total: owed 1,000.00 − 79.20 − 316.80 = 604.00, received 600.00 so far
        event(settledId, "ARBITRATION_REQUESTED", "2026-11-02", null);
        event(settledId, "SETTLED", "2026-11-20", "1000.00");
        event(settledId, "PAYMENT_RECEIVED", "2026-12-01", "600.00");

        String finance = accounts.token(client, Roles.FINANCE);
        Map<String, Object> byPayer = client.retrieve(HttpRequest.GET("/api/v1/reports/recoveries?groupBy=PAYER").bearerAuth(finance), Map.class);
        Map<String, Map<String, Object>> rows = new HashMap<>();
        for (Map<String, Object> row : (List<Map<String, Object>>) byPayer.get("rows")) {
            rows.put((String) row.get("group"), row);
        }
        Map<String, Object> acme = rows.get("ACME HEALTH PLAN");
        assertEquals(2, ((Number) acme.get("cases")).intValue());
        assertEquals(1, ((Number) acme.get("won")).intValue());
        assertEquals(1, ((Number) acme.get("lost")).intValue());
        assertEquals(new BigDecimal("4800.00"), dec(acme.get("billed")));
        assertEquals(new BigDecimal("537.60"), dec(acme.get("initialPaid")));
        assertEquals(new BigDecimal("1908.00"), dec(acme.get("awarded")), "1,764.00 + 144.00");
        assertEquals(new BigDecimal("1908.00"), dec(acme.get("recovered")));
        // fees: won 15 + 395 − 395 refund = 15; lost 15 + 395 = 410 → 425.00
        assertEquals(new BigDecimal("425.00"), dec(acme.get("fees")));
        assertEquals(new BigDecimal("1483.00"), dec(acme.get("net")));
        Map<String, Object> blue = rows.get("BLUEBONNET ASSURANCE");
        assertEquals(1, ((Number) blue.get("settled")).intValue());
        assertEquals(new BigDecimal("604.00"), dec(blue.get("awarded")));
        assertEquals(new BigDecimal("4.00"), dec(blue.get("outstanding")));

        Map<String, Object> totals = (Map<String, Object>) byPayer.get("totals");
        assertEquals(new BigDecimal("2508.00"), dec(totals.get("recovered")), "1,908.00 + 600.00");
        assertEquals(new BigDecimal("2083.00"), dec(totals.get("net")), "2,508.00 − 425.00");
        assertEquals(new BigDecimal("0.50"), dec(totals.get("winRate")));
        // the counts partition the cases: the settled case still owed $4.00 is settled and awaiting payment, not open
        assertEquals(3, ((Number) totals.get("cases")).intValue());
        assertEquals(List.of(1, 1, 1, 0, 0), List.of("won", "lost", "settled", "withdrawn", "open").stream()
                .map(k -> ((Number) totals.get(k)).intValue()).toList());
        assertEquals(1, ((Number) totals.get("awaitingPayment")).intValue());

        Map<String, Object> byTrack = client.retrieve(HttpRequest.GET("/api/v1/reports/recoveries?groupBy=TRACK").bearerAuth(finance), Map.class);
        BigDecimal sum = ((List<Map<String, Object>>) byTrack.get("rows")).stream().map(r -> dec(r.get("recovered")))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(new BigDecimal("2508.00"), sum, "groups add up to the total");

        String csv = client.retrieve(HttpRequest.GET("/api/v1/reports/recoveries?groupBy=PAYER").bearerAuth(finance).accept("text/csv"), String.class);
        assertTrue(csv.startsWith("group,cases,won,lost,settled"), csv);
        assertTrue(csv.contains("ACME HEALTH PLAN,2,1,1,0,0,0,0,4800.00,537.60,1908.00,1908.00,425.00,1483.00"), csv);
        assertTrue(csv.contains("TOTAL,3,"), csv);

        var bad = assertThrows(HttpClientResponseException.class,
                () -> client.exchange(HttpRequest.GET("/api/v1/reports/recoveries?groupBy=COLOR").bearerAuth(finance), Map.class));
        assertEquals(HttpStatus.BAD_REQUEST, bad.getStatus());
        String attorney = accounts.token(client, Roles.ATTORNEY);
        assertEquals(HttpStatus.FORBIDDEN, assertThrows(HttpClientResponseException.class,
                () -> client.exchange(HttpRequest.GET("/api/v1/reports/recoveries").bearerAuth(attorney), Map.class)).getStatus());
    }

    /** JSON numbers arrive as doubles in a Map; compare them as cents. */
    private static BigDecimal dec(Object o) {
        return new BigDecimal(o.toString()).setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
