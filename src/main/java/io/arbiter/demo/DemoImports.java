package io.arbiter.demo;

import io.arbiter.common.DemoMode;
import io.arbiter.intake.ImportService;
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
import java.util.List;

/**
 * Demo mode: imports the synthetic X12 files bundled under demo/x12 through the real intake, so the import
 * history and the claims imported from ERAs are there on first start (after the demo seed, before the scan).
 */
@Singleton
public class DemoImports {

    @Inject
    ClusterLock startupLock;

    private static final Logger LOG = LoggerFactory.getLogger(DemoImports.class);
    public static final List<String> FILES = List.of("acme-self-funded-837p.edi", "acme-self-funded-835.edi",
            "bluebonnet-state-plan-835.edi", "gulf-tpa-835.edi", "gulf-tpa-supplemental-835.edi",
            // issue 14: state-law RARC with N830 at an ER in Texas, N830 alone (waiting for facts), VA, CO-50/N115 denial
            "tracks-situations-835.edi");

    private final DemoMode demoMode;
    private final ImportService imports;
    private final DemoCalendar calendar;

    public DemoImports(DemoMode demoMode, ImportService imports, DemoCalendar calendar) {
        this.demoMode = demoMode;
        this.imports = imports;
        this.calendar = calendar;
    }

    @EventListener
    @Order(15)
    void onStartup(StartupEvent event) {
        if (demoMode.enabled()) {
            startupLock.holding(ClusterLock.STARTUP, ClusterLock.STARTUP_PATIENCE, () -> {
                if (imports.list(io.micronaut.data.model.Pageable.from(0, 1)).total() == 0) {
                    load();
                }
                return null;
            });
        }
    }

    public void load() {
        for (String name : FILES) {
            try (InputStream file = DemoImports.class.getResourceAsStream("/demo/x12/" + name)) {
                // the story's dates move with today (DemoCalendar), so the demo never ages
                InputStream in = new java.io.ByteArrayInputStream(calendar.shiftX12(file.readAllBytes()));
                var outcome = imports.submit(name, in, null, true, "specialist");
                LOG.info("Demo mode: imported {} ({})", name, outcome.view().status());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
