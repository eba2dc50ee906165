package io.arbiter.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Reads the browser session's JWT from its cookie, for the web pages only. Security runs in bearer mode
 * (the API), where Micronaut's own cookie reader is not active; limiting the cookie to "/" and /ui/** keeps
 * the JSON API bearer-only, so a cookie can never authorise a cross-site API call.
 */
@Singleton
public class WebCookieTokenReader implements TokenReader<HttpRequest<?>> {

    private final WebSession session;

    public WebCookieTokenReader(WebSession session) {
        this.session = session;
    }

    @Override
    public Optional<String> findToken(HttpRequest<?> request) {
        String path = request.getPath();
        if (!path.equals("/") && !path.startsWith("/ui/")) {
            return Optional.empty();
        }
        return session.token(request);
    }
}
