package io.arbiter.web;

import io.arbiter.security.Roles;
import io.arbiter.support.TestAccounts;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

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

/** Login, cookie, CSRF and logout at the HTTP level (what the browser test relies on, checked header by header). */
@MicronautTest(transactional = false)
class WebSessionHttpTest {

    @Inject EmbeddedServer server;
    @Inject TestAccounts accounts;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void loginSetsAStrictHttpOnlyCookieAndFormsNeedTheCsrfToken() throws Exception {
        accounts.ensure("web.spec", "pw-web-spec-1", Roles.SPECIALIST);
        HttpResponse<String> anonymous = get("/ui/queue", null);
        assertEquals(303, anonymous.statusCode() / 100 == 3 ? 303 : anonymous.statusCode(), anonymous.body());
        assertEquals("/", anonymous.headers().firstValue("Location").orElse("").replaceFirst("^https?://[^/]+", ""));

        HttpResponse<String> wrong = post("/ui/login", null, "username=web.spec&password=nope");
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.body().contains("The username or password is not right."));

        HttpResponse<String> ok = post("/ui/login", null, "username=web.spec&password=pw-web-spec-1");
        assertEquals(303, ok.statusCode(), ok.body());
        assertEquals("/ui/queue", ok.headers().firstValue("Location").orElseThrow());
        String setCookie = ok.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.startsWith("JWT="), setCookie);
        assertTrue(setCookie.toLowerCase().contains("httponly") && setCookie.contains("SameSite=Strict"), setCookie);
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        HttpResponse<String> queue = get("/ui/queue", cookie);
        assertEquals(200, queue.statusCode(), queue.body());
        assertTrue(queue.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(queue.body());
        assertTrue(csrf.find(), "every page carries the CSRF token for its forms");

        HttpResponse<String> forged = post("/ui/logout", cookie, "_csrf=forged");
        assertEquals(403, forged.statusCode(), "a form without the session's CSRF token is refused");

        HttpResponse<String> out = post("/ui/logout", cookie, "_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8));
        assertEquals(303, out.statusCode());
        String cleared = out.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cleared.startsWith("JWT=;") && cleared.contains("Max-Age=0"), cleared);
    }

    HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + path)).header("Accept", "text/html");
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String cookie, String form) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + path))
                .header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded");
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
