package io.arbiter.findings;

import io.arbiter.claims.ClaimsChanged;
import io.micronaut.context.event.ApplicationEventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Findings are always current (issue 21): when an import commits new claims, payments, reversals or corrections, those
 * claims are priced and scrubbed again at once, with the practice's default benchmark — no screen keeps showing a gap
 * computed from superseded amounts, and newly imported claims are priced without anyone pressing "scan". Runs in the
 * import's own thread after its commit; a failure here never undoes the import (the next scan completes it).
 */
@Singleton
class RepriceChangedClaims implements ApplicationEventListener<ClaimsChanged> {

    private static final Logger LOG = LoggerFactory.getLogger(RepriceChangedClaims.class);

    private final FindingsScanner scanner;
    private final boolean enabled;

    RepriceChangedClaims(FindingsScanner scanner,
                         @io.micronaut.context.annotation.Value("${arbiter.findings.reprice-after-import:true}") boolean enabled) {
        this.scanner = scanner;
        this.enabled = enabled;
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
