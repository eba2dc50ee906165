package io.arbiter.cases;

import io.arbiter.common.Jdbc;
import io.arbiter.practice.PracticeRepository;
import io.arbiter.security.Roles;
import io.arbiter.support.ClaimFixtures;
import io.arbiter.support.TestAccounts;
import io.arbiter.support.TestClock;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The queue's {@code total}: from {@code arbiter.queue.total-cache-from} up it may be reused for a few seconds (here
 * from 10 cases, for a 300-case seed), below it is counted on every page; the rows are always read fresh either way.
 */
@MicronautTest(transactional = false)
@Property(name = "arbiter.queue.total-cache-from", value = "10")
@Property(name = "arbiter.queue.total-cache-seconds", value = "600")
class QueueTotalsTest {

    @Inject @Client("/") HttpClient http;
    @Inject TestAccounts accounts;
    @Inject Jdbc jdbc;
    @Inject ClaimFixtures fixtures;
    @Inject PracticeRepository practices;
    @Inject TestClock clock;

    @Test
    @SuppressWarnings("unchecked")
    void aLargeTotalIsReusedASmallOneIsCountedAndTheRowsAreAlwaysFresh() throws Exception {
        clock.today(WorkQueueLoad.TODAY);
        try {
            WorkQueueLoad.seed(jdbc, fixtures, practices, 300);
            BlockingHttpClient client = http.toBlocking();
            String token = accounts.token(client, Roles.SPECIALIST);
            Map<String, Object> before = client.retrieve(HttpRequest.GET("/api/v1/cases?assignee=spec.02&size=500").bearerAuth(token), Map.class);
            long large = ((Number) before.get("total")).longValue();
            assertTrue(large >= 10, "spec.02 has a large queue here: " + large);
            assertEquals(0L, ((Number) client.retrieve(HttpRequest.GET("/api/v1/cases?assignee=spec.new").bearerAuth(token), Map.class)
                    .get("total")).longValue());

            long moved = firstCaseOf("spec.02");
            jdbc.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE dispute_case SET assignee = 'spec.new' WHERE id = ?")) {
                    ps.setLong(1, moved);
                    return ps.executeUpdate();
                }
            });

            Map<String, Object> after = client.retrieve(HttpRequest.GET("/api/v1/cases?assignee=spec.02&size=500").bearerAuth(token), Map.class);
            List<Long> rows = ((List<Map<String, Object>>) after.get("items")).stream().map(i -> ((Number) i.get("id")).longValue()).toList();
            assertFalse(rows.contains(moved), "the rows are fresh: the reassigned case has left spec.02's queue");
            assertEquals(large - 1, rows.size());
            assertEquals(large, ((Number) after.get("total")).longValue(), "the large total is the one counted a moment ago");

            Map<String, Object> small = client.retrieve(HttpRequest.GET("/api/v1/cases?assignee=spec.new").bearerAuth(token), Map.class);
            assertEquals(1L, ((Number) small.get("total")).longValue(), "a small total is counted on every page");
            assertEquals(moved, ((Number) ((List<Map<String, Object>>) small.get("items")).get(0).get("id")).longValue());
        } finally {
            clock.reset();
        }
    }

    private long firstCaseOf(String assignee) {
        return jdbc.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MIN(id) FROM dispute_case WHERE assignee = ?")) {
                ps.setString(1, assignee);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }
}
