package io.arbiter.cases;

import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditEventRepository;
import io.arbiter.claims.Claim;
import io.arbiter.security.Roles;
import io.arbiter.support.ClaimFixtures;
import io.arbiter.support.TestAccounts;
import io.arbiter.support.TestClock;
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
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Documents attached to case events are kept with their SHA-256, downloadable by role, and audit-logged. */
@MicronautTest(transactional = false)
class CaseDocumentsTest {

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
    AuditEventRepository audit;

    @Inject
    CaseDocuments documents;

    @Inject
    CaseDocumentRepository documentRows;

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    static byte[] eobPdf() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document();
        PdfWriter.getInstance(doc, out);
        doc.open();
        doc.add(new Paragraph("EXPLANATION OF BENEFITS — ACME HEALTH PLAN — claim ERALSDOC01"));
        doc.close();
        return out.toByteArray();
    }

    @Test
    @SuppressWarnings("unchecked")
    void uploadKeepsTheHashAndDownloadsAreAudited() throws Exception {
        BlockingHttpClient client = http.toBlocking();
        String specialist = accounts.token(client, Roles.SPECIALIST);
        Claim claim = fixtures.nsaTfesiClaim("LSDOC01");
        clock.today(LocalDate.of(2026, 10, 9));
        long id = ((Number) client.retrieve(HttpRequest.POST("/api/v1/cases", Map.of("claimIds", List.of(claim.id())))
                .bearerAuth(specialist), Map.class).get("id")).longValue();
        byte[] pdf = eobPdf();
        MultipartBody body = MultipartBody.builder().addPart("file", "eob.pdf", MediaType.of("application/pdf"), pdf)
                .addPart("kind", "EOB").addPart("title", "EOB for ERALSDOC01").build();
        HttpResponse<Map> up = client.exchange(HttpRequest.POST("/api/v1/cases/" + id + "/documents", body)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(specialist), Map.class);
        assertEquals(HttpStatus.CREATED, up.getStatus());
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
        assertEquals(expected, up.body().get("sha256"));
        long docId = ((Number) up.body().get("id")).longValue();

        Map<String, Object> c = client.retrieve(HttpRequest.GET("/api/v1/cases/" + id).bearerAuth(specialist), Map.class);
        assertEquals(1, ((List<?>) c.get("documents")).size());

        byte[] back = client.retrieve(HttpRequest.GET("/api/v1/cases/" + id + "/documents/" + docId).bearerAuth(specialist), byte[].class);
        assertArrayEquals(pdf, back);
        assertTrue(audit.findByEntityTypeAndEntityIdOrderById("CASE_DOCUMENT", String.valueOf(docId)).stream()
                .anyMatch(e -> e.action() == AuditAction.DOWNLOAD));

        MultipartBody badKind = MultipartBody.builder().addPart("file", "x.pdf", MediaType.of("application/pdf"), pdf)
                .addPart("kind", "SELFIE").build();
        var bad = assertThrows(HttpClientResponseException.class, () -> client.exchange(HttpRequest.POST("/api/v1/cases/" + id + "/documents", badKind)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(specialist), Map.class));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, bad.getStatus());

        String attorney = accounts.token(client, Roles.ATTORNEY);
        assertEquals(HttpStatus.NOT_FOUND, assertThrows(HttpClientResponseException.class, () -> client.exchange(
                HttpRequest.GET("/api/v1/cases/" + id + "/documents/" + docId).bearerAuth(attorney), byte[].class)).getStatus(),
                "not shared with this attorney");
    }

    /** Issue 23 item 9: a carriage return in a file name made the document impossible to download (500). */
    @Test
    void aFileNameWithControlCharactersIsCleanedAndEveryStoredNameDownloads() throws Exception {
        BlockingHttpClient client = http.toBlocking();
        String specialist = accounts.token(client, Roles.SPECIALIST);
        Claim claim = fixtures.nsaTfesiClaim("LSDOC02");
        clock.today(LocalDate.of(2026, 10, 9));
        long id = ((Number) client.retrieve(HttpRequest.POST("/api/v1/cases", Map.of("claimIds", List.of(claim.id())))
                .bearerAuth(specialist), Map.class).get("id")).longValue();
        byte[] pdf = eobPdf();

        CaseDocument cleaned = documents.store(id, null, "EOB", null, "C:\\scans\\EOB\rNúñez\n.pdf", "application/pdf", pdf, "specialist-t");
        assertEquals("EOBNúñez.pdf", cleaned.fileName());
        HttpResponse<byte[]> got = client.exchange(HttpRequest.GET("/api/v1/cases/" + id + "/documents/" + cleaned.id())
                .bearerAuth(specialist), byte[].class);
        assertEquals(HttpStatus.OK, got.getStatus());
        assertEquals("attachment; filename=\"EOBN__ez.pdf\"; filename*=UTF-8''EOBN%C3%BA%C3%B1ez.pdf",
                got.getHeaders().get("Content-Disposition"));

        // A name stored before the cleaning existed still downloads.
        CaseDocument old = documentRows.save(new CaseDocument(null, id, null, "EOB", "old", "old\r\nscan.pdf", "application/pdf",
                "0".repeat(64), pdf.length, pdf, "specialist-t", null));
        HttpResponse<byte[]> oldGot = client.exchange(HttpRequest.GET("/api/v1/cases/" + id + "/documents/" + old.id())
                .bearerAuth(specialist), byte[].class);
        assertEquals(HttpStatus.OK, oldGot.getStatus());
        assertArrayEquals(pdf, oldGot.body());
        assertEquals("attachment; filename=\"oldscan.pdf\"; filename*=UTF-8''oldscan.pdf", oldGot.getHeaders().get("Content-Disposition"));
    }

    /** Issue 21: a .txt was accepted and then silently left out of every packet; documents are typed by their bytes. */
    @Test
    void onlyWhatAPacketCanCarryIsAcceptedTypedByItsContent() throws Exception {
        BlockingHttpClient client = http.toBlocking();
        String specialist = accounts.token(client, Roles.SPECIALIST);
        Claim claim = fixtures.nsaTfesiClaim("LSDOC03");
        clock.today(LocalDate.of(2026, 10, 9));
        long id = ((Number) client.retrieve(HttpRequest.POST("/api/v1/cases", Map.of("claimIds", List.of(claim.id())))
                .bearerAuth(specialist), Map.class).get("id")).longValue();

        MultipartBody text = MultipartBody.builder().addPart("file", "notes.txt", MediaType.TEXT_PLAIN_TYPE,
                "Called payer 10/08, rep said resubmit".getBytes(java.nio.charset.StandardCharsets.UTF_8)).addPart("kind", "OTHER").build();
        var refused = assertThrows(HttpClientResponseException.class, () -> client.exchange(HttpRequest.POST("/api/v1/cases/" + id
                + "/documents", text).contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(specialist), Map.class));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused.getStatus());
        assertTrue(refused.getResponse().getBody(String.class).orElse("").contains("is not a PDF, PNG or JPEG file"));

        // A PDF declared as octet-stream (as some browsers send it) is kept as what it is.
        MultipartBody pdf = MultipartBody.builder().addPart("file", "eob", MediaType.APPLICATION_OCTET_STREAM_TYPE, eobPdf())
                .addPart("kind", "EOB").build();
        Map<String, Object> kept = client.retrieve(HttpRequest.POST("/api/v1/cases/" + id + "/documents", pdf)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(specialist), Map.class);
        assertEquals("application/pdf", kept.get("contentType"));
        assertEquals(1, ((List<?>) client.retrieve(HttpRequest.GET("/api/v1/cases/" + id).bearerAuth(specialist), Map.class)
                .get("documents")).size(), "only the PDF was stored");
    }
}
