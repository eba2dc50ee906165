package io.arbiter.web;

import io.arbiter.claims.Claim;
import io.arbiter.security.AppUserRepository;
import io.arbiter.security.Roles;
import io.arbiter.security.Users;
import io.arbiter.support.CaseApi;
import io.arbiter.support.ClaimFixtures;
import io.arbiter.support.TestAccounts;
import io.arbiter.support.TestClock;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Practice scope on the screens (issue 15): a specialist of another practice gets the "not found" page for this
 * practice's case and claim — the same page an id that does not exist gets — and does not see the case in the work
 * queue or the claim in the claim search; the claim's own practice sees both.
 */
@MicronautTest(transactional = false)
class PracticeScopeInTheBrowserTest {

    @Inject @Client("/") HttpClient http;
    @Inject EmbeddedServer server;
    @Inject TestAccounts accounts;
    @Inject ClaimFixtures fixtures;
    @Inject TestClock clock;
    @Inject AppUserRepository userRows;
    @Inject Users users;

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    @Test
    void anotherPracticesCaseAndClaimAreNotFound() throws Exception {
        String specialist = accounts.token(http.toBlocking(), Roles.SPECIALIST);
        Claim claim = fixtures.nsaTfesiClaim("LSWEBSCOPE1");
        long caseId = new CaseApi(http.toBlocking(), specialist, clock).openId(claim.id(), "2026-10-09");
        clock.reset();
        WebForms web = new WebForms(server, accounts);
        String outsider = login(web, "gulf-web-specialist", fixtures.otherPractice().id());
        String insider = login(web, "lone-star-web-specialist", fixtures.practice().id());

        HttpResponse<String> theirCase = web.get("/ui/cases/" + caseId, outsider);
        assertEquals(404, theirCase.statusCode());
        assertFalse(theirCase.body().contains("LSWEBSCOPE1"), theirCase.body());
        assertTrue(theirCase.body().contains("Not found") && theirCase.body().contains("There is no such page")
                && theirCase.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), "a page, not problem+json: " + theirCase.body());
        assertEquals(404, web.get("/ui/claims/" + claim.id(), outsider).statusCode());
        assertEquals(404, web.get("/ui/cases/" + caseId + "/packet-details", outsider).statusCode());
        String caseLink = "href=\"/ui/cases/" + caseId + "\"";
        String claimLink = "href=\"/ui/claims/" + claim.id() + "\"";
        assertFalse(web.get("/ui/queue", outsider).body().contains(caseLink));
        assertFalse(web.get("/ui/claims?q=LSWEBSCOPE1", outsider).body().contains(claimLink));

        assertEquals(200, web.get("/ui/cases/" + caseId, insider).statusCode());
        assertTrue(web.get("/ui/queue", insider).body().contains(caseLink));
        assertTrue(web.get("/ui/claims?q=LSWEBSCOPE1", insider).body().contains(claimLink));
    }

    private String login(WebForms web, String username, Long practiceId) throws Exception {
        accounts.ensure(username, "pw-" + username + "-1", Roles.SPECIALIST);
        users.assignPractices(userRows.findByUsername(username).orElseThrow(), false, List.of(practiceId));
        return web.login(username, Roles.SPECIALIST);
    }
}
