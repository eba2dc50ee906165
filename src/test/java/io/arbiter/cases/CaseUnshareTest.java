package io.arbiter.cases;

import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditEventRepository;
import io.arbiter.claims.Claim;
import io.arbiter.security.Roles;
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

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DELETE /cases/{id}/shares/{username} takes a case away from an attorney, audited (issue 23 item 3). */
@MicronautTest(transactional = false)
class CaseUnshareTest {

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    TestAccounts accounts;
    @Inject
    ClaimFixtures fixtures;
    @Inject
    TestClock clock;
    @Inject
    AuditEventRepository auditEvents;

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    @Test
    void anUnsharedCaseIsGoneForTheAttorney() {
        BlockingHttpClient client = http.toBlocking();
        String specialist = accounts.token(client, Roles.SPECIALIST);
        Claim claim = fixtures.nsaTfesiClaim("LSUNSHARE1");
        clock.today(LocalDate.of(2026, 10, 9));
        long caseId = ((Number) client.retrieve(HttpRequest.POST("/api/v1/cases", Map.of("claimIds", List.of(claim.id())))
                .bearerAuth(specialist), Map.class).get("id")).longValue();
        accounts.ensure("counsel-unshare", "counsel-unshare-pw", Roles.ATTORNEY);
        String attorney = (String) client.retrieve(HttpRequest.POST("/login",
                Map.of("username", "counsel-unshare", "password", "counsel-unshare-pw")), Map.class).get("access_token");
        client.exchange(HttpRequest.POST("/api/v1/cases/" + caseId + "/shares", Map.of("username", "counsel-unshare")).bearerAuth(specialist), Map.class);
        assertEquals(HttpStatus.OK, client.exchange(HttpRequest.GET("/api/v1/cases/" + caseId).bearerAuth(attorney), Map.class).getStatus());

        assertEquals(HttpStatus.OK, client.exchange(HttpRequest.DELETE("/api/v1/cases/" + caseId + "/shares/counsel-unshare")
                .bearerAuth(specialist), Map.class).getStatus());
        var gone = assertThrows(HttpClientResponseException.class,
                () -> client.exchange(HttpRequest.GET("/api/v1/cases/" + caseId).bearerAuth(attorney), Map.class));
        assertEquals(HttpStatus.NOT_FOUND, gone.getStatus());
        assertTrue(auditEvents.findByEntityTypeAndEntityIdOrderById("CASE", Long.toString(caseId)).stream()
                .anyMatch(e -> e.action() == AuditAction.CHANGE && "share with counsel-unshare removed".equals(e.detail())));
        var again = assertThrows(HttpClientResponseException.class, () -> client.exchange(HttpRequest.DELETE(
                "/api/v1/cases/" + caseId + "/shares/counsel-unshare").bearerAuth(specialist), Map.class));
        assertEquals(HttpStatus.NOT_FOUND, again.getStatus());
    }
}
