package io.arbiter.web;

import io.arbiter.common.BrowserErrorPage;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The 403 page for a browser on an Arbiter screen its role may not open (see common.BrowserErrorPage). */
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
        if (!browser || status != 403) {
            return Optional.empty();
        }
        Map<String, Object> m = new HashMap<>();
        m.put("status", 403);
        m.put("heading", "You do not have access to this page");
        m.put("detail", "Your role may not open this page. Go back to your start page for your own work.");
        m.put("title", m.get("heading"));
        return Optional.of(renderer.render("error.ftlh", m));
    }
}
