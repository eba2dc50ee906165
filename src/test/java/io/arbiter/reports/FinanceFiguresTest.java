package io.arbiter.reports;

import io.arbiter.security.Roles;
import io.arbiter.support.CaseApi;
import io.arbiter.support.FinanceStory;
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
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Finance's figures add up (issue 21), over {@link FinanceStory}'s eight cases recorded through the cases API: counts
 * partition the cases, cash is counted by the month it arrived, fee refunds receivable follow the federal "loser pays"
 * rule, every grouping sums to the totals to the cent, and the case-level CSV holds one row per case.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FinanceFiguresTest {

    @Inject @Client("/") HttpClient http;
    @Inject TestAccounts accounts;
    @Inject TestClock clock;
    @Inject FinanceStory story;

    BlockingHttpClient client;
    String finance;
    Map<String, Long> ids;

    @BeforeAll
    void recordTheYear() {
        client = http.toBlocking();
        ids = story.record(client);
        finance = accounts.token(client, Roles.FINANCE);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> get(String path) {
        return client.retrieve(HttpRequest.GET(path).bearerAuth(finance), Map.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void countsPartitionTheCasesAndMoneyAddsUp() {
        Map<String, Object> t = (Map<String, Object>) get("/api/v1/reports/recoveries").get("totals");
        // won A, B · lost D · settled C, F, H · withdrawn E · open G
        assertEquals(8, num(t, "cases"));
        assertEquals(List.of(2, 1, 3, 1, 1), List.of("won", "lost", "settled", "withdrawn", "open").stream().map(k -> num(t, k)).toList());
        assertEquals(8, List.of("won", "lost", "settled", "withdrawn", "open").stream().mapToInt(k -> num(t, k)).sum(), "a partition");
        assertEquals(1, num(t, "awaitingPayment"), "H: settled, 4.00 of 604.00 still owed");
        // recovered 1,764 (A) + 1,764 (B) + 864 (C) + 144 (D) + 564 (F) + 600 (H) = 5,700.00
        assertEquals(dec("5700.00"), dec(t.get("recovered")));
        // awarded: the same plus H's 4.00 still owed = 5,704.00; outstanding 4.00
        assertEquals(dec("5704.00"), dec(t.get("awarded")));
        assertEquals(dec("4.00"), dec(t.get("outstanding")));
        // fees paid 410 × 4 (A–D) + 15 (E) + 500 (H) = 2,155.00, less A's 395.00 refund = 1,760.00; net 5,700 − 1,760 = 3,940.00
        assertEquals(dec("1760.00"), dec(t.get("fees")));
        assertEquals(dec("3940.00"), dec(t.get("net")));
        // receivable: B won, IDRE fee 395.00 not back yet; C settled after initiation, half of 395.00 = 197.50;
        // A got its refund; D lost; E withdrawn; F settled before any IDRE fee; H is Texas (no refund rule known)
        assertEquals(dec("592.50"), dec(t.get("feeRefundReceivable")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyGroupingSumsToTheTotalsToTheCent() {
        for (String by : List.of("PAYER", "TRACK", "MONTH", "CODE")) {
            Map<String, Object> r = get("/api/v1/reports/recoveries?groupBy=" + by);
            List<Map<String, Object>> rows = (List<Map<String, Object>>) r.get("rows");
            Map<String, Object> t = (Map<String, Object>) r.get("totals");
            for (String k : List.of("billed", "initialPaid", "awarded", "recovered", "fees", "net", "outstanding", "feeRefundReceivable")) {
                assertEquals(dec(t.get(k)), rows.stream().map(x -> dec(x.get(k))).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2), by + " " + k);
            }
            for (String k : List.of("cases", "won", "lost", "settled", "withdrawn", "open", "awaitingPayment")) {
                assertEquals(num(t, k), rows.stream().mapToInt(x -> num(x, k)).sum(), by + " " + k);
            }
        }
        Map<String, Map<String, Object>> byPayer = rows(get("/api/v1/reports/recoveries?groupBy=PAYER"));
        // ACME: A 1,764 + B 1,764 + D 144 + F 564 = 4,236.00, receivable B's 395.00; Lone Star: C 864.00, receivable 197.50
        assertEquals(dec("4236.00"), dec(byPayer.get("ACME HEALTH PLAN").get("recovered")));
        assertEquals(dec("395.00"), dec(byPayer.get("ACME HEALTH PLAN").get("feeRefundReceivable")));
        assertEquals(dec("197.50"), dec(byPayer.get("LONE STAR MUTUAL").get("feeRefundReceivable")));
        assertEquals(dec("0.00"), dec(byPayer.get("BLUEBONNET ASSURANCE").get("feeRefundReceivable")), "Texas: no refund rule");
        // by month opened: seven in October, F in November
        Map<String, Map<String, Object>> byMonth = rows(get("/api/v1/reports/recoveries?groupBy=MONTH"));
        assertEquals(7, num(byMonth.get("2026-10"), "cases"));
        assertEquals(1, num(byMonth.get("2026-11"), "cases"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void cashIsCountedInTheMonthItArrived() {
        Map<String, Object> all = get("/api/v1/reports/cash");
        Map<String, Map<String, Object>> months = ((List<Map<String, Object>>) all.get("months")).stream()
                .collect(Collectors.toMap(m -> (String) m.get("month"), Function.identity()));
        assertEquals(List.of("2026-12", "2027-01", "2027-02"), months.keySet().stream().sorted().toList());
        // December: H 600.00 (12/01) + F 564.00 (12/02)
        assertEquals(dec("1164.00"), dec(months.get("2026-12").get("paymentsReceived")));
        assertEquals(2, num(months.get("2026-12"), "payments"));
        // January: C 864.00 (01/05) + A 1,000.00 (01/20) + B 1,764.00 (01/25)
        assertEquals(dec("3628.00"), dec(months.get("2027-01").get("paymentsReceived")));
        // February: D 144.00 (02/01) + A's second part 764.00 (02/03); A's fee refund 395.00 (02/10) kept apart
        assertEquals(dec("908.00"), dec(months.get("2027-02").get("paymentsReceived")));
        assertEquals(dec("395.00"), dec(months.get("2027-02").get("feeRefundsReceived")));
        assertEquals(dec("1303.00"), dec(months.get("2027-02").get("total")));
        Map<String, Object> totals = (Map<String, Object>) all.get("totals");
        Map<String, Object> recoveries = (Map<String, Object>) get("/api/v1/reports/recoveries").get("totals");
        assertEquals(dec(recoveries.get("recovered")), dec(totals.get("paymentsReceived")), "over all dates: the cases' payments received");

        // January alone: no case was opened in January, but 3,628.00 arrived then; F opened in November paid in December
        Map<String, Object> january = get("/api/v1/reports/cash?from=2027-01-01&to=2027-01-31");
        assertEquals(dec("3628.00"), dec(((Map<String, Object>) january.get("totals")).get("total")));
        assertEquals(0, num((Map<String, Object>) get("/api/v1/reports/recoveries?from=2027-01-01&to=2027-01-31").get("totals"), "cases"));
        Map<String, Object> november = (Map<String, Object>) get("/api/v1/reports/recoveries?from=2026-11-01&to=2026-11-30").get("totals");
        assertEquals(dec("564.00"), dec(november.get("recovered")));
        assertEquals(dec("0.00"), dec(((Map<String, Object>) get("/api/v1/reports/cash?from=2026-11-01&to=2026-11-30").get("totals")).get("total")));

        assertEquals(HttpStatus.BAD_REQUEST, assertThrows(HttpClientResponseException.class,
                () -> client.exchange(HttpRequest.GET("/api/v1/reports/cash?from=2027-02-01&to=2027-01-01").bearerAuth(finance), Map.class)).getStatus());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theFigureBehindEachLinkIsItsCasesTotal() {
        Map<String, Object> won = get("/api/v1/reports/recoveries/cases?outcome=WON");
        assertEquals(List.of(caseNumber("A"), caseNumber("B")), ((List<Map<String, Object>>) won.get("cases")).stream()
                .map(c -> c.get("caseNumber")).sorted().toList());
        Map<String, Object> owed = get("/api/v1/reports/recoveries/cases?owes=FEE_REFUND");
        List<Map<String, Object>> owedCases = (List<Map<String, Object>>) owed.get("cases");
        assertEquals(2, owedCases.size(), "B and C");
        assertEquals(dec("592.50"), dec(((Map<String, Object>) owed.get("totals")).get("feeRefundReceivable")));
        Map<String, Object> b = owedCases.stream().filter(c -> c.get("id").equals(ids.get("B").intValue()) || ((Number) c.get("id")).longValue() == ids.get("B"))
                .findFirst().orElseThrow();
        // the FEE_REFUND_DUE deadline: 30 business days after the 01/12/27 determination, skipping 01/18 (King) and 02/15 (Washington)
        assertEquals("2027-02-25", b.get("feeRefundDue"));
        assertEquals(CaseApi.due(new CaseApi(client, accounts.token(client, Roles.SPECIALIST), clock).get(ids.get("B")), "FEE_REFUND_DUE"),
                b.get("feeRefundDue"), "the case's own deadline");
        Map<String, Object> acmeOpen = get("/api/v1/reports/recoveries/cases?groupBy=PAYER&group=ACME%20HEALTH%20PLAN&outcome=OPEN");
        assertEquals(1, ((List<?>) acmeOpen.get("cases")).size(), "G");
        assertEquals(HttpStatus.BAD_REQUEST, assertThrows(HttpClientResponseException.class,
                () -> client.exchange(HttpRequest.GET("/api/v1/reports/recoveries/cases?outcome=MAYBE").bearerAuth(finance), Map.class)).getStatus());
    }

    @Test
    void theCaseCsvHasOneRowPerCaseThatAddsUp() throws Exception {
        String csv = client.retrieve(HttpRequest.GET("/api/v1/reports/recoveries/cases").bearerAuth(finance).accept("text/csv"), String.class);
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv)).getRecords();
        assertEquals(9, records.size(), "eight cases and the TOTAL row");
        List<CSVRecord> cases = records.subList(0, 8);
        CSVRecord total = records.get(8);
        assertEquals("TOTAL", total.get("caseNumber"));
        for (String k : List.of("billed", "initialPaid", "awarded", "recovered", "feesPaid", "feeRefundsReceived", "feeRefundReceivable", "net", "outstanding")) {
            assertEquals(new BigDecimal(total.get(k)), cases.stream().map(r -> new BigDecimal(r.get(k))).reduce(BigDecimal.ZERO, BigDecimal::add), k);
        }
        assertEquals("5700.00", total.get("recovered"));
        assertEquals("2155.00", total.get("feesPaid"));
        assertEquals("395.00", total.get("feeRefundsReceived"));
        Map<String, CSVRecord> byNumber = new HashMap<>();
        cases.forEach(r -> byNumber.put(r.get("caseNumber"), r));
        CSVRecord a = byNumber.get(caseNumber("A"));
        assertEquals(List.of("ACME HEALTH PLAN", "FEDERAL_IDR", "WON", "2026-10-09", "2027-01-12", "2400.00", "268.80", "1764.00", "1764.00",
                "410.00", "395.00", "0.00", "1749.00", "0.00", "2027-01-20"), List.of(a.get("payer"), a.get("track"), a.get("outcome"),
                a.get("opened"), a.get("decided"), a.get("billed"), a.get("initialPaid"), a.get("awarded"), a.get("recovered"), a.get("feesPaid"),
                a.get("feeRefundsReceived"), a.get("feeRefundReceivable"), a.get("net"), a.get("outstanding"), a.get("firstPayment")));
        assertEquals("197.50", byNumber.get(caseNumber("C")).get("feeRefundReceivable"));
        // D lost: 144.00 received, 410.00 in fees: net −266.00, a number in the CSV
        assertEquals("-266.00", byNumber.get(caseNumber("D")).get("net"));
        assertEquals("OPEN", byNumber.get(caseNumber("G")).get("outcome"));
        assertEquals("WITHDRAWN", byNumber.get(caseNumber("E")).get("outcome"));
        assertEquals("2026-11-09", byNumber.get(caseNumber("F")).get("opened"));
        assertEquals("2026-12-02", byNumber.get(caseNumber("F")).get("firstPayment"));
    }

    private String caseNumber(String letter) {
        return (String) new CaseApi(client, accounts.token(client, Roles.SPECIALIST), clock).get(ids.get(letter)).get("caseNumber");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> rows(Map<String, Object> report) {
        return ((List<Map<String, Object>>) report.get("rows")).stream().collect(Collectors.toMap(r -> (String) r.get("group"), Function.identity()));
    }

    private static int num(Map<String, Object> m, String k) {
        return ((Number) m.get(k)).intValue();
    }

    private static BigDecimal dec(Object o) {
        return new BigDecimal(o.toString()).setScale(2, RoundingMode.HALF_UP);
    }
}
