package io.arbiter.packets;

import io.arbiter.security.Roles;
import io.arbiter.support.CaseApi;
import io.arbiter.support.TestAccounts;
import io.arbiter.support.TestClock;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Texas workers' comp dispute produced from an imported 835 alone (issue 20): the remittance's claim filing
 * indicator WC puts the case on the workers' comp track; the MAR is not computed by Arbiter for a 2026 service (no
 * published DWC conversion factor in its rule data), so the packet asks for it per line; once the carrier's address,
 * the employer, the date of injury and the MAR are entered (the same services the browser forms call), the MFDR
 * request prints MAR − paid as the amount in dispute.
 */
@MicronautTest(transactional = false)
class WorkersCompPacketFromAn835Test {

    @Inject @Client("/") HttpClient http;
    @Inject TestAccounts accounts;
    @Inject TestClock clock;

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void theMfdrRequestIsProducedOnceTheMarIsEntered() throws Exception {
        BlockingHttpClient client = http.toBlocking();
        String specialist = accounts.token(client, Roles.SPECIALIST);
        CaseApi api = new CaseApi(client, specialist, clock);
        // The acme remittance with its SCS claim LS03000002 (63650 x2, paid $1,942.56) sent as workers' comp (CLP06 WC).
        String x12 = new String(getClass().getResourceAsStream("/fixtures/x12/acme-self-funded-835.edi").readAllBytes(),
                StandardCharsets.UTF_8).replace("CLP*LS03000002*1*19000*1942.56*485.64*12*", "CLP*LS03000002*1*19000*1942.56*485.64*WC*")
                // no No Surprises Act remarks on a WC claim (the segment count stays as the SE segment says)
                .replace("LQ*HE*N865~\nLQ*HE*N877~\nLQ*HE*N830~\nCLP*LS03000003", "LQ*HE*N130~\nLQ*HE*M15~\nLQ*HE*N20~\nCLP*LS03000003");
        api.importBytes("wc-835.edi", x12.getBytes(StandardCharsets.UTF_8));
        long claimId = api.claimId("LS03000002");

        Map<String, Object> opened = api.open(claimId, "2026-10-09");
        assertEquals("WORKERS_COMP", opened.get("track"), String.valueOf(opened.get("trackReasons")));
        long id = ((Number) opened.get("id")).longValue();
        api.event(id, "BILL_RECEIVED_BY_CARRIER", "2026-09-01", null);
        api.event(id, "CARRIER_ACTION_RECEIVED", "2026-10-08", null);
        String missing = missing(client, specialist, id);
        assertTrue(missing.contains("MAR"), "the MAR is asked for, not invented: " + missing);

        long payerId = ((Number) ((Map<String, Object>) opened.get("payer")).get("id")).longValue();
        client.exchange(HttpRequest.PUT("/api/v1/payers/" + payerId + "/packet-details", Map.of("values", Map.of(
                "payer.address.line1", "PO BOX 1000", "payer.address.city", "DALLAS", "payer.address.state", "TX",
                "payer.address.zip", "75201"))).bearerAuth(specialist), Map.class);
        client.exchange(HttpRequest.PUT("/api/v1/cases/" + id + "/packet-details", Map.of("values", Map.of(
                "patient.dateOfInjury", "2026-07-02", "patient.employerName", "GULF REFINING CO",
                "practice.contactName", "Maria Alvarez", "practice.phone", "713-555-0100"))).bearerAuth(specialist), Map.class);
        long lineId = ((Number) ((List<Map<String, Object>>) opened.get("lines")).get(0).get("id")).longValue();
        client.exchange(HttpRequest.PUT("/api/v1/cases/" + id + "/lines/" + lineId + "/terms", Map.of("mar", "2600.00",
                "marComputation", "Adjusted RVUs x DWC conversion factor of the year of service")).bearerAuth(specialist), Map.class);

        List<Map> packets = client.retrieve(HttpRequest.GET("/api/v1/cases/" + id + "/packets").bearerAuth(specialist), Argument.listOf(Map.class));
        Map mfdr = packets.stream().filter(p -> "WC_MFDR".equals(p.get("type"))).findFirst().orElseThrow();
        assertEquals(true, mfdr.get("ready"), String.valueOf(mfdr.get("missing")));
        HttpResponse<byte[]> pdf = client.exchange(HttpRequest.GET("/api/v1/cases/" + id + "/packets/WC_MFDR.pdf").bearerAuth(specialist), byte[].class);
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertTrue(text.contains("GULF REFINING CO") && text.contains("07/02/2026"), text);
            // MAR $2,600.00 less the $1,942.56 paid = $657.44 in dispute
            assertTrue(text.contains("$2,600.00") && text.contains("$1,942.56") && text.contains("$657.44"), text);
            assertTrue(text.contains("order payment of $657.44"), text);
        }
    }

    private static String missing(BlockingHttpClient client, String token, long id) {
        List<Map> packets = client.retrieve(HttpRequest.GET("/api/v1/cases/" + id + "/packets").bearerAuth(token), Argument.listOf(Map.class));
        return String.valueOf(packets.stream().filter(p -> "WC_MFDR".equals(p.get("type"))).findFirst().orElseThrow().get("missing"));
    }
}
