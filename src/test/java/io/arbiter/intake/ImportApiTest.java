package io.arbiter.intake;

import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditEventRepository;
import io.arbiter.security.Roles;
import io.arbiter.support.TestAccounts;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST/GET /api/v1/imports over HTTP, and the imported claim through GET /api/v1/claims/{id}. */
@MicronautTest(transactional = false)
class ImportApiTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    TestAccounts accounts;

    @Inject
    IntakeTestSupport support;

    @Inject
    AuditEventRepository audit;

    BlockingHttpClient client;

    @BeforeEach
    void setUp() {
        client = http.toBlocking();
        support.wipe();
    }

    static HttpRequest<MultipartBody> upload(String token, String name, byte[] bytes, String format) {
        return upload("/api/v1/imports", token, name, bytes, format);
    }

    static HttpRequest<MultipartBody> upload(String uri, String token, String name, byte[] bytes, String format) {
        MultipartBody.Builder body = MultipartBody.builder().addPart("file", name, MediaType.TEXT_PLAIN_TYPE, bytes);
        if (format != null) {
            body.addPart("format", format);
        }
        return HttpRequest.POST(uri, body.build()).contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(token);
    }

    @Test
    @SuppressWarnings("unchecked")
    void importThenReadTheClaimWithLinesAdjustmentsRemarksAndNsa() {
        String token = accounts.token(client, Roles.SPECIALIST);
        byte[] bytes = IntakeTestSupport.fixture("x12/acme-self-funded-835.edi");

        HttpResponse<Map> created = client.exchange(upload(token, "acme.edi", bytes, null), Map.class);

        assertEquals(HttpStatus.CREATED, created.getStatus());
        Map<String, Object> imp = created.body();
        assertEquals("X12_835", imp.get("format"));
        assertEquals("COMPLETED", imp.get("status"));
        assertEquals(false, imp.get("duplicate"));
        assertEquals(24, imp.get("claims"));
        assertEquals(35, imp.get("serviceLines"));
        assertEquals(55, imp.get("adjustments"));
        assertEquals(64, ((String) imp.get("sha256")).length());
        assertEquals(Map.of("processed", bytes.length, "total", bytes.length), imp.get("progress"));
        assertEquals(List.of(), imp.get("errors"));
        long importId = ((Number) imp.get("id")).longValue();
        assertTrue(audit.findByEntityTypeAndEntityIdOrderById("IMPORT", String.valueOf(importId)).stream()
                .anyMatch(e -> e.action() == AuditAction.IMPORT));

        HttpResponse<Map> again = client.exchange(upload(token, "acme-copy.edi", bytes, "X12"), Map.class);
        assertEquals(HttpStatus.OK, again.getStatus());
        assertEquals(true, again.body().get("duplicate"));
        assertEquals(importId, ((Number) again.body().get("id")).longValue());

        Map<String, Object> fetched = client.retrieve(HttpRequest.GET("/api/v1/imports/" + importId).bearerAuth(token), Map.class);
        assertEquals("COMPLETED", fetched.get("status"));
        Map<String, Object> page = client.retrieve(HttpRequest.GET("/api/v1/imports?page=0&size=10").bearerAuth(token), Map.class);
        assertEquals(1, ((Number) page.get("total")).intValue());

        long claimId = support.claimId("LS03000005");
        Map<String, Object> claim = client.retrieve(HttpRequest.GET("/api/v1/claims/" + claimId).bearerAuth(token), Map.class);
        assertEquals("LS03000005", claim.get("patientControlNumber"));
        assertEquals("ERA0030000005", claim.get("payerClaimControlNumber"));
        assertEquals(Map.of("name", "ACME HEALTH PLAN", "payerId", "ACME1"), claim.get("payer"));
        assertEquals("1234567893", claim.get("billingNpi"));
        assertEquals("3456789015", claim.get("renderingNpi"));
        assertEquals(929.92, ((Number) claim.get("totalPaid")).doubleValue(), 0.001);
        List<Map<String, Object>> lines = (List<Map<String, Object>>) claim.get("lines");
        assertEquals(2, lines.size());
        Map<String, Object> first = lines.get(0);
        assertEquals("64635", first.get("procedureCode"));
        assertEquals(List.of("RT"), first.get("modifiers"));
        assertEquals(722.40, ((Number) first.get("allowed")).doubleValue(), 0.001);
        assertEquals(577.92, ((Number) first.get("paid")).doubleValue(), 0.001);
        assertEquals(List.of(Map.of("group", "CO", "reasonCode", "45", "amount", 4077.6),
                Map.of("group", "PR", "reasonCode", "2", "amount", 144.48)), first.get("adjustments"));
        assertEquals(List.of("N865", "N877", "N830"), first.get("remarkCodes"));
        assertEquals(List.of("N865", "N877", "N830"), ((Map<String, Object>) claim.get("nsa")).get("indicators"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void rejectedFileAnswers422WithTheRejectedImport() {
        String token = accounts.token(client, Roles.ADMIN);
        byte[] bytes = IntakeTestSupport.fixture("x12/invalid/non-numeric-amount-835.edi");

        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> client.exchange(upload(token, "bad.edi", bytes, null), Map.class));

        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, e.getStatus());
        Map<String, Object> body = e.getResponse().getBody(Argument.mapOf(String.class, Object.class)).orElseThrow();
        assertEquals("REJECTED", body.get("status"));
        List<Map<String, Object>> errors = (List<Map<String, Object>>) body.get("errors");
        assertEquals("segment 17 (CLP), element 4", errors.get(0).get("location"));
        assertEquals(0, support.count("SELECT COUNT(*) FROM claim"));
    }

    @Test
    void rolesWithoutImportRightsGet403() {
        byte[] bytes = IntakeTestSupport.fixture("x12/bom-utf8-835.edi");
        for (String role : List.of(Roles.FINANCE, Roles.ATTORNEY)) {
            String token = accounts.token(client, role);
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                    () -> client.exchange(upload(token, "bom.edi", bytes, null), Map.class));
            assertEquals(HttpStatus.FORBIDDEN, e.getStatus());
        }
        assertEquals(0, support.count("SELECT COUNT(*) FROM import_file"));
    }

    @Test
    void unknownFormatPartIs400() {
        String token = accounts.token(client, Roles.SPECIALIST);
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> client.exchange(upload(token, "x.edi", IntakeTestSupport.fixture("x12/bom-utf8-835.edi"), "PDF"), Map.class));
        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
    }
}
