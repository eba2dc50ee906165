package io.arbiter.web;

import io.arbiter.support.TestAccounts;
import io.micronaut.runtime.server.EmbeddedServer;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web screens at the HTTP level, as a browser reaches them: Chromium's Accept header, redirects not followed
 * (tests check them), the session cookie passed by hand, form posts URL-encoded.
 */
final class WebForms {

    /** What Chromium sends for a page navigation. */
    static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final EmbeddedServer server;
    private final TestAccounts accounts;

    WebForms(EmbeddedServer server, TestAccounts accounts) {
        this.server = server;
        this.accounts = accounts;
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + server.getPort() + path);
    }

    <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) throws Exception {
        return http.send(request, body);
    }

    HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Accept", BROWSER_ACCEPT);
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String cookie, String form) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Accept", BROWSER_ACCEPT)
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs a (created if need be) user in through the login form; returns the session cookie ("JWT=..."). */
    String login(String username, String role) throws Exception {
        accounts.ensure(username, "pw-" + username + "-1", role);
        HttpResponse<String> ok = post("/ui/login", null, "username=" + username + "&password=pw-" + username + "-1");
        assertEquals(303, ok.statusCode());
        String setCookie = ok.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    /** The page's CSRF token, URL-encoded for a form body. */
    static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertTrue(m.find());
        return URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
    }
}
