package io.arbiter.packets;

import io.arbiter.security.Roles;
import io.arbiter.support.TestAccounts;
import io.arbiter.support.TestClock;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Starting from an imported 835 alone (issue 20): the remittance does not say where the service was furnished, so the
 * Open Negotiation Notice asks for the facility, place of service and state — entered on the case (the packet-details
 * form, or PUT .../packet-details) — and then prints them; a malformed place-of-service code is refused naming the field.
 */
@MicronautTest(transactional = false)
@Property(name = "arbiter.intake.commercial-plan-type", value = "SELF_FUNDED_ERISA")
class EraOnlyCasePacketTest {

    @Inject @Client("/") HttpClient http;
    @Inject TestAccounts accounts;
    @Inject TestClock clock;

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    @Test
    @SuppressWarnings("unchecked")
    void whereTheServiceWasFurnishedIsEnteredOnTheCaseWhenOnlyThe835WasImported() throws Exception {
        BlockingHttpClient client = http.toBlocking();
        String specialist = accounts.token(client, Roles.SPECIALIST);
        io.arbiter.support.CaseApi api = new io.arbiter.support.CaseApi(client, specialist, clock);
        api.importFixture("acme-self-funded-835.edi");
        Map<String, Object> found = client.retrieve(HttpRequest.GET("/api/v1/claims?patientControlNumber=LS03000002").bearerAuth(specialist), Map.class);
        long claimId = ((Number) ((List<Map<String, Object>>) found.get("items")).get(0).get("id")).longValue();
        clock.today(LocalDate.of(2026, 10, 9));
        long id = ((Number) client.retrieve(HttpRequest.POST("/api/v1/cases", Map.of("claimIds", List.of(claimId))).bearerAuth(specialist),
                Map.class).get("id")).longValue();
        api.event(id, "OPEN_NEGOTIATION_STARTED", "2026-10-13", null);
        api.event(id, "OFFER_SUBMITTED", "2026-10-13", "9500.00");

        String missing = missing(client, specialist, id);
        assertTrue(missing.contains("claim.facilityName"), missing);

        var bad = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class, () -> client.exchange(
                HttpRequest.PUT("/api/v1/cases/" + id + "/packet-details", Map.of("values", Map.of("claim.placeOfService", "ASC")))
                        .bearerAuth(specialist), Map.class));
        assertEquals(422, bad.getStatus().getCode());
        assertTrue(bad.getResponse().getBody(String.class).orElse("").contains("values.claim.placeOfService"), "names the field");

        client.exchange(HttpRequest.PUT("/api/v1/cases/" + id + "/packet-details", Map.of("values", Map.of(
                "claim.facilityName", "Bellaire Ambulatory Surgery Center", "claim.placeOfService", "24", "claim.serviceState", "TX",
                "practice.contactName", "Maria Alvarez", "practice.email", "disputes@lonestarspine.example",
                "practice.phone", "713-555-0100"))).bearerAuth(specialist), Map.class);
        missing = missing(client, specialist, id);
        assertFalse(missing.contains("claim.facilityName") || missing.contains("claim.placeOfService") || missing.contains("claim.serviceState"),
                missing);

        String admin = accounts.token(client, Roles.ADMIN);
        List<Map> practices = client.retrieve(HttpRequest.GET("/api/v1/practices").bearerAuth(admin), io.micronaut.core.type.Argument.listOf(Map.class));
        long practiceId = ((Number) practices.get(0).get("id")).longValue();
        client.exchange(HttpRequest.PUT("/api/v1/practices/" + practiceId, Map.of("name", "LONE STAR SPINE AND PAIN PLLC",
                "addressLine", "100 MAIN ST", "city", "HOUSTON", "state", "TX", "zip", "77030", "phone", "713-555-0100",
                "batesPrefix", "LSSP", "benchmarkKind", "BILLED", "benchmarkPercentile", 80)).bearerAuth(admin), Map.class);
        HttpResponse<byte[]> pdf = client.exchange(HttpRequest.GET("/api/v1/cases/" + id + "/packets/OPEN_NEGOTIATION_NOTICE.pdf")
                .bearerAuth(specialist), byte[].class);
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertTrue(text.contains("Bellaire Ambulatory Surgery Center (place of service 24, TX)"), text);
        }
    }

    private static String missing(BlockingHttpClient client, String token, long id) {
        List<Map> packets = client.retrieve(HttpRequest.GET("/api/v1/cases/" + id + "/packets").bearerAuth(token),
                io.micronaut.core.type.Argument.listOf(Map.class));
        return String.valueOf(packets.stream().filter(p -> "OPEN_NEGOTIATION_NOTICE".equals(p.get("type"))).findFirst().orElseThrow()
                .get("missing"));
    }
}
