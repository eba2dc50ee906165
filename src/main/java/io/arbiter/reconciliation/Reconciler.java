package io.arbiter.reconciliation;

import io.arbiter.cases.CaseOpened;
import io.arbiter.claims.ClaimsChanged;
import io.arbiter.cluster.ScheduledRuns;
import io.arbiter.common.Jdbc;
import io.arbiter.common.Money;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the matching after each import commits (in the import's thread, one transaction per claim; a failure here never
 * undoes the import), and every minute as a sweep: claims in cases or denials with remittances not yet accounted for
 * (an import whose matching was cut short by a crash), and PLB adjustments not yet in the queue. Every step is
 * idempotent — a remittance is accounted for once — so the sweep and the import's own run may overlap harmlessly. The
 * sweep runs on one instance per minute across the cluster ({@link ScheduledRuns#claimEvery}).
 */
@Singleton
public class Reconciler implements ApplicationEventListener<ClaimsChanged> {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);
    private static final int SWEEP_LIMIT = 2000;
    static final String SWEEP_JOB = "reconciliation-sweep";
    /** Outcomes that record no money: not worth a log line (a denial's own 835 is seen once by the sweep after its sync). */
    private static final java.util.Set<String> QUIET = java.util.Set.of("nothing new", "undisputed", "no payment on the denied lines");

    private final ClaimReconciliation claims;
    private final ProviderAdjustmentRowRepository adjustments;
    private final UnmatchedPaymentRepository unmatched;
    private final Jdbc jdbc;
    private final Clock clock;
    private final ScheduledRuns runs;

    Reconciler(ClaimReconciliation claims, ProviderAdjustmentRowRepository adjustments, UnmatchedPaymentRepository unmatched, Jdbc jdbc,
               Clock clock, ScheduledRuns runs) {
        this.runs = runs;
        this.claims = claims;
        this.adjustments = adjustments;
        this.unmatched = unmatched;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void onApplicationEvent(ClaimsChanged event) {
        reconcile(event.claimIds(), event.cause());
    }

    /** In the case's opening transaction: what its claims received so far is its starting point, not new money. */
    @EventListener
    void onCaseOpened(CaseOpened opened) {
        claims.baseline(opened.caseId(), opened.claimIds());
    }

    /** Every instance's scheduler fires each minute; the instance that claims the minute sweeps. True when it was this one. */
    @Scheduled(initialDelay = "30s", fixedDelay = "60s")
    public boolean scheduledSweep() {
        if (!runs.claimEvery(SWEEP_JOB, Duration.ofMinutes(1))) {
            return false;
        }
        sweep();
        return true;
    }

    public void sweep() {
        reconcile(waiting(), "sweep");
    }

    /** Reconciles these claims and queues new PLB adjustments; returns how many claims recorded something. */
    public int reconcile(List<Long> claimIds, String cause) {
        int changed = 0;
        List<Long> disputed = disputed(claimIds);
        java.util.Set<Long> inDispute = new java.util.HashSet<>(disputed);
        List<Long> rest = claimIds.stream().filter(id -> !inDispute.contains(id)).toList();
        for (Long id : disputed) {
            changed += step(id, cause, () -> claims.reconcile(id));
        }
        for (Long id : firstSeenReversed(rest)) {
            changed += step(id, cause, () -> claims.unknownClaim(id));
        }
        queueProviderAdjustments();
        return changed;
    }

    /** One claim's matching (its own transaction); 1 when it recorded something. A failure is left to the sweep. */
    private static int step(Long id, String cause, java.util.function.Supplier<String> work) {
        try {
            String what = work.get();
            if (!QUIET.contains(what)) {
                LOG.info("Reconciled claim {} after {}: {}", id, cause, what);
                return 1;
            }
        } catch (RuntimeException e) {
            // no PHI in logs: ids and the type only; the sweep tries again
            LOG.warn("Reconciling claim {} after {} failed ({}); the sweep tries again", id, cause, e.getClass().getName());
        }
        return 0;
    }

    /** Every PLB adjustment not in the queue yet goes there: it belongs to no claim, finance decides. */
    void queueProviderAdjustments() {
        for (ProviderAdjustmentRow p : adjustments.notQueued()) {
            // PLB04 is withheld from the payment: money to the practice is its negative (L6 interest −12.34 → +12.34)
            String detail = "PLB " + p.reasonCode() + " (" + ProviderAdjustmentCodes.describe(p.reasonCode()) + ")"
                    + (p.reference() == null ? "" : " reference " + p.reference()) + ", " + (p.payerName() == null ? "payer ?" : p.payerName())
                    + ", trace " + p.trace() + ", paid " + p.paymentDate() + ", provider " + p.providerIdentifier()
                    + ", fiscal period " + p.fiscalPeriodDate() + ", import " + p.importId();
            try {
                unmatched.save(new UnmatchedPayment(null, p.practiceId(), UnmatchedPayment.Reason.PROVIDER_ADJUSTMENT, Money.cents(p.amount().negate()),
                        p.paymentDate(), null, null, null, p.id(), p.importId(), null, p.trace(), detail.length() > 500 ? detail.substring(0, 500) : detail,
                        UnmatchedPayment.Status.OPEN, null, null, null, null, null,
                        LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS)));
            } catch (RuntimeException e) {
                // another instance queued it at the same moment (unique provider_adjustment_id)
                LOG.info("PLB adjustment {} already queued ({})", p.id(), e.getClass().getSimpleName());
            }
        }
    }

    /**
     * Of these claims, those in a case or with a denial — the only ones money can be matched to — found set-wise, so an
     * import of 100,000 new claims costs a hundred queries here, not 100,000.
     */
    private List<Long> disputed(List<Long> claimIds) {
        return select(claimIds, ids -> "SELECT claim_id FROM case_line WHERE claim_id IN (" + ids + ") UNION SELECT claim_id FROM denial"
                + " WHERE claim_id IN (" + ids + ")");
    }

    /** Of these claims, those whose first remittance is an imported reversal not accounted for yet (UNKNOWN_CLAIM), set-wise. */
    private List<Long> firstSeenReversed(List<Long> claimIds) {
        return select(claimIds, ids -> "SELECT DISTINCT r.claim_id FROM remittance r WHERE r.claim_id IN (" + ids + ")"
                + FIRST_SEEN_REVERSED);
    }

    /** A claim's first remittance is an imported reversal that nothing accounted for: the claim's paid history is unknown. */
    private static final String FIRST_SEEN_REVERSED = " AND r.claim_status_code = '22' AND r.import_id IS NOT NULL"
            + " AND NOT EXISTS (SELECT 1 FROM remittance o WHERE o.claim_id = r.claim_id AND o.id < r.id)"
            + " AND NOT EXISTS (SELECT 1 FROM remittance_match m WHERE m.remittance_id = r.id)";

    private List<Long> select(List<Long> claimIds, java.util.function.Function<String, String> sql) {
        List<Long> out = new java.util.ArrayList<>();
        for (int from = 0; from < claimIds.size(); from += 1000) {
            String ids = claimIds.subList(from, Math.min(claimIds.size(), from + 1000)).stream().map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(","));
            out.addAll(jdbc.read(c -> {
                List<Long> found = new java.util.ArrayList<>();
                try (java.sql.Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery(sql.apply(ids))) {
                    while (rs.next()) {
                        found.add(rs.getLong(1));
                    }
                }
                return found;
            }));
        }
        return out;
    }

    /** Claims in cases or with denials, or first seen reversed, whose imported remittances are not accounted for yet. */
    private List<Long> waiting() {
        return jdbc.read(c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT w.claim_id FROM remittance w"
                    + " WHERE w.import_id IS NOT NULL AND w.claim_id IS NOT NULL"
                    + " AND NOT EXISTS (SELECT 1 FROM remittance_match m WHERE m.remittance_id = w.id)"
                    + " AND (EXISTS (SELECT 1 FROM case_line cl WHERE cl.claim_id = w.claim_id)"
                    + " OR EXISTS (SELECT 1 FROM denial d WHERE d.claim_id = w.claim_id)"
                    + " OR EXISTS (SELECT 1 FROM remittance r WHERE r.claim_id = w.claim_id" + FIRST_SEEN_REVERSED + ")) LIMIT " + SWEEP_LIMIT);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        });
    }
}
