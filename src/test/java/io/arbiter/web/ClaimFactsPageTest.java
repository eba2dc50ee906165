package io.arbiter.web;

import io.arbiter.claims.Claim;
import io.arbiter.practice.PlanType;
import io.arbiter.security.Roles;
import io.arbiter.support.ClaimFixtures;
import io.arbiter.support.TestAccounts;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 14: the claim's facts form and the waiting-for-facts list in the browser (same service as the API). */
@MicronautTest(transactional = false)
class ClaimFactsPageTest {

    @Inject EmbeddedServer server;
    @Inject TestAccounts accounts;
    @Inject ClaimFixtures fixtures;

    @Test
    void specialistAnswersThePlanTypeQuestionAndTheClaimLeavesTheQueue() throws Exception {
        String run = Long.toString(System.nanoTime() % 10_000_000L, 36).toUpperCase();
        Claim claim = fixtures.oneLineClaim("F14W" + run, "FACTS WEB PAYER", "F14W" + run, PlanType.OTHER, null, "64483",
                "2400.00", "900.00", LocalDate.of(2026, 9, 14), LocalDate.of(2026, 10, 8), "24", "752041000", "M5416", List.of("N830"));
        WebForms web = new WebForms(server, accounts);
        String specialist = web.login("facts.spec", Roles.SPECIALIST);
        String claimPage = web.get("/ui/claims/" + claim.id(), specialist).body();
        assertTrue(claimPage.contains("/ui/claims/" + claim.id() + "/facts") && claimPage.contains("waiting for facts"), claimPage);
        String queue = web.get("/ui/waiting-for-facts", specialist).body();
        assertTrue(queue.contains("F14W" + run) && queue.contains("plan type unknown: tell us whether the plan is self-funded"));

        HttpResponse<String> form = web.get("/ui/claims/" + claim.id() + "/facts", specialist);
        assertEquals(200, form.statusCode());
        assertTrue(form.body().contains("unknown · plan") || form.body().contains("cannot tell a self-funded plan"), form.body());
        HttpResponse<String> forged = web.post("/ui/claims/" + claim.id() + "/facts", specialist, "_csrf=forged&planType=SELF_FUNDED_ERISA");
        assertEquals(403, forged.statusCode());
        HttpResponse<String> saved = web.post("/ui/claims/" + claim.id() + "/facts", specialist,
                "_csrf=" + WebForms.csrf(form.body()) + "&planType=SELF_FUNDED_ERISA&emergency=&scope=CLAIM");
        assertEquals(303, saved.statusCode(), saved.body());
        String after = web.get("/ui/claims/" + claim.id() + "/facts", specialist).body();
        assertTrue(after.contains("Federal IDR") && after.contains("set by facts.spec"), after);
        assertFalse(web.get("/ui/waiting-for-facts", specialist).body().contains("F14W" + run));
    }
}
