package io.arbiter.denials;

import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import io.arbiter.claims.Claim;
import io.arbiter.claims.ClaimLine;
import io.arbiter.practice.Payer;
import io.arbiter.practice.PlanType;
import io.arbiter.security.Roles;
import io.arbiter.support.DenialFixtures;
import io.arbiter.support.DenialFixtures.L;
import io.arbiter.support.TestAccounts;
import io.arbiter.support.TestClock;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The denials API: sync, the owner's queue by deadline, roles, and the playbook blocking an incomplete appeal letter. */
@MicronautTest(transactional = false)
class DenialApiTest {

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    TestAccounts accounts;
    @Inject
    DenialFixtures fx;
    @Inject
    TestClock clock;

    BlockingHttpClient client;
    String specialist;

    @BeforeEach
    void setUp() {
        client = http.toBlocking();
        specialist = accounts.token(client, Roles.SPECIALIST);
        clock.today(LocalDate.of(2026, 9, 10));
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    private String login(String user, String role) {
        accounts.ensure(user, "secret-" + user, role);
        Map<?, ?> body = client.retrieve(HttpRequest.POST("/login", Map.of("username", user, "password", "secret-" + user)), Map.class);
        return (String) body.get("access_token");
    }

    @Test
    @SuppressWarnings("unchecked")
    void ownerQueueIsSortedByAppealDeadlineAndSyncIsIdempotent() {
        Payer erisa = fx.payer("BLUE PLAINS HEALTH", "BPL1", null);
        Payer mutual = fx.payer("LONE STAR MUTUAL", "LSM1", 90);
        fx.claim("DNAPI0001", erisa, PlanType.SELF_FUNDED_ERISA, "11", LocalDate.of(2026, 8, 3), LocalDate.of(2026, 9, 1), null,
                List.of(L.denied("64483", "1200.00", "CO-197"), L.denied("64493", "700.00", "CO-4")));
        fx.claim("DNAPI0002", mutual, PlanType.FULLY_INSURED_STATE, "11", LocalDate.of(2026, 8, 4), LocalDate.of(2026, 9, 2), null,
                List.of(L.denied("64490", "650.00", "CO-198")));

        Map<String, Object> first = client.retrieve(HttpRequest.POST("/api/v1/denials/sync", Map.of()).bearerAuth(specialist), Map.class);
        Map<String, Object> second = client.retrieve(HttpRequest.POST("/api/v1/denials/sync", Map.of()).bearerAuth(specialist), Map.class);
        assertTrue(((Number) first.get("created")).intValue() >= 3);
        assertEquals(0, ((Number) second.get("created")).intValue(), "sync is idempotent");
        assertEquals(0, ((Number) second.get("updated")).intValue());

        String auth = login("auth-specialist", Roles.SPECIALIST);
        Map<String, Object> queue = client.retrieve(HttpRequest.GET("/api/v1/denials?owner=me&category=AUTHORIZATION").bearerAuth(auth), Map.class);
        List<Map<String, Object>> items = (List<Map<String, Object>>) queue.get("items");
        assertEquals(2, items.size());
        // LSM1 window 90 days from 2026-09-02 -> 2026-12-01 comes before the ERISA 180 days from 2026-09-01 -> 2027-02-28
        assertEquals("2026-12-01", items.get(0).get("appealDue"));
        assertEquals("2027-02-28", items.get(1).get("appealDue"));
        assertEquals("auth-specialist", items.get(0).get("owner"));
        assertEquals(82, ((Number) items.get(0).get("daysToAppealDue")).intValue(), "2026-09-10 -> 2026-12-01");

        Map<String, Object> coder = client.retrieve(HttpRequest.GET("/api/v1/denials?owner=coder").bearerAuth(specialist), Map.class);
        Map<String, Object> modifier = ((List<Map<String, Object>>) coder.get("items")).get(0);
        assertEquals("MODIFIER", modifier.get("category"));
        assertEquals(true, modifier.get("correctedClaim"));

        String finance = accounts.token(client, Roles.FINANCE);
        long id = ((Number) items.get(0).get("id")).longValue();
        Map<String, Object> one = client.retrieve(HttpRequest.GET("/api/v1/denials/" + id).bearerAuth(finance), Map.class);
        assertEquals("CO-198".substring(3), one.get("carc"));
        var forbidden = assertThrows(HttpClientResponseException.class,
                () -> client.exchange(HttpRequest.POST("/api/v1/denials/sync", Map.of()).bearerAuth(finance)));
        assertEquals(HttpStatus.FORBIDDEN, forbidden.getStatus());
        String attorney = accounts.token(client, Roles.ATTORNEY);
        var attorneyList = assertThrows(HttpClientResponseException.class,
                () -> client.exchange(HttpRequest.GET("/api/v1/denials").bearerAuth(attorney)));
        assertEquals(HttpStatus.FORBIDDEN, attorneyList.getStatus());
    }

    static byte[] pdf(String text) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document();
        PdfWriter.getInstance(doc, out);
        doc.open();
        doc.add(new Paragraph(text));
        doc.close();
        return out.toByteArray();
    }

