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

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An administrator reads the audit log by patient, user and date (issue 23 item 5); nobody else can, nothing changes or
 * deletes an entry, and reading the log is itself recorded.
 */
@MicronautTest(transactional = false)
class AuditTrailTest {

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
    io.arbiter.practice.PatientRepository patients;

    @Inject
    javax.sql.DataSource dataSource;

    @Inject
    io.micronaut.jdbc.DataSourceResolver resolver;

    /** The fixtures' claims carry no patient: give each its own. */
    private long withPatient(Claim claim, String lastName) {
        long id = patients.save(io.arbiter.practice.Patient.create(claim.practiceId(), lastName, "ANA", LocalDate.of(1970, 1, 1),
                "W" + claim.id())).id();
        try (var c = resolver.resolve(dataSource).getConnection(); var ps = c.prepareStatement("UPDATE claim SET patient_id = ? WHERE id = ?")) {
            ps.setLong(1, id);
            ps.setLong(2, claim.id());
            ps.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return id;
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAdministratorFindsEveryAccessToOnePatientsRecords() {
        BlockingHttpClient client = http.toBlocking();
        clock.today(LocalDate.of(2026, 10, 9));
        String specialist = accounts.token(client, Roles.SPECIALIST);
        String admin = accounts.token(client, Roles.ADMIN);
        Claim mine = fixtures.oneLineClaim("LSAUD001", "ACME HEALTH PLAN", "ACME1", PlanType.SELF_FUNDED_ERISA, null, "64483",
                "2400.00", "336.00", LocalDate.of(2026, 9, 14), LocalDate.of(2026, 10, 8), "24", "752041000", "M5416", List.of("N865"));
        Claim other = fixtures.oneLineClaim("LSAUD002", "ACME HEALTH PLAN", "ACME1", PlanType.SELF_FUNDED_ERISA, null, "62323",
                "1800.00", "300.00", LocalDate.of(2026, 9, 15), LocalDate.of(2026, 10, 8), "24", "752041000", "M5416", List.of("N865"));
        long minePatient = withPatient(mine, "RIVERA");
        withPatient(other, "OKAFOR");

        client.retrieve(HttpRequest.GET("/api/v1/claims/" + mine.id()).bearerAuth(specialist), Map.class);
        client.retrieve(HttpRequest.GET("/api/v1/claims/" + other.id()).bearerAuth(specialist), Map.class);
        long caseId = new CaseApi(client, specialist, clock).openId(mine.id(), "2026-10-09");

        Map<String, Object> page = client.retrieve(HttpRequest.GET("/api/v1/audit-events?patientId=" + minePatient)
                .bearerAuth(admin), Map.class);
        List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
        assertTrue(items.stream().anyMatch(e -> "CLAIM".equals(e.get("entityType")) && String.valueOf(mine.id()).equals(e.get("entityId"))
                && "VIEW".equals(e.get("action"))), items.toString());
        assertTrue(items.stream().anyMatch(e -> "CASE".equals(e.get("entityType")) && String.valueOf(caseId).equals(e.get("entityId"))),
                "the case holding the patient's claim: " + items);
        assertFalse(items.stream().anyMatch(e -> "CLAIM".equals(e.get("entityType")) && String.valueOf(other.id()).equals(e.get("entityId"))),
                "another patient's claim is not listed");
        assertEquals(items.size(), ((Number) page.get("total")).intValue());

        // by user and date: the specialist's entries of the day they were made; none the day after
        LocalDate day = LocalDate.parse(String.valueOf(items.get(0).get("occurredAt")).substring(0, 10));
        Map<String, Object> byUser = client.retrieve(HttpRequest.GET("/api/v1/audit-events?username=specialist-t&from=" + day + "&to=" + day)
                .bearerAuth(admin), Map.class);
        List<Map<String, Object>> userItems = (List<Map<String, Object>>) byUser.get("items");
        assertTrue(userItems.size() >= 3, userItems.toString());
        assertTrue(userItems.stream().allMatch(e -> "specialist-t".equals(e.get("username"))));
        Map<String, Object> later = client.retrieve(HttpRequest.GET("/api/v1/audit-events?username=specialist-t&from=" + day.plusDays(1))
                .bearerAuth(admin), Map.class);
        assertEquals(0, ((Number) later.get("total")).intValue());

        // reading the log is recorded
        Map<String, Object> reads = client.retrieve(HttpRequest.GET("/api/v1/audit-events?username=admin-t").bearerAuth(admin), Map.class);
        assertTrue(((List<Map<String, Object>>) reads.get("items")).stream().anyMatch(e -> "AUDIT_LOG".equals(e.get("entityType"))));

        // only administrators read it; no route changes or deletes an entry
        assertEquals(HttpStatus.FORBIDDEN, assertThrows(HttpClientResponseException.class,
                () -> client.exchange(HttpRequest.GET("/api/v1/audit-events").bearerAuth(specialist), Map.class)).getStatus());
        Number firstId = (Number) items.get(0).get("id");
        for (HttpRequest<?> change : List.of(HttpRequest.DELETE("/api/v1/audit-events/" + firstId).bearerAuth(admin),
                HttpRequest.PUT("/api/v1/audit-events/" + firstId, Map.of("detail", "edited")).bearerAuth(admin),
                HttpRequest.DELETE("/api/v1/audit-events").bearerAuth(admin))) {
            HttpClientResponseException refused = assertThrows(HttpClientResponseException.class, () -> client.exchange(change, Map.class));
            assertTrue(refused.getStatus().getCode() == 404 || refused.getStatus().getCode() == 405, change + " -> " + refused.getStatus());
        }
    }
}
