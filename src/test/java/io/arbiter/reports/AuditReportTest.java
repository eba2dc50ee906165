package io.arbiter.reports;

import io.arbiter.claims.Claim;
import io.arbiter.claims.ClaimLine;
import io.arbiter.denials.Denial;
import io.arbiter.denials.DenialRepository;
import io.arbiter.denials.DenialRequests;
import io.arbiter.denials.DenialService;
import io.arbiter.findings.Finding;
import io.arbiter.findings.FindingRepository;
import io.arbiter.findings.FindingType;
import io.arbiter.practice.Payer;
import io.arbiter.practice.PlanType;
import io.arbiter.security.Roles;
import io.arbiter.support.DenialFixtures;
import io.arbiter.support.DenialFixtures.L;
import io.arbiter.support.TestAccounts;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audit report's totals reconcile to the underlying findings, denial records and auth-check lines to the cent. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditReportTest {

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    TestAccounts accounts;
    @Inject
    DenialFixtures fx;
    @Inject
    FindingRepository findings;
    @Inject
    DenialService denialService;
    @Inject
    DenialRepository denials;

    BlockingHttpClient client;
    String finance;

    static final String PERIOD = "from=2026-07-01&to=2026-07-31";

    private void finding(Claim c, ClaimLine l, FindingType type, String rule, String gap) {
        findings.save(new Finding(null, type, c.id(), l.id(), rule, type == FindingType.CODING ? "ERROR" : "INFO",
                type == FindingType.CODING ? "CODING" : "PRICING", null, null, l.paid(), gap == null ? null : new BigDecimal(gap),
                null, rule + " finding", null, LocalDateTime.of(2026, 8, 1, 9, 0)));
    }

    private static L paidLine(String code, String charge, String paid) {
        BigDecimal contractual = new BigDecimal(charge).subtract(new BigDecimal(paid));
        return new L(code, "", 1, charge, paid, List.of("CO-45:" + contractual), List.of());
    }

    @BeforeAll
    void data() {
        client = http.toBlocking();
        finance = accounts.token(client, Roles.FINANCE);
        Payer acme = fx.payer("ACME HEALTH PLAN", "ACME1", null);
        Payer blue = fx.payer("BLUE PLAINS HEALTH", "BPL1", null);
        Payer medicare = fx.payer("NOVITAS MEDICARE", "MCR1", null);
        LocalDate paid = LocalDate.of(2026, 8, 3);

        Claim u1 = fx.claim("AUD0001", acme, PlanType.SELF_FUNDED_ERISA, "11", LocalDate.of(2026, 7, 6), paid, null,
                List.of(paidLine("64483", "1000.00", "300.00"), paidLine("64484", "500.00", "120.00")));
        Claim u2 = fx.claim("AUD0002", acme, PlanType.SELF_FUNDED_ERISA, "11", LocalDate.of(2026, 7, 10), paid, null,
                List.of(paidLine("64483", "800.00", "350.00"), paidLine("77003", "150.00", "40.00")));
        Claim u3 = fx.claim("AUD0003", blue, PlanType.SELF_FUNDED_ERISA, "11", LocalDate.of(2026, 7, 12), paid, null,
                List.of(paidLine("62323", "700.00", "310.00")));
        finding(u1, fx.lines(u1).get(0), FindingType.UNDERPAYMENT, "UNDERPAYMENT", "612.40");
        finding(u1, fx.lines(u1).get(1), FindingType.UNDERPAYMENT, "UNDERPAYMENT", "203.15");
        finding(u2, fx.lines(u2).get(0), FindingType.UNDERPAYMENT, "UNDERPAYMENT", "100.05");
        finding(u2, fx.lines(u2).get(1), FindingType.CODING, "IMG-01", null);
        finding(u3, fx.lines(u3).get(0), FindingType.UNDERPAYMENT, "UNDERPAYMENT", "50.50");

        Claim d1 = fx.claim("AUD0004", blue, PlanType.SELF_FUNDED_ERISA, "11", LocalDate.of(2026, 7, 15), paid, null, List.of(
                L.denied("64483", "1200.00", "CO-197"), L.denied("62323", "900.00", "CO-50", "N115"), L.denied("64493", "700.00", "CO-4")));
        Claim d2 = fx.claim("AUD0005", medicare, PlanType.MEDICARE, "11", LocalDate.of(2026, 7, 20), paid, null,
                List.of(L.denied("62323", "333.33", "CO-29", "N211")));
        // Outside the period: must not count.
        Claim out = fx.claim("AUD0006", acme, PlanType.SELF_FUNDED_ERISA, "11", LocalDate.of(2026, 8, 5), LocalDate.of(2026, 9, 1), null,
                List.of(L.denied("64483", "999.99", "CO-197"), paidLine("64484", "500.00", "100.00")));
        finding(out, fx.lines(out).get(1), FindingType.UNDERPAYMENT, "UNDERPAYMENT", "999.99");

        denialService.sync(List.of(d1.id(), d2.id(), out.id()));
        Denial auth = denials.findByClaimLineId(fx.lines(d1).get(0).id()).orElseThrow();
        Denial necessity = denials.findByClaimLineId(fx.lines(d1).get(1).id()).orElseThrow();
        denialService.outcome(auth.id(), new DenialRequests.Outcome(io.arbiter.denials.DenialStatus.RECOVERED, new BigDecimal("1050.25")));
        denialService.outcome(necessity.id(), new DenialRequests.Outcome(io.arbiter.denials.DenialStatus.UPHELD, BigDecimal.ZERO));
    }

    private static BigDecimal money(Object o) {
        return new BigDecimal(o.toString()).setScale(2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonTotalsReconcileToTheRecordsToTheCent() {
        Map<String, Object> r = client.retrieve(HttpRequest.GET("/api/v1/reports/audit?" + PERIOD).bearerAuth(finance), Map.class);
        Map<String, Object> t = (Map<String, Object>) r.get("totals");
        // Underpaid: 612.40 + 203.15 + 100.05 + 50.50 = 966.10 (the 999.99 of August is outside the period)
        assertEquals(new BigDecimal("966.10"), money(t.get("underpaid")));
        assertEquals(4, ((Number) t.get("underpayments")).intValue());
        // Denied: 1200.00 + 900.00 + 700.00 + 333.33 = 3133.33
        assertEquals(new BigDecimal("3133.33"), money(t.get("denied")));
        // Recoverable at 63%: 756.00 + 567.00 + 441.00 (corrected claim) + 0 (Medicare CO-29 + N211, not appealable) = 1764.00
        assertEquals(new BigDecimal("1764.00"), money(t.get("recoverable")));
        // Appealable denied: 1200.00 + 900.00 = 2100.00; recovered 1050.25 -> 1050.25 / 2100.00 = 50.01%
        assertEquals(new BigDecimal("2100.00"), money(t.get("appealableDenied")));
        assertEquals(new BigDecimal("1050.25"), money(t.get("recovered")));
        assertEquals(new BigDecimal("50.01"), money(t.get("recoveryRatePercent")));
        // Auth gaps (commercial ESI/facet lines with no auth): 1000 + 500 + 800 + 700 + 1200 + 900 + 700 = 5800.00 on 7 lines
        assertEquals(new BigDecimal("5800.00"), money(t.get("authGapCharges")));
        assertEquals(7, ((Number) t.get("authGaps")).intValue());
        // Coding: the 77003 line at 150.00
        assertEquals(new BigDecimal("150.00"), money(t.get("codingCharges")));
        // Total: 966.10 + 3133.33 + 5800.00 + 150.00 = 10049.43
        assertEquals(new BigDecimal("10049.43"), money(t.get("total")));

        // Groups add up to the section totals.
        List<Map<String, Object>> under = (List<Map<String, Object>>) r.get("underpaymentsByPayerAndCode");
        assertEquals(new BigDecimal("966.10"), under.stream().map(g -> money(g.get("amount"))).reduce(BigDecimal.ZERO, BigDecimal::add));
        Map<String, Object> acme64483 = under.stream().filter(g -> "ACME HEALTH PLAN".equals(g.get("group")) && "64483".equals(g.get("subgroup")))
                .findFirst().orElseThrow();
        assertEquals(new BigDecimal("712.45"), money(acme64483.get("amount")), "612.40 + 100.05");
        List<Map<String, Object>> cats = (List<Map<String, Object>>) r.get("denialsByCategory");
        assertEquals(new BigDecimal("3133.33"), cats.stream().map(g -> money(g.get("amount"))).reduce(BigDecimal.ZERO, BigDecimal::add));
        assertEquals(List.of("AUTHORIZATION", "MEDICAL_NECESSITY", "MODIFIER", "TIMELY_FILING"), cats.stream().map(g -> g.get("group")).toList());

        // And the section totals equal the stored records, summed independently of the report.
        BigDecimal storedUnder = findings.findAll().stream().filter(f -> f.type() == FindingType.UNDERPAYMENT && !"999.99".equals(f.gap().toPlainString()))
                .map(Finding::gap).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, storedUnder.compareTo(money(t.get("underpaid"))));
        BigDecimal storedDenied = denials.findAll().stream().filter(d -> d.serviceDate().getMonthValue() == 7)
                .map(Denial::deniedAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, storedDenied.compareTo(money(t.get("denied"))));
        List<Map<String, Object>> items = (List<Map<String, Object>>) r.get("items");
        assertEquals(4 + 4 + 7 + 1, items.size(), "every finding is listed with its dollar figure");
        assertEquals(new BigDecimal("10049.43"), items.stream().map(i -> money(i.get("amount"))).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    @Test
    void csvCarriesTheSameTotals() {
        String csv = client.retrieve(HttpRequest.GET("/api/v1/reports/audit?" + PERIOD).accept("text/csv").bearerAuth(finance), String.class);
        assertTrue(csv.startsWith("kind,section,group,subgroup,claimId,lineId,count,amount,recoverable"));
        assertTrue(csv.contains("TOTAL,ALL,,,,,16,10049.43,"), csv);
        assertTrue(csv.contains("TOTAL,DENIAL,,,,,4,3133.33,1764.00"));
        assertTrue(csv.contains("RATE,RECOVERY,recovered/appealable,,,,,50.01,"));
    }

    @Test
    void pdfRendersTheSameFigures() throws Exception {
        HttpResponse<byte[]> res = client.exchange(HttpRequest.GET("/api/v1/reports/audit.pdf?" + PERIOD).bearerAuth(finance),
                Argument.of(byte[].class));
        assertEquals(HttpStatus.OK, res.getStatus());
        try (PDDocument doc = Loader.loadPDF(res.body())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Practice recovery diagnostic"));
            assertTrue(!text.contains("@page") && !text.contains("font-family"), "the style sheet is applied, not printed as text");
            assertTrue(text.contains("$10,049.43"), text);
            assertTrue(text.contains("$5,800.00"));
            assertTrue(text.contains("50.01%"));
            assertTrue(text.contains("AUTHORIZATION"));
        }
    }

    @Test
    void attorneysCannotReadTheReport() {
        String attorney = accounts.token(client, Roles.ATTORNEY);
        var e = assertThrows(HttpClientResponseException.class, () -> client.exchange(HttpRequest.GET("/api/v1/reports/audit").bearerAuth(attorney)));
        assertEquals(HttpStatus.FORBIDDEN, e.getStatus());
    }
}
