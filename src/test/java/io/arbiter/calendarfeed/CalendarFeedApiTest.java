package io.arbiter.calendarfeed;

import io.arbiter.security.Roles;
import io.arbiter.support.TestAccounts;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@Property(name = "arbiter.test.calendar-source", value = "fixed")
class CalendarFeedApiTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    TestAccounts accounts;

    @Inject
    io.micronaut.runtime.server.EmbeddedServer server;

    @Test
    @SuppressWarnings("unchecked")
    void tokenGivesTheFeedOnlyAndCanBeRotatedAndRevoked() {
        BlockingHttpClient client = http.toBlocking();
        String bearer = accounts.token(client, Roles.ATTORNEY);
        HttpResponse<Map> created = client.exchange(HttpRequest.POST("/api/v1/users/me/calendar-token", "").bearerAuth(bearer), Map.class);
        assertEquals(HttpStatus.CREATED, created.getStatus());
        String token = (String) created.body().get("token");
        assertEquals("/calendar/" + token + ".ics", created.body().get("path"));

        HttpResponse<String> feed = client.exchange(HttpRequest.GET("/calendar/" + token + ".ics"), String.class);
        assertEquals(HttpStatus.OK, feed.getStatus());
        assertTrue(feed.getContentType().orElseThrow().toString().startsWith("text/calendar"));
        String ics = feed.body();
        assertTrue(ics.startsWith("BEGIN:VCALENDAR\r\n"));
        assertTrue(ics.contains("DTSTART;VALUE=DATE:20240719"));
        assertTrue(ics.contains("BEGIN:VALARM"));
        // the event's link opens from a calendar program: absolute, on the host the feed was fetched from
        assertTrue(ics.contains("URL:http://localhost:" + server.getPort() + "/ui/cases/7\r\n"), ics);
        String proxied = client.retrieve(HttpRequest.GET("/calendar/" + token + ".ics").header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "arbiter.example.org"), String.class);
        assertTrue(proxied.contains("URL:https://arbiter.example.org/ui/cases/7\r\n"), proxied);

        // the feed token grants nothing else: it is not a bearer token
        HttpClientResponseException asBearer = assertThrows(HttpClientResponseException.class,
                () -> client.exchange(HttpRequest.GET("/api/v1/claims").bearerAuth(token)));
        assertEquals(HttpStatus.UNAUTHORIZED, asBearer.getStatus());

        // rotate: the old token stops working, the new one works
        String rotated = (String) client.retrieve(HttpRequest.POST("/api/v1/users/me/calendar-token", "").bearerAuth(bearer), Map.class).get("token");
        assertEquals(HttpStatus.NOT_FOUND, assertThrows(HttpClientResponseException.class,
                () -> client.exchange(HttpRequest.GET("/calendar/" + token + ".ics"), String.class)).getStatus());
        assertEquals(HttpStatus.OK, client.exchange(HttpRequest.GET("/calendar/" + rotated + ".ics"), String.class).getStatus());

        // revoke
        assertEquals(HttpStatus.NO_CONTENT, client.exchange(HttpRequest.DELETE("/api/v1/users/me/calendar-token").bearerAuth(bearer)).getStatus());
        assertEquals(HttpStatus.NOT_FOUND, assertThrows(HttpClientResponseException.class,
                () -> client.exchange(HttpRequest.GET("/calendar/" + rotated + ".ics"), String.class)).getStatus());
        assertEquals(HttpStatus.NOT_FOUND, assertThrows(HttpClientResponseException.class,
                () -> client.exchange(HttpRequest.GET("/calendar/not-a-real-token-at-all-xyz.ics"), String.class)).getStatus());
    }
}
