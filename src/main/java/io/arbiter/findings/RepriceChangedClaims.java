package io.arbiter.findings;

import io.arbiter.claims.ClaimsChanged;
import io.arbiter.claims.RepricingDue;
import io.arbiter.cluster.ScheduledRuns;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Findings are always current (issue 21): when an import commits new claims, payments, reversals or corrections, those
 * claims are priced and scrubbed again at once, with the practice's default benchmark — no screen keeps showing a gap
 * computed from superseded amounts, and newly imported claims are priced without anyone pressing "scan". Runs in the
 * import's own thread after its commit; a failure here never undoes the import. The import marks its claims in its own
 * transaction ({@link RepricingDue}) and the pricing clears the marks, so a crash or failure in between is repaired by
 * {@link #sweep()}: at start-up and every minute (on one instance of the cluster), claims marked for longer than
 * {@link #GRACE} are priced.
 */
@Singleton
public class RepriceChangedClaims implements ApplicationEventListener<ClaimsChanged> {

    private static final Logger LOG = LoggerFactory.getLogger(RepriceChangedClaims.class);

    /** How long a mark may stand before the sweep takes it over from the import's own re-pricing (still running). */
    static final Duration GRACE = Duration.ofMinutes(2);
    private static final int SWEEP_LIMIT = 50_000;
    static final String SWEEP_JOB = "reprice-sweep";

    private final FindingsScanner scanner;
    private final RepricingDue due;
    private final Clock clock;
    private final boolean enabled;
    private final ScheduledRuns runs;

    RepriceChangedClaims(FindingsScanner scanner, RepricingDue due, Clock clock,
                         @io.micronaut.context.annotation.Value("${arbiter.findings.reprice-after-import:true}") boolean enabled,
                         ScheduledRuns runs) {
        this.runs = runs;
        this.scanner = scanner;
        this.due = due;
        this.clock = clock;
        this.enabled = enabled;
    }

    /** Every instance's scheduler fires each minute; the instance that claims the minute sweeps. True when it was this one. */
    @Scheduled(initialDelay = "20s", fixedDelay = "60s")
    public boolean scheduledSweep() {
        if (!enabled || !runs.claimEvery(SWEEP_JOB, Duration.ofMinutes(1))) {
            return false;
        }
        sweep();
        return true;
    }

    /** Prices the claims whose marks outlived the import that set them (a crash or a failed re-pricing); returns how many. */
    public int sweep() {
        if (!enabled) {
            return 0;
        }
        List<Long> left = due.markedBefore(LocalDateTime.now(clock).minus(GRACE), SWEEP_LIMIT);
        if (!left.isEmpty()) {
            onApplicationEvent(new ClaimsChanged(left, "sweep of claims whose re-pricing did not follow their import"));
        }
        return left.size();
    }

    @Override
    public void onApplicationEvent(ClaimsChanged event) {
        if (!enabled || event.claimIds().isEmpty()) {
            return;
        }
        try {
            FindingsScanner.ScanResult r = scanner.scan(new FindingsScanner.ScanRequest(event.claimIds(), null, null, null));
            LOG.info("Re-priced {} claims after {}: {} findings", r.scanned(), event.cause(), r.findings());
        } catch (RuntimeException e) {
            // no PHI in logs: the type only
            LOG.warn("Re-pricing {} claims after {} failed ({}); the next scan prices them", event.claimIds().size(), event.cause(),
                    e.getClass().getName());
        }
    }
}