    @Test
    @SuppressWarnings("unchecked")
    void playbookBlocksTheAppealLetterUntilRequiredEvidenceIsAttached() throws Exception {
        Payer erisa = fx.payer("BLUE PLAINS HEALTH", "BPL1", null);
        Claim claim = fx.claim("DNPKT0001", erisa, PlanType.SELF_FUNDED_ERISA, "11", LocalDate.of(2026, 8, 3), LocalDate.of(2026, 9, 1),
                null, List.of(L.denied("64483", "1200.00", "CO-197")));
        ClaimLine line = fx.lines(claim).get(0);
        client.retrieve(HttpRequest.POST("/api/v1/denials/sync", Map.of("claimIds", List.of(claim.id()))).bearerAuth(specialist), Map.class);
        Map<String, Object> page = client.retrieve(HttpRequest.GET("/api/v1/denials?owner=auth-specialist&size=500").bearerAuth(specialist), Map.class);
        Map<String, Object> denial = ((List<Map<String, Object>>) page.get("items")).stream()
                .filter(d -> ((Number) d.get("claimLineId")).longValue() == line.id()).findFirst().orElseThrow();
        long denialId = ((Number) denial.get("id")).longValue();
        assertEquals(false, denial.get("readyForAppealLetter"));

        Map<String, Object> c = client.retrieve(HttpRequest.POST("/api/v1/cases", Map.of("lineIds", List.of(line.id()))).bearerAuth(specialist), Map.class);
        long caseId = ((Number) c.get("id")).longValue();
        assertEquals("COMMERCIAL_APPEAL", c.get("track"));
        client.retrieve(HttpRequest.PUT("/api/v1/cases/" + caseId + "/packet-details", Map.of("values", Map.of(
                "payer.address.line1", "PO BOX 1000", "payer.address.city", "DALLAS", "payer.address.state", "TX",
                "payer.address.zip", "75201", "practice.contactName", "Dana Ortiz"))).bearerAuth(specialist), Map.class);

        // Incomplete: the packet is refused with 422 naming the missing evidence.
        var blocked = assertThrows(HttpClientResponseException.class, () -> client.exchange(
                HttpRequest.GET("/api/v1/cases/" + caseId + "/packets/COMMERCIAL_APPEAL.pdf").bearerAuth(specialist), byte[].class));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, blocked.getStatus());
        Map<String, Object> problem = blocked.getResponse().getBody(Map.class).orElseThrow();
        List<Map<String, Object>> errors = (List<Map<String, Object>>) problem.get("errors");
        assertTrue(errors.stream().anyMatch(e -> "denial.evidence[0]".equals(e.get("location"))
                && e.get("message").toString().contains("Proof the authorization existed")), errors.toString());

        MultipartBody upload = MultipartBody.builder().addPart("file", "auth-letter.pdf", MediaType.APPLICATION_PDF_TYPE, pdf("Auth A-55123"))
                .addPart("kind", "PAYER_CORRESPONDENCE").addPart("title", "Authorization letter A-55123").build();
        Map<String, Object> doc = client.retrieve(HttpRequest.POST("/api/v1/cases/" + caseId + "/documents", upload)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(specialist), Map.class);
        long documentId = ((Number) doc.get("id")).longValue();

        var badItem = assertThrows(HttpClientResponseException.class, () -> client.exchange(HttpRequest.POST(
                "/api/v1/denials/" + denialId + "/evidence", Map.of("items", List.of(9), "documentId", documentId)).bearerAuth(specialist)));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, badItem.getStatus());

        Map<String, Object> after = client.retrieve(HttpRequest.POST("/api/v1/denials/" + denialId + "/evidence",
                Map.of("items", List.of(0), "documentId", documentId)).bearerAuth(specialist), Map.class);
        assertEquals(true, after.get("readyForAppealLetter"));
        Map<String, Object> item0 = ((List<Map<String, Object>>) after.get("checklist")).get(0);
        assertEquals(true, item0.get("attached"));
        assertEquals("Authorization letter A-55123", item0.get("documentTitle"));

        HttpResponse<byte[]> pdf = client.exchange(HttpRequest.GET("/api/v1/cases/" + caseId + "/packets/COMMERCIAL_APPEAL.pdf")
                .bearerAuth(specialist), Argument.of(byte[].class));
        assertEquals(HttpStatus.OK, pdf.getStatus());
        assertTrue(pdf.body().length > 1000);
        assertFalse(new String(pdf.body(), 0, 5).isBlank());
    }
}
