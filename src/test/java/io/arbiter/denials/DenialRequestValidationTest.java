package io.arbiter.denials;

import io.arbiter.claims.Claim;
import io.arbiter.claims.ClaimLine;
import io.arbiter.practice.Payer;
import io.arbiter.practice.PlanType;
import io.arbiter.security.Roles;
import io.arbiter.support.DenialFixtures;
import io.arbiter.support.DenialFixtures.L;
import io.arbiter.support.TestAccounts;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Denial requests are validated by the framework (issue 16): the outcome's status is the {@code DenialStatus} enum, an
 * evidence request must name items, an assignment an owner — each refused with a 400 that names the field, nothing
 * changed.
 */
@MicronautTest(transactional = false)
class DenialRequestValidationTest {

    @Inject @Client("/") HttpClient http;
    @Inject TestAccounts accounts;
    @Inject DenialFixtures fx;
    @Inject DenialService denials;

    @Test
    void malformedDenialRequestsAreRefusedNamingTheField() {
        BlockingHttpClient client = http.toBlocking();
        String specialist = accounts.token(client, Roles.SPECIALIST);
        Payer payer = fx.payer("BLUEBONNET HEALTH", "BBH9", null);
        Claim claim = fx.claim("DNVAL0001", payer, PlanType.SELF_FUNDED_ERISA, "11", LocalDate.of(2026, 8, 3), LocalDate.of(2026, 9, 1),
                null, List.of(L.denied("64483", "1200.00", "CO-197")));
        ClaimLine line = fx.lines(claim).get(0);
        client.retrieve(HttpRequest.POST("/api/v1/denials/sync", Map.of("claimIds", List.of(claim.id()))).bearerAuth(specialist), Map.class);
        long id = denials.forClaimLine(line.id()).orElseThrow().id();

        String status = refused(client, HttpRequest.POST("/api/v1/denials/" + id + "/outcome", Map.of("status", "MAYBE")).bearerAuth(specialist));
        assertTrue(status.contains("status"), status);
        String items = refused(client, HttpRequest.POST("/api/v1/denials/" + id + "/evidence", Map.of("items", List.of(), "documentId", 1))
                .bearerAuth(specialist));
        assertTrue(items.contains("items"), items);
        String owner = refused(client, HttpRequest.POST("/api/v1/denials/" + id + "/assign", Map.of("owner", " ")).bearerAuth(specialist));
        assertTrue(owner.contains("owner"), owner);
        assertEquals(DenialStatus.OPEN.name(), String.valueOf(denials.get(id).status()), "nothing changed");

        Map<?, ?> ok = client.retrieve(HttpRequest.POST("/api/v1/denials/" + id + "/outcome", Map.of("status", "WRITTEN_OFF"))
                .bearerAuth(specialist), Map.class);
        assertEquals("WRITTEN_OFF", ok.get("status"));
    }

    private static String refused(BlockingHttpClient client, HttpRequest<?> request) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> client.exchange(request, Map.class));
        assertTrue(e.getStatus().getCode() == 400 || e.getStatus().getCode() == 422, "answered " + e.getStatus());
        return e.getResponse().getBody(String.class).orElse("");
    }
}
