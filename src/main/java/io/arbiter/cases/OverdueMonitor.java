package io.arbiter.cases;

import io.arbiter.cluster.ScheduledRuns;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * The daily clock of the case book. It marks awards unpaid past their payment deadline as
 * PAYMENT_OVERDUE (the 30-day payment after a determination, 42 U.S.C. 300gg-111(c)(6)), and moves
 * federal cases whose open negotiation has ended to READY_TO_INITIATE.
 */
@Singleton
public class OverdueMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(OverdueMonitor.class);
    static final String SYSTEM = "system";

    @Serdeable
    public record Result(LocalDate asOf, List<String> markedOverdue, List<String> readyToInitiate) {
    }

    private final DisputeCaseRepository cases;
    private final CaseDeadlineRepository deadlines;
    private final CaseService service;
    private final ScheduledRuns scheduledRuns;

    public OverdueMonitor(DisputeCaseRepository cases, CaseDeadlineRepository deadlines, CaseService service,
                          ScheduledRuns scheduledRuns) {
        this.scheduledRuns = scheduledRuns;
        this.cases = cases;
        this.deadlines = deadlines;
        this.service = service;
    }

    @Scheduled(cron = "${arbiter.cases.overdue-cron:0 15 5 * * *}")
    public void daily() {
        // Every instance's scheduler fires; the one that records today's run does the work (run() is idempotent too).
        if (!scheduledRuns.claim("overdue-check", service.today().toString())) {
            LOG.info("Overdue check {} already run by another instance", service.today());
            return;
        }
        Result r = run();
        LOG.info("Overdue check {}: {} overdue, {} ready to initiate", r.asOf(), r.markedOverdue().size(), r.readyToInitiate().size());
    }

    @Transactional
    public Result run() {
        LocalDate today = service.today();
        List<String> overdue = new ArrayList<>();
        List<String> ready = new ArrayList<>();
        var awardStages = EnumSet.of(CaseStage.DETERMINED, CaseStage.DECIDED, CaseStage.MFDR_DECIDED,
                CaseStage.RECONSIDERATION_DECIDED, CaseStage.APPEAL_DECIDED, CaseStage.OPEN_NEGOTIATION,
                CaseStage.PROOF_OF_CLAIM_SENT, CaseStage.DEMAND_SENT);
        for (DisputeCase dc : cases.findByStageIn(awardStages)) {
            for (CaseDeadline d : deadlines.findByCaseIdOrderByDueDate(dc.getId())) {
                if (d.key().equals("PAYMENT_DUE") && !d.met() && d.dueDate().isBefore(today)
                        && CaseWorkflow.forTrack(dc.getTrack()).allows(dc.getStage(), CaseEventType.PAYMENT_OVERDUE)) {
                    service.apply(dc, CaseEventType.PAYMENT_OVERDUE, today, null, null, null,
                            "payment was due " + d.dueDate(), SYSTEM);
                    overdue.add(dc.getCaseNumber());
                    break;
                }
                if (d.key().equals("OPEN_NEGOTIATION_ENDS") && dc.getStage() == CaseStage.OPEN_NEGOTIATION
                        && d.dueDate().isBefore(today)) {
                    service.apply(dc, CaseEventType.OPEN_NEGOTIATION_ENDED, d.dueDate(), null, null, null,
                            "open negotiation period ended " + d.dueDate(), SYSTEM);
                    ready.add(dc.getCaseNumber());
                    break;
                }
            }
        }
        return new Result(today, overdue, ready);
    }
}
