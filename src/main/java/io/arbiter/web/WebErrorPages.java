package io.arbiter.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.HashMap;
import java.util.Map;

/**
 * Error responses of the browser pages (403, 404, CSRF failures, 422...) as an HTML page in the Arbiter frame
 * instead of the API's problem+json, so a person sees what happened and where to go next.
 */
@ServerFilter("/ui/**")
public class WebErrorPages {

    private final ViewRenderer renderer;

    public WebErrorPages(ViewRenderer renderer) {
        this.renderer = renderer;
    }

    @ResponseFilter
    @SuppressWarnings("unchecked")
    public void page(HttpRequest<?> request, MutableHttpResponse<?> response) {
        int status = response.code();
        if (status < 400 || !request.getHeaders().accept().stream().anyMatch(m -> m.matches(MediaType.TEXT_HTML_TYPE))) {
            return;
        }
        if (response.getContentType().map(t -> t.matches(MediaType.TEXT_HTML_TYPE)).orElse(false)) {
            return;
        }
        String detail = response.getBody(Map.class).map(b -> b.get("detail")).map(Object::toString).orElse(null);
        ((MutableHttpResponse<Object>) response).body(renderer.render("error.ftlh", model(status, detail))).contentType(MediaType.TEXT_HTML_TYPE + ";charset=utf-8")
                .header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'")
                .header("X-Frame-Options", "DENY").header("X-Content-Type-Options", "nosniff");
    }

    /**
     * The error page's words for a status: a 404 never says more than "no such page" (another practice's record, an
     * unshared case and a wrong id read the same); {@code detail} is shown for other statuses.
     */
    static Map<String, Object> model(int status, String detail) {
        Map<String, Object> m = new HashMap<>();
        m.put("status", status);
        m.put("heading", switch (status) {
            case 403 -> "You do not have access to this page";
            case 404 -> "Not found";
            default -> "Something went wrong";
        });
        m.put("detail", status == 404 ? "There is no such page, or it is not shared with you." : detail);
        m.put("title", m.get("heading"));
        return m;
    }
}
