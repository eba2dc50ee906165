package io.arbiter.web;

import io.arbiter.claims.Claim;
import io.arbiter.claims.ClaimLine;
import io.arbiter.packets.PacketDetails;
import io.arbiter.practice.Payer;
import io.arbiter.practice.PlanType;
import io.arbiter.security.Roles;
import io.arbiter.support.DenialFixtures;
import io.arbiter.support.DenialFixtures.L;
import io.arbiter.support.TestAccounts;
import io.arbiter.support.TestClock;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 20, packet facts entered where they live: the payer's address and contact on the payer screen (linked from the
 * packet that misses them), the case's packet-details form showing only what its track's packets print, and a refused
 * value shown beside its field with everything typed kept and nothing stored.
 */
@MicronautTest(transactional = false)
class PacketFactsInTheBrowserTest {

    @Inject @Client("/") HttpClient http;
    @Inject EmbeddedServer server;
    @Inject TestAccounts accounts;
    @Inject DenialFixtures fx;
    @Inject TestClock clock;
    @Inject PacketDetails details;
    @Inject io.arbiter.practice.Payers payersService;

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    @SuppressWarnings("unchecked")
    void payerContactOnThePayerAndATrackFormThatKeepsWhatWasTyped() throws Exception {
        BlockingHttpClient client = http.toBlocking();
        clock.today(LocalDate.of(2026, 9, 10));
        String specialist = accounts.token(client, Roles.SPECIALIST);
        Payer payer = fx.payer("LONE STAR MUTUAL", "LSM77", null);
        Claim claim = fx.claim("PFB0000001", payer, PlanType.SELF_FUNDED_ERISA, "11", LocalDate.of(2026, 8, 3), LocalDate.of(2026, 9, 1),
                null, List.of(L.denied("64483", "1200.00", "CO-197")));
        ClaimLine line = fx.lines(claim).get(0);
        long caseId = ((Number) client.retrieve(HttpRequest.POST("/api/v1/cases", Map.of("lineIds", List.of(line.id())))
                .bearerAuth(specialist), Map.class).get("id")).longValue();
        long caseLineId = ((Number) ((List<Map<String, Object>>) client.retrieve(HttpRequest.GET("/api/v1/cases/" + caseId)
                .bearerAuth(specialist), Map.class).get("lines")).get(0).get("id")).longValue();

        WebForms web = new WebForms(server, accounts);
        String cookie = web.login("facts.spec", Roles.SPECIALIST);
        String casePage = web.get("/ui/cases/" + caseId, cookie).body();
        // The appeal letter misses the payer's address: the message links to that payer on the payer screen.
        assertTrue(casePage.contains("<a href=\"/ui/payers#payer-" + payer.id() + "\">Payer mailing address is missing"), casePage);
        // A commercial appeal's form asks for what its letter prints, not for IDR numbers, a date of injury or MAR.
        assertTrue(casePage.contains("id=\"pd-denial-payerRequested\""), "the appeal letter prints what the payer asked for");
        assertTrue(casePage.contains("id=\"pd-practice-contactName\""), "every letter is signed by the contact");
        assertFalse(casePage.contains("id=\"pd-idr-disputeNumber\""), "no IDR fields on a commercial appeal");
        assertFalse(casePage.contains("id=\"pd-patient-dateOfInjury\""), "no date of injury outside PIP and workers' comp");
        assertFalse(casePage.contains("id=\"pdl-" + caseLineId + "-mar\""), "no MAR outside workers' comp");
        assertFalse(casePage.contains("name=\"payer.address.line1\""), "the payer's address is entered on the payer");

        // Payer screen: a bad ZIP and state are refused beside their fields; the street typed stays; nothing is stored.
        String payers = web.get("/ui/payers", cookie).body();
        assertTrue(payers.contains("id=\"payer-" + payer.id() + "\""), payers);
        String prefix = "payer-" + payer.id() + "-payer-address-";
        var refused = web.post("/ui/payers/" + payer.id() + "/contact", cookie, "_csrf=" + WebForms.csrf(payers)
                + "&payer.address.line1=" + enc("PO BOX 4410") + "&payer.address.city=AUSTIN&payer.address.state=Texas"
                + "&payer.address.zip=7870&payer.email=&payer.phone=" + enc("(512) 555-0142"));
        assertEquals(422, refused.statusCode());
        String body = refused.body();
        assertTrue(body.contains("id=\"" + prefix + "zip-err\">ZIP or ZIP+4 must be a ZIP code (77030) or ZIP+4 (77030-1234)</p>"), body);
        assertTrue(body.contains("id=\"" + prefix + "state-err\">State must be the two-letter state code, e.g. TX</p>"), body);
        assertTrue(body.contains("value=\"PO BOX 4410\""), "the street typed is kept");
        assertTrue(body.contains("value=\"7870\""), "the refused value is shown for correcting");
        assertTrue(details.forPayer(payer.id()).isEmpty(), "nothing stored when any value is refused");

        var saved = web.post("/ui/payers/" + payer.id() + "/contact", cookie, "_csrf=" + WebForms.csrf(payers)
                + "&payer.address.line1=" + enc("PO BOX 4410") + "&payer.address.city=AUSTIN&payer.address.state=TX"
                + "&payer.address.zip=78701-4410&payer.email=&payer.phone=" + enc("(512) 555-0142")
                + "&legalEntity=" + enc("Lone Star Mutual Insurance Company"));
        assertEquals(303, saved.statusCode());
        // The legal name the Notice of IDR Initiation gives the other party is the payer's own, entered here too.
        assertEquals("Lone Star Mutual Insurance Company", payersService.require(payer.id()).legalEntity());
        assertEquals("78701-4410", details.forPayer(payer.id()).get("payer.address.zip"));
        assertFalse(web.get("/ui/cases/" + caseId, cookie).body().contains("Payer mailing address is missing"),
                "the case reads the payer's address");

        // Case form: a malformed e-mail and units are refused beside their fields, the other typed values kept, nothing stored.
        String form = web.get("/ui/cases/" + caseId, cookie).body();
        var bad = web.post("/ui/cases/" + caseId + "/packet-details", cookie, "_csrf=" + WebForms.csrf(form)
                + "&practice.contactName=" + enc("Dana Ortiz") + "&practice.email=dana-at-clinic"
                + "&denial.payerRequested=" + enc("Operative note and authorization")
                + "&line." + caseLineId + ".units=two");
        assertEquals(422, bad.statusCode());
        String again = bad.body();
        assertTrue(again.contains("id=\"pd-practice-email-err\">Practice contact e-mail must be an e-mail address</p>"), again);
        assertTrue(again.contains("id=\"pdl-" + caseLineId + "-units-err\">Units "), again);
        assertTrue(again.contains("value=\"Dana Ortiz\""), "a valid value typed beside a refused one is kept");
        assertTrue(again.contains("Operative note and authorization</textarea>"), "long text typed is kept");
        assertFalse(details.forCase(claim.practiceId(), payer.id(), caseId).containsKey("practice.contactName"), "nothing stored");
    }
}
