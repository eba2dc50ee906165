package io.arbiter.packets;

import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditEventRepository;
import io.arbiter.security.Roles;
import io.arbiter.support.TestAccounts;
import io.arbiter.support.TestClock;
import io.micronaut.context.annotation.Property;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * From the ERA to the paperwork: import the ACME 835 and 837P, open a federal IDR case on the NSA claim
 * LS03000002 (63650 at an ASC, RARCs N865/N877/N830), start open negotiation, and generate the Open
 * Negotiation Notice — refused until the required fields exist, then a real PDF an attorney can download.
 */
@MicronautTest(transactional = false)
@Property(name = "arbiter.intake.commercial-plan-type", value = "SELF_FUNDED_ERISA")
class CasePacketFromImportTest {

    @Inject
    PacketService packetService;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    TestAccounts accounts;

    @Inject
    TestClock clock;

    @Inject
    AuditEventRepository audit;

    BlockingHttpClient client;
    String specialist;

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    private void importFile(String name) {
        new io.arbiter.support.CaseApi(client, specialist, clock).importFixture(name);
    }

    private Map<String, Object> event(long id, String type, String date, String amount) {
        return new io.arbiter.support.CaseApi(client, specialist, clock).event(id, type, date, amount);
    }

    @Test
    @SuppressWarnings("unchecked")
    void importedNsaClaimBecomesACaseWithAnOpenNegotiationNotice() throws Exception {
        client = http.toBlocking();
        specialist = accounts.token(client, Roles.SPECIALIST);
        importFile("acme-self-funded-837p.edi");
        importFile("acme-self-funded-835.edi");

        Map<String, Object> found = client.retrieve(HttpRequest.GET("/api/v1/claims?patientControlNumber=LS03000002").bearerAuth(specialist), Map.class);
        long claimId = ((Number) ((List<Map<String, Object>>) found.get("items")).get(0).get("id")).longValue();
        Map<String, Object> track = client.retrieve(HttpRequest.GET("/api/v1/claims/" + claimId + "/track").bearerAuth(specialist), Map.class);
        assertEquals("FEDERAL_IDR", track.get("track"), track.toString());

        clock.today(LocalDate.of(2026, 10, 9));
        Map<String, Object> c = client.retrieve(HttpRequest.POST("/api/v1/cases", Map.of("claimIds", List.of(claimId))).bearerAuth(specialist), Map.class);
        long id = ((Number) c.get("id")).longValue();
        String caseNumber = (String) c.get("caseNumber");
        assertEquals("2026-10-08", c.get("initialPaymentReceived"), "835 BPR16 / DTM*405 payment date");
        event(id, "OPEN_NEGOTIATION_STARTED", "2026-10-13", null);
        c = event(id, "OFFER_SUBMITTED", "2026-10-13", "9500.00");
        assertEquals("OPEN_NEGOTIATION", c.get("stage"), "the open-negotiation offer does not leave the stage");

        List<Map> packets = client.retrieve(HttpRequest.GET("/api/v1/cases/" + id + "/packets").bearerAuth(specialist),
                io.micronaut.core.type.Argument.listOf(Map.class));
        Map<?, ?> notice = packets.stream().filter(p -> "OPEN_NEGOTIATION_NOTICE".equals(p.get("type"))).findFirst().orElseThrow();
        assertFalse((Boolean) notice.get("ready"));
        assertTrue(notice.get("missing").toString().contains("practice.contactName"), notice.get("missing").toString());

        var refused = assertThrows(HttpClientResponseException.class, () -> client.exchange(
                HttpRequest.GET("/api/v1/cases/" + id + "/packets/OPEN_NEGOTIATION_NOTICE.pdf").bearerAuth(specialist), byte[].class));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused.getStatus());
        assertTrue(refused.getResponse().getBody(String.class).orElse("").contains("Where:"), "says where to enter each field");

        String admin = accounts.token(client, Roles.ADMIN);
        List<Map> practices = client.retrieve(HttpRequest.GET("/api/v1/practices").bearerAuth(admin),
                io.micronaut.core.type.Argument.listOf(Map.class));
        long practiceId = ((Number) practices.get(0).get("id")).longValue();
        client.exchange(HttpRequest.PUT("/api/v1/practices/" + practiceId, Map.of("name", "LONE STAR SPINE AND PAIN PLLC",
                "addressLine", "100 MAIN ST", "city", "HOUSTON", "state", "TX", "zip", "77030", "phone", "713-555-0100",
                "batesPrefix", "LSSP", "benchmarkKind", "BILLED", "benchmarkPercentile", 80)).bearerAuth(admin), Map.class);
        client.exchange(HttpRequest.PUT("/api/v1/practices/" + practiceId + "/packet-details", Map.of("values", Map.of(
                "practice.contactName", "Maria Alvarez", "practice.email", "disputes@lonestarspine.example"))).bearerAuth(admin), Map.class);

        HttpResponse<byte[]> pdf = client.exchange(HttpRequest.GET("/api/v1/cases/" + id + "/packets/OPEN_NEGOTIATION_NOTICE.pdf")
                .bearerAuth(specialist), byte[].class);
        assertEquals("application/pdf", pdf.getContentType().orElseThrow().toString());
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc).replace("\n", "").replace("\r", "");
            assertTrue(text.contains("LSSP000001"), "Bates number on the first page");
            assertTrue(text.contains("ERA0030000002"), "the payer claim number");
            assertTrue(text.contains("63650"));
            assertTrue(text.contains("$9,500.00"), "the offer");
            assertTrue(text.contains("10/08/2026"), "the initial payment date in US format");
            assertTrue(text.contains("IDR initiation due 12/01/2026"), "deadlines with readable labels");
            assertTrue(text.contains(caseNumber));
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                PDFTextStripper page = new PDFTextStripper();
                page.setStartPage(p);
                page.setEndPage(p);
                assertTrue(page.getText(doc).contains(String.format("LSSP%06d", p)), "Bates number on page " + p);
            }
        }

        String attorney = accounts.token(client, Roles.ATTORNEY);
        client.exchange(HttpRequest.POST("/api/v1/cases/" + id + "/shares", Map.of("username", "attorney-t")).bearerAuth(specialist), Map.class);
        HttpResponse<byte[]> asAttorney = client.exchange(HttpRequest.GET("/api/v1/cases/" + id + "/packets/OPEN_NEGOTIATION_NOTICE.pdf")
                .bearerAuth(attorney), byte[].class);
        assertEquals(HttpStatus.OK, asAttorney.getStatus());
        // Nothing changed between the two downloads: the attorney gets the stored packet, and no second copy is stored
        // (issue 23 item 9).
        assertArrayEquals(pdf.body(), asAttorney.body());
        assertEquals(pdf.getHeaders().get("X-Content-SHA256"), asAttorney.getHeaders().get("X-Content-SHA256"));
        assertEquals(1, packetService.history(id).stream().filter(g -> g.packetType() == PacketType.OPEN_NEGOTIATION_NOTICE).count());
        assertTrue(audit.findByUsernameOrderById("attorney-t").stream()
                .anyMatch(e -> e.action() == AuditAction.DOWNLOAD && "PACKET".equals(e.entityType())), "the download is audit-logged");
    }
}
