package io.arbiter.packets;

import io.arbiter.security.Roles;
import io.arbiter.support.TestAccounts;
import io.arbiter.support.TestClock;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The payer's own adjudication travels with every packet: import the ACME 835/837P, open a federal IDR case on
 * LS03000002 (63650 × 2 at an ASC) and generate the Open Negotiation Notice. Its first exhibit is the generated
 * "Remittance advice (835) excerpt", bookmarked under the exhibits, Bates-numbered, and showing the CLP/SVC/CAS/LQ
 * data as sent: CLP*LS03000002*1*19000*1942.56*485.64*12*ERA0030000002, BPR16 20261008, TRN02 EFT00031008,
 * SVC*HC:63650*19000*1942.56**2, CAS*CO*45*16571.8, CAS*PR*2*485.64, AMT*B6*2428.2, LQ*HE N865/N877/N830.
 * Arithmetic: allowed 19,000.00 − CO-45 16,571.80 = 2,428.20; paid 2,428.20 − PR-2 485.64 = 1,942.56.
 */
@MicronautTest(transactional = false)
@Property(name = "arbiter.intake.commercial-plan-type", value = "SELF_FUNDED_ERISA")
class RemittanceExcerptExhibitTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    TestAccounts accounts;

    @Inject
    TestClock clock;

    BlockingHttpClient client;
    String specialist;

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    private void importFile(String name) {
        new io.arbiter.support.CaseApi(client, specialist, clock).importFixture(name);
    }

    @Test
    @SuppressWarnings("unchecked")
    void openNegotiationNoticeCarriesThe835ExcerptAsFirstExhibit() throws Exception {
        client = http.toBlocking();
        specialist = accounts.token(client, Roles.SPECIALIST);
        importFile("acme-self-funded-837p.edi");
        importFile("acme-self-funded-835.edi");
        Map<String, Object> found = client.retrieve(HttpRequest.GET("/api/v1/claims?patientControlNumber=LS03000002")
                .bearerAuth(specialist), Map.class);
        long claimId = ((Number) ((List<Map<String, Object>>) found.get("items")).get(0).get("id")).longValue();

        clock.today(LocalDate.of(2026, 10, 9));
        Map<String, Object> c = client.retrieve(HttpRequest.POST("/api/v1/cases", Map.of("claimIds", List.of(claimId)))
                .bearerAuth(specialist), Map.class);
        long id = ((Number) c.get("id")).longValue();
        clock.today(LocalDate.of(2026, 10, 13));
        client.retrieve(HttpRequest.POST("/api/v1/cases/" + id + "/events", Map.of("type", "OPEN_NEGOTIATION_STARTED",
                "date", "2026-10-13")).bearerAuth(specialist), Map.class);
        client.retrieve(HttpRequest.POST("/api/v1/cases/" + id + "/events", Map.of("type", "OFFER_SUBMITTED",
                "date", "2026-10-13", "amount", "9500.00")).bearerAuth(specialist), Map.class);

        String admin = accounts.token(client, Roles.ADMIN);
        List<Map> practices = client.retrieve(HttpRequest.GET("/api/v1/practices").bearerAuth(admin), Argument.listOf(Map.class));
        long practiceId = ((Number) practices.get(0).get("id")).longValue();
        client.exchange(HttpRequest.PUT("/api/v1/practices/" + practiceId, Map.of("name", "LONE STAR SPINE AND PAIN PLLC",
                "addressLine", "100 MAIN ST", "city", "HOUSTON", "state", "TX", "zip", "77030", "phone", "713-555-0100",
                "batesPrefix", "LSSP", "benchmarkKind", "BILLED", "benchmarkPercentile", 80)).bearerAuth(admin), Map.class);
        client.exchange(HttpRequest.PUT("/api/v1/practices/" + practiceId + "/packet-details", Map.of("values", Map.of(
                "practice.contactName", "Maria Alvarez", "practice.email", "disputes@lonestarspine.example"))).bearerAuth(admin), Map.class);

        byte[] bytes = client.exchange(HttpRequest.GET("/api/v1/cases/" + id + "/packets/OPEN_NEGOTIATION_NOTICE.pdf")
                .bearerAuth(specialist), byte[].class).body();
        PdfInspector pdf = new PdfInspector(bytes);

        String title = "Exhibit A — Remittance advice (835) excerpt — ERA0030000002";
        PdfInspector.Bookmark exhibit = pdf.bookmark(title);
        assertEquals(0, pdf.bookmark(PacketRenderer.EXHIBITS_BOOKMARK).depth(), "exhibits parent is top level");
        assertEquals(1, exhibit.depth(), "the excerpt is under '" + PacketRenderer.EXHIBITS_BOOKMARK + "'");
        assertEquals(pdf.bookmark(PacketRenderer.EXHIBITS_BOOKMARK).page(), exhibit.page(), "first exhibit");

        String excerpt = String.join("\n", pdf.pageTexts.subList(exhibit.page() - 1, pdf.pageCount));
        for (int p = exhibit.page(); p <= pdf.pageCount; p++) {
            assertTrue(pdf.pageTexts.get(p - 1).contains(String.format("LSSP%06d", p)), "Bates number on exhibit page " + p);
        }
        String compact = excerpt.replaceAll("\\s+", "");
        assertTrue(excerpt.contains("Remittance advice (835) excerpt — ERA0030000002"), excerpt);
        for (String v : List.of("ERA0030000002", "LS03000002", "1—Processedasprimary", "10/08/2026", "EFT00031008",
                "$1,942.56", "$485.64", "$2,428.20", "08/27/2026", "63650",
                "CO-45$16,571.80", "PR-2$485.64", "N865", "N877", "N830")) {
            assertTrue(compact.contains(v), "excerpt shows " + v + ": " + excerpt);
        }
        // A federal IDR packet goes before the IDR entity, which may not consider billed charges: the excerpt
        // leaves out the 835's charge ($19,000.00 on CLP03/SVC02) and says why.
        assertFalse(compact.contains("$19,000.00"), "no billed charge in a federal IDR exhibit: " + excerpt);
        assertFalse(excerpt.contains("Charge"), "no charge column: " + excerpt);
        assertTrue(compact.contains("45CFR149.510(c)(4)(v)"), "the omission cites the rule: " + excerpt);
        // The exhibit adds no PHI beyond the patient's name already on the packet: no member id (NM1*QC*…*MI).
        assertFalse(compact.contains("W998143645"), "no member id in the packet");
        assertTrue(excerpt.contains("TRAN") || excerpt.contains("Tran"), "patient name as on the packet");
    }
}
