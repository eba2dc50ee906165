package io.arbiter.cases;

import io.arbiter.common.Jdbc;
import io.arbiter.practice.PracticeRepository;
import io.arbiter.support.ClaimFixtures;
import io.arbiter.support.TestAccounts;
import io.arbiter.support.TestClock;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The work queue measured at scale (issue 18): 100,000 dispute cases with 1,000,000 case lines (and their claims, claim
 * lines, deadlines, events and eligibility gates; see {@link WorkQueueLoad}) in MariaDB, "today" 2026-12-01; 50
 * concurrent clients for 60 s per scenario — the queue API's first page, a filtered page, a deep page by offset and
 * by keyset cursor, the queue page, the case page and the claims search — each against the plain SQL query of the
 * same rows, run by the same 50 clients on JDBC connections of their own in the same run. Prints p50/p95/p99, the
 * request rate and errors per scenario; fails on any error or any answer that differs from the plain SQL.
 *
 * <p>Settings: {@code -Dqueue.benchmark.cases=100000 -Dqueue.benchmark.clients=50 -Dqueue.benchmark.seconds=60
 * -Dqueue.benchmark.warmup=20 -Dqueue.benchmark.only=keyset,case page} (scenario names containing any of the words; warm-up
 * seconds per scenario, every scenario warmed before any is timed: on two cores the JIT needs about two minutes of load
 * before a request costs what it will).
 * Run: see docs/performance.md. Excluded from surefire by name; {@link WorkQueueLoadTest} is its smoke version.
 */
@MicronautTest(transactional = false)
class WorkQueueLoadBenchmark {

    @Inject Jdbc jdbc;
    @Inject ClaimFixtures fixtures;
    @Inject PracticeRepository practices;
    @Inject TestAccounts accounts;
    @Inject TestClock clock;
    @Inject EmbeddedServer server;

    @Test
    void workQueueUnderLoadVersusPlainSql() throws Exception {
        int cases = Integer.getInteger("queue.benchmark.cases", 100_000);
        int clients = Integer.getInteger("queue.benchmark.clients", 50);
        double seconds = Double.parseDouble(System.getProperty("queue.benchmark.seconds", "60"));
        double warmup = Double.parseDouble(System.getProperty("queue.benchmark.warmup", "20"));
        Set<String> only = Arrays.stream(System.getProperty("queue.benchmark.only", "").split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        clock.today(WorkQueueLoad.TODAY);
        try {
            WorkQueueLoad.Run run = WorkQueueLoad.run(jdbc, fixtures, practices, accounts, "http://localhost:" + server.getPort(), cases,
                    clients, seconds, warmup, 20, only);
            System.out.println(run.table(clients, seconds));
            assertEquals(0, run.errors(), "no request failed");
        } finally {
            clock.reset();
        }
    }
}
