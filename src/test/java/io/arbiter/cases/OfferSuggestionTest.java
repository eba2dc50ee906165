package io.arbiter.cases;

import io.arbiter.claims.Claim;
import io.arbiter.practice.PlanType;
import io.arbiter.security.Roles;
import io.arbiter.support.CaseApi;
import io.arbiter.support.ClaimFixtures;
import io.arbiter.support.TestAccounts;
import io.arbiter.support.TestClock;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Offer suggestions always carry their basis and sample size, from the practice's history and the CMS PUF. */
@MicronautTest(transactional = false)
class OfferSuggestionTest {

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
    String token;

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    private Claim claim(String pcn) {
        return fixtures.oneLineClaim(pcn, "ACME HEALTH PLAN", "ACME1", PlanType.SELF_FUNDED_ERISA, null, "64635",
                "3800.00", "532.00", LocalDate.of(2026, 9, 14), LocalDate.of(2026, 10, 8), "24", "752041000", "M4726",
                List.of("N865", "N877"));
    }

    private long open(Claim c) {
        return new CaseApi(client, token, clock).openId(c.id(), "2026-10-09");
    }

    private void event(long id, String type, String date, String amount) {
        new CaseApi(client, token, clock).event(id, type, date, amount);
    }

    private void decided(String pcn, String determination) {
        long id = open(claim(pcn));
        event(id, "OPEN_NEGOTIATION_STARTED", "2026-10-15", null);
        event(id, "IDR_INITIATED", "2026-11-30", null);
        event(id, "IDRE_SELECTED", "2026-12-03", null);
        event(id, "DETERMINATION_ISSUED", "2027-01-12", determination);
    }

    @Test
    @SuppressWarnings("unchecked")
    void suggestionsFromHistoryAndPublicUseFileNameTheirBasisAndSample() {
        client = http.toBlocking();
        token = accounts.token(client, Roles.SPECIALIST);
        long target = open(claim("LSOFF000"));
        Map<String, Object> none = client.retrieve(HttpRequest.GET("/api/v1/cases/" + target + "/offer-suggestion").bearerAuth(token), Map.class);
        assertEquals(List.of(), none.get("suggestions"), "no sample, no suggestion");
        assertTrue(none.get("notes").toString().contains("No decided"));

        decided("LSOFF001", "1800.00");
        decided("LSOFF002", "2400.00");
        decided("LSOFF003", "3100.00");
        decided("LSOFF004", "2000.00");
        Map<String, Object> s = client.retrieve(HttpRequest.GET("/api/v1/cases/" + target + "/offer-suggestion?percentile=50").bearerAuth(token), Map.class);
        Map<String, Object> own = ((List<Map<String, Object>>) s.get("suggestions")).get(0);
        assertEquals("same code, payer and region", own.get("scope"));
        assertEquals(4, ((Number) own.get("sampleSize")).intValue());
        // sorted 1,800 / 2,000 / 2,400 / 3,100 → nearest-rank 50th percentile = 2nd value = 2,000.00
        assertEquals(2000.00, ((Number) own.get("amount")).doubleValue(), 0.001);
        assertEquals(3100.00, ((Number) own.get("high")).doubleValue(), 0.001);

        String admin = accounts.token(client, Roles.ADMIN);
        String csv = """
                Service Code,Type of Service Code,Geographical Region,Place of Service Code,Initiating Party,Default Decision,Offer Selected from Provider or Issuer,QPA,Provider/Facility Offer,Health Plan/Issuer Offer,Prevailing Offer
                64635,CPT,Texas,24,Provider,No,Provider,"$610.00","$2,900.00",$600.00,"$2,900.00"
                64635,CPT,Texas,24,Provider,No,Issuer,$615.00,"$3,300.00",$640.00,$640.00
                64635,CPT,Texas,22,Provider,No,Provider,$0.50,$900.00,$1.00,$900.00
                62323,CPT,Texas,11,Provider,No,Provider,$300.00,$1200.00,$290.00,$1200.00
                """;
        MultipartBody body = MultipartBody.builder().addPart("file", "puf-2025q1-offers.csv", MediaType.TEXT_PLAIN_TYPE,
                csv.getBytes(StandardCharsets.UTF_8)).build();
        Map<String, Object> imported = client.retrieve(HttpRequest.POST("/api/v1/idr-puf", body)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(admin), Map.class);
        assertEquals(3, ((Number) imported.get("imported")).intValue());
        assertEquals(1, ((Number) imported.get("skipped")).intValue(), "a nominal QPA under $1 is dropped");

        s = client.retrieve(HttpRequest.GET("/api/v1/cases/" + target + "/offer-suggestion?percentile=50").bearerAuth(token), Map.class);
        Map<String, Object> puf = ((List<Map<String, Object>>) s.get("suggestions")).get(1);
        assertTrue(puf.get("basis").toString().contains("public use file"));
        assertEquals(2, ((Number) puf.get("sampleSize")).intValue());
        // prevailing offers 640.00 and 2,900.00 → 50th percentile (rank 1) = 640.00
        assertEquals(640.00, ((Number) puf.get("amount")).doubleValue(), 0.001);

        MultipartBody broken = MultipartBody.builder().addPart("file", "bad.csv", MediaType.TEXT_PLAIN_TYPE,
                "Service Code,Prevailing Offer\n64635,lots\n".getBytes(StandardCharsets.UTF_8)).build();
        var bad = assertThrows(HttpClientResponseException.class, () -> client.exchange(HttpRequest.POST("/api/v1/idr-puf", broken)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(admin), Map.class));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, bad.getStatus());
        assertTrue(bad.getResponse().getBody(String.class).orElse("").contains("line 2"));
    }
}
