package io.arbiter.findings;

import io.arbiter.demo.DemoSeeder;
import io.micronaut.data.model.Pageable;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo practice's claims produce underpayment, coding and denial findings once demo pricing data is loaded. */
@MicronautTest(transactional = false)
class DemoFindingsTest {

    @Inject DemoSeeder seeder;
    @Inject DemoFindingsLoader loader;
    @Inject FindingRepository findings;

    @Test
    void demoDataYieldsFindingsOfEveryKind() {
        seeder.seed();
        FindingsScanner.ScanResult r = loader.load();
        assertTrue(r.scanned() >= 36, r.toString());
        assertTrue(r.byType().getOrDefault("UNDERPAYMENT", 0) > 10, r.toString());
        assertTrue(r.byType().getOrDefault("DENIAL", 0) > 0, r.toString());
        assertTrue(r.byType().getOrDefault("CODING", 0) > 0, r.toString());
        Finding top = findings.search("UNDERPAYMENT", null, true, java.util.List.of(-1L), Pageable.from(0, 1)).getContent().get(0);
        assertTrue(top.gap().signum() > 0 && top.basis().contains("DEMO-SYNTHETIC-2026") && top.citation() != null, top.toString());
    }
}
