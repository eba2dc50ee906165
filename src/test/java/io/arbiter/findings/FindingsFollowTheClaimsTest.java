package io.arbiter.findings;

import io.arbiter.pricing.PricingTestData;
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
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Findings follow the claims (issue 21): a reversal and corrected payment of LS03000002 (63650 x2: allowed $2,428.20,
 * then reversed and paid again on an allowed $3,428.20 — acme-reversal-835.edi) re-prices the claim as part of the
 * import, without anyone scanning: the gap falls by exactly the $1,000.00 the allowed amount rose. A claim the import
 * creates is priced at once too.
 */
@MicronautTest(transactional = false)
class FindingsFollowTheClaimsTest {

    @Inject @Client("/") HttpClient http;
    @Inject TestAccounts accounts;
    @Inject TestClock clock;
    @Inject PricingTestData data;

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aReversalAndCorrectionRepricesTheClaimDuringTheImport() {
        data.load();
        BlockingHttpClient client = http.toBlocking();
        String specialist = accounts.token(client, Roles.SPECIALIST);
        String admin = accounts.token(client, Roles.ADMIN);
        CaseApi api = new CaseApi(client, specialist, clock);
        api.importFixture("acme-self-funded-835.edi");
        api.importFixture("acme-self-funded-837p.edi"); // where the services were furnished (ZIP for the geozip)
        long claimId = api.claimId("LS03000002");
        assertFalse(findings(client, specialist, claimId).isEmpty(), "the import priced the claims it created");

        // the practice prices against the synthetic 80th percentile of billed charges
        List<Map> practices = client.retrieve(HttpRequest.GET("/api/v1/practices").bearerAuth(admin), Argument.listOf(Map.class));
        long practiceId = ((Number) practices.get(0).get("id")).longValue();
        client.exchange(HttpRequest.PUT("/api/v1/practices/" + practiceId, Map.of("name", "LONE STAR SPINE AND PAIN PLLC",
                "batesPrefix", "LSSP", "benchmarkSet", "DEMO-SYNTHETIC-2026", "benchmarkKind", "BILLED", "benchmarkPercentile", 80))
                .bearerAuth(admin), Map.class);
        client.retrieve(HttpRequest.POST("/api/v1/findings/scan", Map.of("claimIds", List.of(claimId))).bearerAuth(specialist), Map.class);
        BigDecimal before = gap(client, specialist, claimId);

        api.importFixture("acme-reversal-835.edi");
        BigDecimal after = gap(client, specialist, claimId);
        assertEquals(before.subtract(new BigDecimal("1000.00")), after, "allowed 2,428.20 -> 3,428.20; gap " + before + " -> " + after);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> findings(BlockingHttpClient client, String token, long claimId) {
        Map<String, Object> page = client.retrieve(HttpRequest.GET("/api/v1/findings?claimId=" + claimId).bearerAuth(token), Map.class);
        return (List<Map<String, Object>>) page.get("items");
    }

    private static BigDecimal gap(BlockingHttpClient client, String token, long claimId) {
        Map<String, Object> f = findings(client, token, claimId).stream().filter(x -> "UNDERPAYMENT".equals(x.get("type")))
                .findFirst().orElseThrow(() -> new AssertionError("no underpayment on claim " + claimId + ": " + findings(client, token, claimId)));
        return new BigDecimal(f.get("gap").toString()).setScale(2);
    }
}
