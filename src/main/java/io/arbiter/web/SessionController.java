package io.arbiter.web;

import io.arbiter.security.Roles;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.Map;

/**
 * "Stay signed in" from the idle warning (static/session.js): any screen request slides the session
 * ({@link SlidingSession}); this one answers only when the session now ends, so the page can reset its countdown.
 */
@Controller("/ui/session")
@Secured({Roles.SPECIALIST, Roles.ATTORNEY, Roles.FINANCE, Roles.ADMIN})
@Hidden
public class SessionController {

    private final WebSession session;

    public SessionController(WebSession session) {
        this.session = session;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    public Map<String, Object> now(HttpRequest<?> request) {
        return Map.of("expires", session.expiresAfter(request).orElse(0L));
    }
}
