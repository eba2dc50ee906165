package io.arbiter.tracks.eligibility;

import io.arbiter.deadlines.Deadline;
import io.arbiter.deadlines.DeadlineEngine;
import io.arbiter.deadlines.DeadlineOptions;
import io.arbiter.rules.RuleSet;
import io.arbiter.rules.Track;

import java.time.LocalDate;
import java.util.Map;

/**
 * IDR initiated inside the 4-business-day window that opens the day after the open negotiation period ends
 * (42 U.S.C. 300gg-111(c)(1)(B)). Items held during a cooling-off period use the 30-business-day window
 * instead (checked by {@link CoolingOffGate}).
 */
public class InitiationWindowGate implements EligibilityGate {

    private final RuleSet rules;
    private final DeadlineEngine deadlines;

    public InitiationWindowGate(RuleSet rules, DeadlineEngine deadlines) {
        this.rules = rules;
        this.deadlines = deadlines;
    }

    @Override
    public String name() {
        return "INITIATION_IN_WINDOW";
    }

    @Override
    public GateResult evaluate(EligibilityInput in) {
        LocalDate onp = in.openNegotiationStarted();
        var cite = GateSupport.cite(rules, "FEDERAL_IDR.IDR_INITIATION_DUE", onp == null ? in.asOf() : onp);
        if (onp == null) {
            return new GateResult(name(), GateStatus.UNKNOWN, "Open negotiation has not started; the initiation window is not known yet", cite);
        }
        var result = deadlines.calculate(Track.FEDERAL_IDR, Map.of("OPEN_NEGOTIATION_STARTED", onp), DeadlineOptions.DEFAULTS);
        LocalDate opens = date(result, "IDR_INITIATION_WINDOW_OPENS");
        LocalDate due = date(result, "IDR_INITIATION_DUE");
        LocalDate initiated = in.initiationDate();
        String window = opens + " to " + due;
        if (initiated == null) {
            if (in.asOf().isAfter(due)) {
                return new GateResult(name(), GateStatus.FAIL, "The initiation window " + window + " has closed", cite);
            }
            return new GateResult(name(), GateStatus.PASS, "Not initiated yet; the window is " + window, cite);
        }
        if (initiated.isBefore(opens)) {
            return new GateResult(name(), GateStatus.FAIL, "Initiated " + initiated + ", before the window opens (" + window
                    + "): open negotiation had not ended", cite);
        }
        if (initiated.isAfter(due)) {
            return new GateResult(name(), GateStatus.FAIL, "Initiated " + initiated + ", after the window closed (" + window + ")", cite);
        }
        return new GateResult(name(), GateStatus.PASS, "Initiated " + initiated + " inside the window " + window, cite);
    }

    private static LocalDate date(io.arbiter.deadlines.DeadlineEngine.Result r, String key) {
        return r.deadlines().stream().filter(d -> d.key().equals(key)).map(Deadline::dueDate).findFirst().orElseThrow();
    }
}
