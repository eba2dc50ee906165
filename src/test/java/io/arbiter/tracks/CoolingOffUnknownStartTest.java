package io.arbiter.tracks;

import io.arbiter.rules.Track;
import io.arbiter.deadlines.Deadline;
import io.arbiter.deadlines.DeadlineOptions;
import io.arbiter.deadlines.DisputeType;
import io.arbiter.deadlines.Engines;
import io.arbiter.tracks.eligibility.CoolingOffGate;
import io.arbiter.tracks.eligibility.CoolingOffSettings;
import io.arbiter.tracks.eligibility.EligibilityInput;
import io.arbiter.tracks.eligibility.GateResult;
import io.arbiter.tracks.eligibility.GateStatus;
import io.arbiter.tracks.eligibility.PriorDetermination;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.arbiter.deadlines.Engines.events;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cooling-off after a batched determination (42 U.S.C. 300gg-111(c)(5)(E)(ii): 90 CD; 2026 rule: 30 BD for batched
 * disputes whose open negotiation started on or after 2026-11-01). When that start is unknown the older, longer
 * period applies: filing inside a cooling-off period makes the dispute ineligible, so the longer bar is the safe side.
 */
class CoolingOffUnknownStartTest {

    private final CoolingOffGate gate = new CoolingOffGate(Engines.RULES, Engines.standard(), new CoolingOffSettings());

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    private GateResult screen(String priorCode, String priorOnpStart, String initiation) {
        // Batched determination issued Tue 2026-12-01 between the same practice TIN and the same plan.
        PriorDetermination prior = new PriorDetermination("741234567", "ACME HEALTH PLAN INC", priorCode, d("2026-12-01"),
                true, priorOnpStart == null ? null : d(priorOnpStart));
        EligibilityInput in = new EligibilityInput(null, d("2026-12-20"), d("2027-01-04"), d(initiation), d(initiation),
                DisputeType.SINGLE, "741234567", "ACME HEALTH PLAN INC", List.of("64483"), List.of(), List.of(prior));
        return gate.evaluate(in);
    }

    @Test
    void unknownOpenNegotiationStartOfTheEarlierBatchTakesThe90DayPeriod() {
        // 2026-12-01 + 90 CD = 2027-03-01 → an initiation on 2027-02-01 is still inside the cooling-off period.
        GateResult unknown = screen("64483", null, "2027-02-01");
        assertEquals(GateStatus.FAIL, unknown.status(), unknown.reason());
        assertTrue(unknown.reason().contains("2027-03-01"), unknown.reason());
        assertTrue(unknown.reason().contains("open negotiation start of the earlier dispute is unknown"), unknown.reason());
    }

    @Test
    void knownStartsPickTheirOwnRule() {
        // Known new (ONP 2026-11-05): 30 BD after 2026-12-01 skipping Christmas and New Year's Day = 2027-01-14 → 02-01 passes.
        assertEquals(GateStatus.PASS, screen("64483", "2026-11-05", "2027-02-01").status());
        GateResult newInside = screen("64483", "2026-11-05", "2027-01-14");
        assertEquals(GateStatus.FAIL, newInside.status());
        assertTrue(newInside.reason().contains("2027-01-14"), newInside.reason());
        // Known old (ONP 2026-09-15, before the 2026 batching rule): 90 CD = 2027-03-01.
        GateResult old = screen("64483", "2026-09-15", "2027-02-01");
        assertEquals(GateStatus.FAIL, old.status());
        assertTrue(old.reason().contains("2027-03-01"), old.reason());
        // Unknown start: the day after the 90-day period is free again; another code never matched.
        assertEquals(GateStatus.PASS, screen("64483", null, "2027-03-02").status());
        assertEquals(GateStatus.PASS, screen("64490", null, "2027-02-01").status());
    }

    @Test
    void deadlineCalculatorShowsTheShorterBatchedPeriodOnlyAsTheAlternativeWhenTheStartIsUnknown() {
        DeadlineOptions batched = new DeadlineOptions(DisputeType.BATCHED, null, null, null, null);
        Deadline unknown = Engines.standard().calculate(Track.FEDERAL_IDR, events("DETERMINATION_ISSUED", "2026-12-01"), batched)
                .deadlines().stream().filter(x -> x.key().equals("COOLING_OFF_ENDS")).findFirst().orElseThrow();
        assertEquals(d("2027-03-01"), unknown.dueDate());
        assertEquals(90, unknown.count());
        assertTrue(unknown.alternatives().stream().anyMatch(a -> a.dueDate().equals(d("2027-01-14"))), unknown.alternatives().toString());
        // 30-day filing window after the 90-day period: 30 BD after 2027-03-01 = 2027-04-12.
        Deadline window = Engines.standard().calculate(Track.FEDERAL_IDR, events("DETERMINATION_ISSUED", "2026-12-01"), batched)
                .deadlines().stream().filter(x -> x.key().equals("COOLING_OFF_FILING_WINDOW_ENDS")).findFirst().orElseThrow();
        assertEquals(d("2027-04-12"), window.dueDate());
        Deadline known = Engines.standard().calculate(Track.FEDERAL_IDR, events("OPEN_NEGOTIATION_STARTED", "2026-11-05",
                "DETERMINATION_ISSUED", "2026-12-01"), batched)
                .deadlines().stream().filter(x -> x.key().equals("COOLING_OFF_ENDS")).findFirst().orElseThrow();
        assertEquals(d("2027-01-14"), known.dueDate());
    }
}
