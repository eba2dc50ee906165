package io.arbiter.cases;

import io.arbiter.security.Roles;
import io.arbiter.support.TestAccounts;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests run on a fixed number of threads (application.yml, {@code ARBITER_REQUEST_THREADS}). A request that waits
 * for work of its own (the batch proposals read their left-out counts on a second connection meanwhile) must not queue
 * that work behind other requests on those threads: with two request threads and eight batch requests at once, each
 * thread would hold a request waiting for a read queued behind the other six, and nothing would ever answer.
 */
@MicronautTest(transactional = false)
@Property(name = "micronaut.executors.io.n-threads", value = "2")
class RequestThreadsTest {

    @Inject @Client("/") HttpClient http;
    @Inject TestAccounts accounts;
    @Inject @Named(TaskExecutors.IO) ExecutorService requestThreads;

    @Test
    void requestThreadsAreAFixedNumberAndTheRestQueue() throws Exception {
        CountDownLatch started = new CountDownLatch(3);
        CountDownLatch release = new CountDownLatch(1);
        for (int i = 0; i < 3; i++) {
            requestThreads.submit(() -> {
                started.countDown();
                release.await();
                return null;
            });
        }
        try {
            assertFalse(started.await(500, TimeUnit.MILLISECONDS), "a third task waits for one of the two threads");
            assertEquals(1, started.getCount());
        } finally {
            release.countDown();
        }
        assertTrue(started.await(10, TimeUnit.SECONDS), "and runs once one is free");
    }

    @Test
    void concurrentBatchProposalsAllAnswerWithTwoRequestThreads() throws Exception {
        BlockingHttpClient client = http.toBlocking();
        String token = accounts.token(client, Roles.SPECIALIST);
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<Map>>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(callers.submit(() -> client.exchange(HttpRequest.POST("/api/v1/batches/proposals", Map.of())
                        .bearerAuth(token), Map.class)));
            }
            for (Future<HttpResponse<Map>> answer : answers) {
                HttpResponse<Map> r = answer.get(60, TimeUnit.SECONDS); // a deadlock never answers
                assertEquals(200, r.getStatus().getCode());
                assertEquals(true, r.body().containsKey("proposals"), "a proposals answer: " + r.body().keySet());
            }
        } finally {
            callers.shutdownNow();
        }
    }
}
