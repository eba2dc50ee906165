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

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The smoke version of {@link WorkQueueLoadBenchmark}, in the normal suite: 1,000 cases (about 10,000 lines), ten
 * answers of every scenario checked against the plain SQL of the same rows (queue pages by offset and by keyset cursor,
 * the queue page, the case page, the claims search), then 8 clients for 0.5 s per scenario and its baseline, no error.
 * No timing is asserted.
 */
@MicronautTest(transactional = false)
class WorkQueueLoadTest {

    @Inject Jdbc jdbc;
    @Inject ClaimFixtures fixtures;
    @Inject PracticeRepository practices;
    @Inject TestAccounts accounts;
    @Inject TestClock clock;
    @Inject EmbeddedServer server;

    @Test
    void everyScenarioAnswersThePlainSqlRowsUnderConcurrentClients() throws Exception {
        clock.today(WorkQueueLoad.TODAY);
        try {
            WorkQueueLoad.Run run = WorkQueueLoad.run(jdbc, fixtures, practices, accounts, "http://localhost:" + server.getPort(), 1_000, 8,
                    0.5, 0, 10, Set.of());
            System.out.println(run.table(8, 0.5));
            assertEquals(0, run.errors(), "no request failed");
            assertTrue(run.seed().lines() > 8_000, "about ten lines a case: " + run.seed().lines());
            assertEquals(7, run.results().size());
            run.results().forEach(r -> assertTrue(r[0].micros().length > 0 && r[1].micros().length > 0, r[0].name() + " ran"));
        } finally {
            clock.reset();
        }
    }
}
