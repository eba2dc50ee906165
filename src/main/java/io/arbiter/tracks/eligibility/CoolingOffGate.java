package io.arbiter.tracks.eligibility;

import io.arbiter.deadlines.Deadline;
import io.arbiter.deadlines.DeadlineEngine;
import io.arbiter.deadlines.DeadlineOptions;
import io.arbiter.deadlines.DisputeType;
import io.arbiter.rules.RuleSet;
import io.arbiter.rules.Track;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Not blocked by a cooling-off period: the same initiating party may not start IDR against the same other
 * party for the same or similar item or service within the period after a determination
 * (42 U.S.C. 300gg-111(c)(5)(E); 90 CD, or 30 BD for batched disputes under the 2026 rule). When the earlier
 * dispute's open-negotiation start is unknown the longer 90-day period applies (the deadline engine picks the
 * batched variant only on a known start). Matching is configurable ({@link CoolingOffSettings}).
 */
public class CoolingOffGate implements EligibilityGate {

    private final RuleSet rules;
    private final DeadlineEngine deadlines;
    private final CoolingOffSettings settings;

    public CoolingOffGate(RuleSet rules, DeadlineEngine deadlines, CoolingOffSettings settings) {
        this.rules = rules;
        this.deadlines = deadlines;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "NOT_IN_COOLING_OFF";
    }

    @Override
    public GateResult evaluate(EligibilityInput in) {
        var cite = GateSupport.cite(rules, "TRACKS.COOLING_OFF_SINGLE_DAYS", in.asOf());
        if (in.priorDeterminations().isEmpty()) {
            return new GateResult(name(), GateStatus.PASS, "No earlier determination between these parties is on record", cite);
        }
        if (in.initiatingParty() == null || in.otherParty() == null || in.serviceCodes().isEmpty()) {
            return new GateResult(name(), GateStatus.UNKNOWN, "Parties or service codes missing: cannot compare with earlier determinations", cite);
        }
        LocalDate when = in.initiationDate() != null ? in.initiationDate() : in.asOf();
        for (PriorDetermination p : in.priorDeterminations()) {
            boolean sameParties = settings.sameParty(p.initiatingParty(), in.initiatingParty())
                    && settings.sameParty(p.otherParty(), in.otherParty());
            boolean similar = in.serviceCodes().stream().anyMatch(c -> settings.similarService(c, p.serviceCode()));
            if (!sameParties || !similar || when.isBefore(p.determinationDate())) {
                continue;
            }
            Map<String, LocalDate> events = new LinkedHashMap<>();
            boolean startKnown = p.openNegotiationStarted() != null && !p.openNegotiationStarted().isAfter(p.determinationDate());
            if (startKnown) {
                events.put("OPEN_NEGOTIATION_STARTED", p.openNegotiationStarted());
            }
            events.put("DETERMINATION_ISSUED", p.determinationDate());
            var result = deadlines.calculate(Track.FEDERAL_IDR, events,
                    new DeadlineOptions(p.batched() ? DisputeType.BATCHED : DisputeType.SINGLE, null, null, null, null));
            Deadline ends = result.deadlines().stream().filter(d -> d.key().equals("COOLING_OFF_ENDS")).findFirst().orElseThrow();
            Deadline window = result.deadlines().stream().filter(d -> d.key().equals("COOLING_OFF_FILING_WINDOW_ENDS")).findFirst().orElseThrow();
            if (!when.isAfter(ends.dueDate())) {
                return new GateResult(name(), GateStatus.FAIL, "Cooling-off after the determination of " + p.determinationDate()
                        + " (same parties, " + p.serviceCode() + ") runs to " + ends.dueDate() + "; hold the item and initiate "
                        + "between " + ends.dueDate().plusDays(1) + " and " + window.dueDate()
                        + (p.batched() && !startKnown ? " (the open negotiation start of the earlier dispute is unknown: the "
                        + "longer, pre-2026 period applies; record that start to use the batched rule)" : ""),
                        new io.arbiter.common.Citation(ends.citationText(), ends.citation(), ends.unverified()));
            }
        }
        return new GateResult(name(), GateStatus.PASS, "No cooling-off period covers " + when, cite);
    }
}
