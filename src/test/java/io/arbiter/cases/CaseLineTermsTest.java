package io.arbiter.cases;

import io.arbiter.audit.AuditEventRepository;
import io.arbiter.claims.Claim;
import io.arbiter.packets.PacketContextFactory;
import io.arbiter.packets.model.PacketContext;
import io.arbiter.security.Roles;
import io.arbiter.support.ClaimFixtures;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16: the money an arbitrator reads per line — QPA, offer, MAR, amount in dispute, units — is typed, validated
 * and audited, through the API, the old packet-details route and into the packet, with no text fallback.
 */
@MicronautTest(transactional = false)
class CaseLineTermsTest {

    @Inject @Client("/") HttpClient http;
    @Inject TestAccounts accounts;
    @Inject ClaimFixtures fixtures;
    @Inject TestClock clock;
    @Inject AuditEventRepository audit;
    @Inject CaseService cases;
    @Inject PacketContextFactory contexts;

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    private static HttpStatus status(Runnable call) {
        try {
            call.run();
            return HttpStatus.OK;
        } catch (HttpClientResponseException e) {
            return e.getStatus();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void lineTermsAreTypedValidatedAuditedAndWhatThePacketReads() {
        BlockingHttpClient client = http.toBlocking();
        String specialist = accounts.token(client, Roles.SPECIALIST);
        Claim a = fixtures.nsaTfesiClaim("LSTERMS01"); // two lines: 64483 and 64484
        clock.today(LocalDate.of(2026, 10, 9));
        Map<String, Object> opened = client.retrieve(HttpRequest.POST("/api/v1/cases", Map.of("claimIds", List.of(a.id())))
                .bearerAuth(specialist), Map.class);
        long caseId = ((Number) opened.get("id")).longValue();
        List<Map<String, Object>> lines = (List<Map<String, Object>>) opened.get("lines");
        assertEquals(2, lines.size());
        long l1 = ((Number) lines.get(0).get("id")).longValue();
        long l2 = ((Number) lines.get(1).get("id")).longValue();
        String base = "/api/v1/cases/" + caseId + "/lines/";

        String json = client.retrieve(HttpRequest.PUT(base + l1 + "/terms", Map.of("qpa", new BigDecimal("100"), "offer",
                new BigDecimal("1234.5"), "units", 2, "description", "Transforaminal ESI, lumbar")).bearerAuth(specialist), String.class);
        assertTrue(json.contains("\"qpa\":100.00") && json.contains("\"offer\":1234.50") && json.contains("\"units\":2"), json);
        client.retrieve(HttpRequest.PUT(base + l2 + "/terms", Map.of("qpa", new BigDecimal("250.55"), "offer", new BigDecimal("2950.00")))
                .bearerAuth(specialist), Map.class);

        // Bad values: 422 naming the field, nothing changed.
        for (Map<String, Object> bad : List.of(Map.<String, Object>of("qpa", -1), Map.<String, Object>of("qpa", new BigDecimal("1.234")),
                Map.<String, Object>of("units", 0), Map.<String, Object>of("offer", new BigDecimal("10000000000.00")))) {
            var e = assertThrows(HttpClientResponseException.class, () -> client.exchange(HttpRequest.PUT(base + l1 + "/terms", bad)
                    .bearerAuth(specialist), Map.class));
            assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, e.getStatus(), bad.toString());
            String problem = e.getResponse().getBody(String.class).orElse("");
            assertTrue(problem.contains("\"" + bad.keySet().iterator().next() + "\""), bad + " -> " + problem);
        }
        // Not a number at all: the same 422 naming the field.
        var notNumber = assertThrows(HttpClientResponseException.class, () -> client.exchange(HttpRequest.PUT(base + l1 + "/terms",
                Map.of("qpa", "abc")).bearerAuth(specialist), String.class));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, notNumber.getStatus());
        assertTrue(notNumber.getResponse().getBody(String.class).orElse("").contains("'abc' is not an amount"));
        // The old text route goes through the same command: "abc" is no longer accepted.
        var legacy = assertThrows(HttpClientResponseException.class, () -> client.exchange(HttpRequest.PUT(base + l1 + "/packet-details",
                Map.of("values", Map.of("qpa", "abc"))).bearerAuth(specialist), String.class));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, legacy.getStatus());
        assertTrue(legacy.getResponse().getBody(String.class).orElse("").contains("values.qpa"));

        Map<String, Object> terms = client.retrieve(HttpRequest.GET(base + l1 + "/terms").bearerAuth(specialist), Map.class);
        assertEquals(100.00, ((Number) terms.get("qpa")).doubleValue());
        assertEquals(1234.50, ((Number) terms.get("offer")).doubleValue());
        Map<String, Object> view = client.retrieve(HttpRequest.GET("/api/v1/cases/" + caseId).bearerAuth(specialist), Map.class);
        Map<String, Object> t2 = (Map<String, Object>) ((List<Map<String, Object>>) view.get("lines")).get(1).get("terms");
        assertEquals(250.55, ((Number) t2.get("qpa")).doubleValue());

        // Who may: attorneys never write; a line of another case is not found.
        String attorney = accounts.token(client, Roles.ATTORNEY);
        assertEquals(HttpStatus.FORBIDDEN, status(() -> client.exchange(HttpRequest.PUT(base + l1 + "/terms", Map.of("qpa", 1))
                .bearerAuth(attorney), Map.class)));
        Claim other = fixtures.nsaTfesiClaim("LSTERMS03");
        long otherCase = ((Number) client.retrieve(HttpRequest.POST("/api/v1/cases", Map.of("claimIds", List.of(other.id())))
                .bearerAuth(specialist), Map.class).get("id")).longValue();
        assertEquals(HttpStatus.NOT_FOUND, status(() -> client.exchange(HttpRequest.PUT("/api/v1/cases/" + otherCase + "/lines/" + l1
                + "/terms", Map.of("qpa", 1)).bearerAuth(specialist), Map.class)));

        assertTrue(audit.findByEntityTypeAndEntityIdOrderById("CASE", String.valueOf(caseId)).stream()
                .anyMatch(e -> ("line " + l1 + " terms [qpa, offer, units, description]").equals(e.detail())), "the change is audited");

        // The packet reads the typed terms, line by line.
        PacketContext ctx = contexts.build(cases.readable(caseId, "specialist-t", false));
        assertEquals(new BigDecimal("100.00"), ctx.lines().get(0).qpa());
        assertEquals(new BigDecimal("1234.50"), ctx.lines().get(0).offer());
        assertEquals(2, ctx.lines().get(0).units());
        assertEquals("Transforaminal ESI, lumbar", ctx.lines().get(0).description());
        assertEquals(new BigDecimal("250.55"), ctx.lines().get(1).qpa());
        assertEquals(new BigDecimal("2950.00"), ctx.lines().get(1).offer());
    }

    @Test
    void aOneLineCaseShowsTheCaseQpaOnItsLineOnlyWhenTheLineHasNone() {
        LineTerms none = LineTerms.NONE;
        LineTerms own = new LineTerms(new BigDecimal("410.40"), null, null, null, null, null, null);
        BigDecimal caseQpa = new BigDecimal("1500.00");
        assertEquals(caseQpa, CaseTerms.lineQpa(none, true, caseQpa));
        assertEquals(new BigDecimal("410.40"), CaseTerms.lineQpa(own, true, caseQpa));
        assertEquals(null, CaseTerms.lineQpa(none, false, caseQpa), "several lines: the case total is no line's QPA");
    }
}
