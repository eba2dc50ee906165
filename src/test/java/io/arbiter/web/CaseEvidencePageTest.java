package io.arbiter.web;

import io.arbiter.claims.Claim;
import io.arbiter.claims.ClaimLine;
import io.arbiter.denials.DenialService;
import io.arbiter.practice.Payer;
import io.arbiter.practice.PlanType;
import io.arbiter.security.Roles;
import io.arbiter.support.DenialFixtures;
import io.arbiter.support.DenialFixtures.L;
import io.arbiter.support.TestAccounts;
import io.arbiter.support.TestClock;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 20: a commercial appeal letter can be produced from the browser. The packet's missing "Evidence checklist"
 * links to the case's evidence screen, which reads the denial from the remittance and records which case document
 * proves each item; then the letter generates.
 */
@MicronautTest(transactional = false)
class CaseEvidencePageTest {

    @Inject @Client("/") HttpClient http;
    @Inject EmbeddedServer server;
    @Inject TestAccounts accounts;
    @Inject DenialFixtures fx;
    @Inject TestClock clock;
    @Inject DenialService denials;

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theEvidenceChecklistIsFilledInTheBrowserAndTheAppealLetterThenGenerates() throws Exception {
        BlockingHttpClient client = http.toBlocking();
        clock.today(LocalDate.of(2026, 9, 10));
        String specialist = accounts.token(client, Roles.SPECIALIST);
        Payer erisa = fx.payer("BLUE PLAINS HEALTH", "BPL1", null);
        Claim claim = fx.claim("DNWEB0001", erisa, PlanType.SELF_FUNDED_ERISA, "11", LocalDate.of(2026, 8, 3), LocalDate.of(2026, 9, 1),
                null, List.of(L.denied("64483", "1200.00", "CO-197")));
        ClaimLine line = fx.lines(claim).get(0);
        long caseId = ((Number) client.retrieve(HttpRequest.POST("/api/v1/cases", Map.of("lineIds", List.of(line.id())))
                .bearerAuth(specialist), Map.class).get("id")).longValue();
        client.retrieve(HttpRequest.PUT("/api/v1/cases/" + caseId + "/packet-details", Map.of("values", Map.of(
                "payer.address.line1", "PO BOX 1000", "payer.address.city", "DALLAS", "payer.address.state", "TX",
                "payer.address.zip", "75201", "practice.contactName", "Dana Ortiz"))).bearerAuth(specialist), Map.class);
        MultipartBody upload = MultipartBody.builder().addPart("file", "auth-letter.pdf", MediaType.APPLICATION_PDF_TYPE,
                io.arbiter.denials.DenialApiTestSupport.pdf("Auth A-55123"))
                .addPart("kind", "PAYER_CORRESPONDENCE").addPart("title", "Authorization letter A-55123").build();
        long documentId = ((Number) client.retrieve(HttpRequest.POST("/api/v1/cases/" + caseId + "/documents", upload)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(specialist), Map.class).get("id")).longValue();

        WebForms web = new WebForms(server, accounts);
        String cookie = web.login("evidence.spec", Roles.SPECIALIST);
        String casePage = web.get("/ui/cases/" + caseId, cookie).body();
        assertTrue(casePage.contains("<a href=\"/ui/cases/" + caseId + "/evidence\" id=\"evidence-link\">"), "the case links to its evidence");

        var empty = web.get("/ui/cases/" + caseId + "/evidence", cookie);
        assertEquals(200, empty.statusCode());
        assertTrue(empty.body().contains("Read denials from the remittances"), empty.body());
        assertEquals(303, web.post("/ui/cases/" + caseId + "/evidence/sync", cookie, "_csrf=" + WebForms.csrf(empty.body())).statusCode());

        String page = web.get("/ui/cases/" + caseId + "/evidence", cookie).body();
        // Now the denial is on record, the appeal letter names the missing evidence and links to this screen.
        String missing = web.get("/ui/cases/" + caseId, cookie).body();
        assertTrue(missing.contains("<li><a href=\"/ui/cases/" + caseId + "/evidence\">Required evidence"), missing);
        long denialId = denials.forClaimLine(line.id()).orElseThrow().id();
        assertTrue(page.contains("id=\"evidence-" + denialId + "\""), page);
        assertTrue(page.contains("Proof the authorization existed"), page);
        assertTrue(page.contains("Authorization letter A-55123"), "the case's documents are offered");

        // Ticking without a document is refused with a message, nothing stored.
        var noDoc = web.post("/ui/cases/" + caseId + "/evidence/" + denialId, cookie, "_csrf=" + WebForms.csrf(page) + "&item-0=on");
        assertEquals(303, noDoc.statusCode());
        assertTrue(noDoc.headers().firstValue("Location").orElse("").contains("error="));
        assertEquals(false, denials.get(denialId).readyForAppealLetter());

        var saved = web.post("/ui/cases/" + caseId + "/evidence/" + denialId, cookie, "_csrf=" + WebForms.csrf(page) + "&item-0=on&documentId="
                + documentId);
        assertEquals(303, saved.statusCode());
        assertTrue(denials.get(denialId).readyForAppealLetter());
        assertTrue(web.get("/ui/cases/" + caseId + "/evidence", cookie).body().contains("Every required item is attached."));

        HttpResponse<byte[]> pdf = client.exchange(HttpRequest.GET("/api/v1/cases/" + caseId + "/packets/COMMERCIAL_APPEAL.pdf")
                .bearerAuth(specialist), byte[].class);
        assertEquals(HttpStatus.OK, pdf.getStatus());

        // Attorneys do not reach the screen.
        String attorney = web.login("evidence.atty", Roles.ATTORNEY);
        int status = web.get("/ui/cases/" + caseId + "/evidence", attorney).statusCode();
        assertTrue(status == 403 || status == 404 || status == 303, "attorney answered " + status);
    }
}
