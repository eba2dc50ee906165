package io.arbiter.web;

import io.arbiter.security.Roles;
import io.arbiter.support.TestAccounts;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15, sessions: the browser session ends after inactivity, not at a fixed time after sign-in. With a 6-second
 * session (the production default is 30 minutes), a screen answered after half of it re-issues the cookie for the full
 * time; the form rendered before keeps its CSRF token; the old cookie still expires when it said it would, and
 * sign-out ends the slid session at once. (Real seconds pass: JWT expiry is wall-clock time.)
 */
@MicronautTest(transactional = false)
@Property(name = "arbiter.web.session-seconds", value = "6")
class SlidingSessionTest {

    @Inject EmbeddedServer server;
    @Inject TestAccounts accounts;

    @Test
    void aScreenInTheSecondHalfOfTheSessionExtendsItAndFormsKeepWorking() throws Exception {
        WebForms web = new WebForms(server, accounts);
        String first = web.login("slide.spec", Roles.SPECIALIST);
        HttpResponse<String> early = web.get("/ui/queue", first);
        assertEquals(200, early.statusCode());
        assertTrue(early.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("JWT=")),
                "nothing to re-issue in the first half");
        String csrf = WebForms.csrf(early.body());

        Thread.sleep(3_600);
        HttpResponse<String> late = web.get("/ui/queue", first);
        assertEquals(200, late.statusCode());
        String setCookie = late.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JWT=")).findFirst().orElseThrow();
        String second = setCookie.substring(0, setCookie.indexOf(';'));
        assertNotEquals(first, second, "a fresh session cookie");
        assertTrue(setCookie.toLowerCase().contains("httponly") && setCookie.contains("SameSite=Strict"), setCookie);
        assertEquals(csrf, WebForms.csrf(late.body()), "a form rendered before the re-issue still posts");

        Thread.sleep(3_000); // 6.6 s after sign-in: the first cookie has expired, the re-issued one has not
        assertNotEquals(200, web.get("/ui/queue", first).statusCode(), "the original cookie ended when it said it would");
        HttpResponse<String> still = web.get("/ui/queue", second);
        assertEquals(200, still.statusCode(), "the slid session is still open");

        // Signing out ends the slid session at once (the session generation moves on).
        assertEquals(303, web.post("/ui/logout", second, "_csrf=" + WebForms.csrf(still.body())).statusCode());
        assertNotEquals(200, web.get("/ui/queue", second).statusCode());
    }
}
