package io.arbiter.common;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

/**
 * Where people reach Arbiter, for links that leave it (calendar events, a feed address to paste into a calendar
 * program): {@code arbiter.public-url} when set (behind a proxy that rewrites the host), otherwise the scheme and host
 * the request arrived on ({@code X-Forwarded-Proto}/{@code X-Forwarded-Host} when a proxy sets them).
 */
@Singleton
public class PublicUrl {

    private final String configured;

    public PublicUrl(@Value("${arbiter.public-url:}") String configured) {
        this.configured = configured == null ? "" : configured.trim();
    }

    /** The base, without a trailing slash: {@code https://arbiter.example.org}. */
    public String base(HttpRequest<?> request) {
        if (!configured.isEmpty()) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        String proto = request.getHeaders().get("X-Forwarded-Proto");
        String host = request.getHeaders().get("X-Forwarded-Host");
        if (host == null) {
            host = request.getHeaders().get("Host");
        }
        if (host == null || !host.matches("[A-Za-z0-9.:\\[\\]-]{1,255}")) {
            host = "localhost";
        }
        String scheme = proto == null ? (request.isSecure() ? "https" : "http") : proto.split(",")[0].trim();
        return (scheme.equals("https") ? "https" : "http") + "://" + host;
    }

    /** {@code path} ("/ui/cases/9") as an absolute address; anything not starting with a slash is returned as it is. */
    public String absolute(HttpRequest<?> request, String path) {
        return path.startsWith("/") ? base(request) + path : path;
    }
}
