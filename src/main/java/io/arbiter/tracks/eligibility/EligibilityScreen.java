package io.arbiter.tracks.eligibility;

import io.arbiter.calendar.Calendars;
import io.arbiter.deadlines.DeadlineEngine;
import io.arbiter.rules.RuleSet;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Federal IDR eligibility screen: runs every gate and reports each (PASS/FAIL/UNKNOWN with reason and
 * citation). Cases call {@link #screen(EligibilityInput)} before initiation.
 */
@Singleton
public class EligibilityScreen {

    private final List<EligibilityGate> gates;

    @Inject
    public EligibilityScreen(RuleSet rules, Calendars calendars, DeadlineEngine deadlines, CoolingOffSettings coolingOff,
                             @Property(name = "arbiter.tracks.batch-line-cap-override") @Nullable Integer batchCapOverride) {
        this.gates = List.of(
                new QualifiedItemGate(rules),
                new NoStateLawOrAllPayerModelGate(rules),
                new NoticeAndConsentGate(rules),
                new OutOfNetworkGate(rules),
                new OpenNegotiationTimelyGate(rules, deadlines),
                new InitiationWindowGate(rules, deadlines),
                new CoolingOffGate(rules, deadlines, coolingOff),
                new BatchingGate(rules, calendars, batchCapOverride));
    }

    public List<EligibilityGate> gates() {
        return gates;
    }

    public EligibilityResult screen(EligibilityInput input) {
        return EligibilityResult.of(gates.stream().map(g -> g.evaluate(input)).toList());
    }
}
