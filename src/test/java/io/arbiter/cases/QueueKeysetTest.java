package io.arbiter.cases;

import io.arbiter.common.Jdbc;
import io.arbiter.practice.PracticeRepository;
import io.arbiter.security.Roles;
import io.arbiter.support.ClaimFixtures;
import io.arbiter.support.TestAccounts;
import io.arbiter.support.TestClock;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GET /api/v1/cases by keyset cursor (issue 18): walking {@code next} from the first page visits exactly the cases the
 * page numbers do, in the same order (next deadline first, cases without one last by id), with or without filters;
 * the last page has no {@code next}; a malformed cursor, or a cursor with a page number, is a 400.
 */
@MicronautTest(transactional = false)
class QueueKeysetTest {

    @Inject @Client("/") HttpClient http;
    @Inject TestAccounts accounts;
    @Inject Jdbc jdbc;
    @Inject ClaimFixtures fixtures;
    @Inject PracticeRepository practices;
    @Inject TestClock clock;

    @Test
    @SuppressWarnings("unchecked")
    void walkingTheCursorVisitsWhatThePageNumbersDo() throws Exception {
        clock.today(WorkQueueLoad.TODAY);
        try {
            WorkQueueLoad.seed(jdbc, fixtures, practices, 300);
            BlockingHttpClient client = http.toBlocking();
            String token = accounts.token(client, Roles.SPECIALIST);
            for (String filter : List.of("", "stage=OPEN&", "assignee=spec.02&", "stage=OPEN&assignee=spec.03&dueBefore=2026-12-31&")) {
                List<Long> byNumber = new ArrayList<>();
                Map<String, Object> first = client.retrieve(HttpRequest.GET("/api/v1/cases?" + filter + "size=40").bearerAuth(token), Map.class);
                long total = ((Number) first.get("total")).longValue();
                for (int page = 0; page * 40L < total; page++) {
                    Map<String, Object> p = client.retrieve(HttpRequest.GET("/api/v1/cases?" + filter + "page=" + page + "&size=40")
                            .bearerAuth(token), Map.class);
                    ((List<Map<String, Object>>) p.get("items")).forEach(i -> byNumber.add(((Number) i.get("id")).longValue()));
                }
                assertEquals(total, byNumber.size(), filter + " pages hold every case once");
                List<Long> byCursor = new ArrayList<>();
                ((List<Map<String, Object>>) first.get("items")).forEach(i -> byCursor.add(((Number) i.get("id")).longValue()));
                String next = (String) first.get("next");
                int pages = 1;
                while (next != null) {
                    Map<String, Object> p = client.retrieve(HttpRequest.GET("/api/v1/cases?" + filter + "after=" + next + "&size=40")
                            .bearerAuth(token), Map.class);
                    List<Map<String, Object>> items = (List<Map<String, Object>>) p.get("items");
                    assertTrue(!items.isEmpty(), "a next cursor leads to cases");
                    items.forEach(i -> byCursor.add(((Number) i.get("id")).longValue()));
                    assertEquals(total, ((Number) p.get("total")).longValue());
                    next = (String) p.get("next");
                    pages++;
                }
                assertEquals(byNumber, byCursor, filter + " the cursor walk and the page numbers agree");
                assertEquals(Math.max(1, (total + 39) / 40), pages, filter + " pages");
            }
            Map<String, Object> all = client.retrieve(HttpRequest.GET("/api/v1/cases?size=500").bearerAuth(token), Map.class);
            assertNull(all.get("next"), "one page holds all 300: no next");
            Map<String, Object> one = client.retrieve(HttpRequest.GET("/api/v1/cases?size=1").bearerAuth(token), Map.class);
            assertNotNull(one.get("next"));
            for (String bad : List.of("x", "2026-13-01_5", "none_", "_5", "none_abc", "2026-12-01", "none_99999999999999999999")) {
                HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                        () -> client.retrieve(HttpRequest.GET("/api/v1/cases?after=" + bad).bearerAuth(token), Map.class), bad);
                assertEquals(HttpStatus.BAD_REQUEST, e.getStatus(), bad);
            }
            HttpClientResponseException both = assertThrows(HttpClientResponseException.class,
                    () -> client.retrieve(HttpRequest.GET("/api/v1/cases?page=2&after=" + one.get("next")).bearerAuth(token), Map.class));
            assertEquals(HttpStatus.BAD_REQUEST, both.getStatus());
        } finally {
            clock.reset();
        }
    }
}
