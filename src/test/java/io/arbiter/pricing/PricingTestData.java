package io.arbiter.pricing;

import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;

/** Loads the CMS and UCR fixtures once per test context through the real importers. */
@Singleton
public class PricingTestData {

    private final RvuImporter rvu;
    private final GpciImporter gpci;
    private final BenchmarkImporter benchmarks;
    private final BenchmarkStore benchmarkStore;
    private boolean loaded;

    public PricingTestData(RvuImporter rvu, GpciImporter gpci, BenchmarkImporter benchmarks, BenchmarkStore benchmarkStore) {
        this.rvu = rvu;
        this.gpci = gpci;
        this.benchmarks = benchmarks;
        this.benchmarkStore = benchmarkStore;
    }

    public static byte[] fixture(String path) {
        try (InputStream in = PricingTestData.class.getResourceAsStream("/fixtures/" + path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void load() {
        if (loaded && benchmarkStore.setExists("DEMO-SYNTHETIC-2026")) {
            return;
        }
        rvu.importFile("PPRRVU2025_Oct.csv", fixture("cms/PPRRVU2025_Oct.csv"), null, null, null);
        rvu.importFile("PPRRVU2026_pain_extract.csv", fixture("cms/PPRRVU2026_pain_extract.csv"), "RVU26C-EXTRACT",
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        gpci.importFile("GPCI2025.csv", fixture("cms/GPCI2025.csv"), null, null, null);
        benchmarks.importFile("ucr-demo-2026.csv", fixture("benchmarks/ucr-demo-2026.csv"));
        loaded = true;
    }
}
