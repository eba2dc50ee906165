package io.arbiter.common;

import io.micronaut.http.HttpRequest;

import java.util.Optional;

/**
 * An HTML page for an error a person's browser receives on a screen (implemented by the web package), so errors the
 * framework raises before any page code runs — a 403 from security — are a page, not problem+json (issue 21).
 */
public interface BrowserErrorPage {

    /** The page's HTML for this request and status, or empty when the request is not a browser asking for a screen. */
    Optional<String> render(HttpRequest<?> request, int status, String detail);
}
