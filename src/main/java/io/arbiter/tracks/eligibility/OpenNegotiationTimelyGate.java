package io.arbiter.tracks.eligibility;

import io.arbiter.deadlines.Deadline;
import io.arbiter.deadlines.DeadlineEngine;
import io.arbiter.deadlines.DeadlineOptions;
import io.arbiter.rules.RuleSet;
import io.arbiter.rules.Track;

import java.time.LocalDate;
import java.util.Map;

/**
 * Open negotiation started within the 30-business-day period beginning on the day the initial payment or
 * denial was received (42 U.S.C. 300gg-111(c)(1)(A)).
 */
public class OpenNegotiationTimelyGate implements EligibilityGate {

    private final RuleSet rules;
    private final DeadlineEngine deadlines;

    public OpenNegotiationTimelyGate(RuleSet rules, DeadlineEngine deadlines) {
        this.rules = rules;
        this.deadlines = deadlines;
    }

    @Override
    public String name() {
        return "OPEN_NEGOTIATION_TIMELY";
    }

    @Override
    public GateResult evaluate(EligibilityInput in) {
        LocalDate received = in.initialPaymentReceived();
        var cite = GateSupport.cite(rules, "FEDERAL_IDR.OPEN_NEGOTIATION_NOTICE_DUE", received == null ? in.asOf() : received);
        if (received == null) {
            return new GateResult(name(), GateStatus.UNKNOWN, "The date the initial payment or denial was received is unknown", cite);
        }
        Deadline due = deadlines.calculate(Track.FEDERAL_IDR, Map.of("INITIAL_PAYMENT_RECEIVED", received), DeadlineOptions.DEFAULTS)
                .deadlines().stream().filter(d -> d.key().equals("OPEN_NEGOTIATION_NOTICE_DUE")).findFirst().orElseThrow();
        LocalDate onp = in.openNegotiationStarted();
        if (onp == null) {
            if (in.asOf().isAfter(due.dueDate())) {
                return new GateResult(name(), GateStatus.FAIL, "Open negotiation was not started by " + due.dueDate()
                        + " (30 business days from receipt on " + received + ")", cite);
            }
            return new GateResult(name(), GateStatus.PASS, "Open negotiation not started yet; it must start by " + due.dueDate(), cite);
        }
        if (onp.isBefore(received)) {
            return new GateResult(name(), GateStatus.FAIL, "Open negotiation (" + onp + ") cannot start before the initial payment ("
                    + received + ")", cite);
        }
        if (onp.isAfter(due.dueDate())) {
            return new GateResult(name(), GateStatus.FAIL, "Open negotiation started " + onp + ", after the last day " + due.dueDate(), cite);
        }
        return new GateResult(name(), GateStatus.PASS, "Open negotiation started " + onp + ", on or before " + due.dueDate(), cite);
    }
}
