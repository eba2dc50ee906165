package io.arbiter.web;

import io.arbiter.common.BrowserErrorPage;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Optional;

/**
 * The page a browser gets on an Arbiter screen its role may not open (403), or for a record of a practice the person
 * does not work for (404, from security.PracticeScopeFilter) — errors raised before any page code runs (see
 * common.BrowserErrorPage).
 */
@Singleton
public class WebForbiddenPage implements BrowserErrorPage {

    private final ViewRenderer renderer;

    public WebForbiddenPage(ViewRenderer renderer) {
        this.renderer = renderer;
    }

    @Override
    public Optional<String> render(HttpRequest<?> request, int status, String detail) {
        boolean browser = request.getPath().startsWith("/ui/")
                && request.getHeaders().accept().stream().anyMatch(m -> m.matches(MediaType.TEXT_HTML_TYPE));
        if (!browser || (status != 403 && status != 404)) {
            return Optional.empty();
        }
        Map<String, Object> m = WebErrorPages.model(status,
                "Your role may not open this page. Go back to your start page for your own work.");
        return Optional.of(renderer.render("error.ftlh", m));
    }
}
