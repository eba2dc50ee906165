package io.arbiter.findings;

import io.arbiter.common.DemoMode;
import io.arbiter.practice.Practice;
import io.arbiter.practice.Practices;
import io.arbiter.pricing.BenchmarkImporter;
import io.arbiter.pricing.BenchmarkStore;
import io.arbiter.pricing.GpciImporter;
import io.arbiter.pricing.RvuImporter;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Order;
import io.micronaut.runtime.event.annotation.EventListener;
import io.arbiter.cluster.ClusterLock;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;

/**
 * Demo mode only: after the demo seeder, loads the synthetic UCR set, the 2026 PPRRVU pain extract and
 * the 2025 GPCIs bundled under pricing/demo/, points the demo practice at the synthetic set when its
 * configured set is not loaded, and scans all claims so findings are there on first login.
 */
@Singleton
public class DemoFindingsLoader {

    @Inject
    ClusterLock startupLock;

    private static final Logger LOG = LoggerFactory.getLogger(DemoFindingsLoader.class);
    static final String DEMO_SET = "DEMO-SYNTHETIC-2026";

    private final DemoMode demoMode;
    private final BenchmarkStore benchmarks;
    private final BenchmarkImporter benchmarkImporter;
    private final RvuImporter rvuImporter;
    private final GpciImporter gpciImporter;
    private final Practices practices;
    private final FindingsScanner scanner;

    public DemoFindingsLoader(DemoMode demoMode, BenchmarkStore benchmarks, BenchmarkImporter benchmarkImporter, RvuImporter rvuImporter,
                              GpciImporter gpciImporter, Practices practices, FindingsScanner scanner) {
        this.demoMode = demoMode;
        this.benchmarks = benchmarks;
        this.benchmarkImporter = benchmarkImporter;
        this.rvuImporter = rvuImporter;
        this.gpciImporter = gpciImporter;
        this.practices = practices;
        this.scanner = scanner;
    }

    @EventListener
    @Order(20)
    void onStartup(StartupEvent event) {
        if (demoMode.enabled()) {
            startupLock.holding(ClusterLock.STARTUP, ClusterLock.STARTUP_PATIENCE, () -> {
                if (!benchmarks.setExists(DEMO_SET)) {
                    load();
                }
                return null;
            });
        }
    }

    /** Loads the demo pricing data and scans every claim; returns the scan result. */
    public FindingsScanner.ScanResult load() {
        benchmarkImporter.importFile("ucr-demo-2026.csv", read("ucr-demo-2026.csv"));
        rvuImporter.importFile("PPRRVU2026_pain_extract.csv", read("PPRRVU2026_pain_extract.csv"), "RVU26C-PAIN-EXTRACT",
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        gpciImporter.importFile("GPCI2025.csv", read("GPCI2025.csv"), null, null, null);
        for (Practice p : practices.findAll()) {
            if (p.benchmarkSet() == null || !benchmarks.setExists(p.benchmarkSet())) {
                practices.update(p.withPreferences(p.batesPrefix(), DEMO_SET, p.benchmarkKind(), p.benchmarkPercentile()));
            }
        }
        FindingsScanner.ScanResult r = scanner.scan(null);
        LOG.info("Demo mode: loaded demo benchmarks and fee schedules; scan found {} findings on {} claims", r.findings(), r.scanned());
        return r;
    }

    private static byte[] read(String name) {
        try (InputStream in = DemoFindingsLoader.class.getResourceAsStream("/pricing/demo/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
