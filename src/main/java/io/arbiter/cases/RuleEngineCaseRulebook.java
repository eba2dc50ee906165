package io.arbiter.cases;

import io.arbiter.calendar.Calendars;
import io.arbiter.claims.Claim;
import io.arbiter.claims.ClaimLine;
import io.arbiter.claims.Claims;
import io.arbiter.common.Citation;
import io.arbiter.deadlines.DeadlineEngine;
import io.arbiter.deadlines.DeadlineOptions;
import io.arbiter.deadlines.DisputeType;
import io.arbiter.deadlines.FeeCalculator;
import io.arbiter.deadlines.FeeEstimate;
import io.arbiter.rules.RuleSet;
import io.arbiter.rules.Track;
import io.arbiter.tracks.TrackDecision;
import io.arbiter.tracks.TrackFacts;
import io.arbiter.tracks.TrackFactsService;
import io.arbiter.tracks.TrackSelector;
import io.arbiter.tracks.eligibility.BatchItem;
import io.arbiter.tracks.eligibility.EligibilityGate;
import io.arbiter.tracks.eligibility.EligibilityInput;
import io.arbiter.tracks.eligibility.EligibilityScreen;
import io.arbiter.tracks.eligibility.GateResult;
import io.arbiter.tracks.eligibility.PriorDetermination;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/** The case rulebook over the rule engines of the tracks, deadlines and calendar packages. */
@Singleton
public class RuleEngineCaseRulebook implements CaseRulebook {

    private final TrackFactsService facts;
    private final TrackSelector selector;
    private final EligibilityScreen screen;
    private final DeadlineEngine deadlines;
    private final FeeCalculator fees;
    private final Calendars calendars;
    private final RuleSet rules;
    private final Claims claims;
    private final DisputeCaseRepository cases;
    private final CaseLineRepository caseLines;
    private final CaseEventRepository events;
    private final Clock clock;

    public RuleEngineCaseRulebook(TrackFactsService facts, TrackSelector selector, EligibilityScreen screen,
                                  DeadlineEngine deadlines, FeeCalculator fees, Calendars calendars, RuleSet rules,
                                  Claims claims, DisputeCaseRepository cases, CaseLineRepository caseLines,
                                  CaseEventRepository events, Clock clock) {
        this.facts = facts;
        this.selector = selector;
        this.screen = screen;
        this.deadlines = deadlines;
        this.fees = fees;
        this.calendars = calendars;
        this.rules = rules;
        this.claims = claims;
        this.cases = cases;
        this.caseLines = caseLines;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public TrackChoice chooseTrack(Long claimId) {
        TrackDecision d = selector.select(facts.factsFor(claimId));
        return new TrackChoice(d.track(), d.reasons().stream().map(TrackDecision.Reason::text).toList(), d.citations(), d.warnings());
    }

    @Override
    public List<Gate> screen(Track track, List<ClaimLine> lines, @Nullable LocalDate openNegotiationStarted,
                             @Nullable LocalDate initiationDate) {
        if (track != Track.FEDERAL_IDR || lines.isEmpty()) {
            return List.of();
        }
        List<Claim> cs = claims.findByIdIn(lines.stream().map(ClaimLine::claimId).distinct().toList());
        Map<Long, Claim> claimById = new java.util.HashMap<>();
        cs.forEach(c -> claimById.put(c.id(), c));
        Claim first = cs.stream().min(Comparator.comparing(Claim::id)).orElseThrow();
        TrackFacts f = facts.factsFor(first);
        LocalDate received = cs.stream().map(Claim::paymentDate).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
        boolean batched = cs.size() > 1;
        // a batch is screened with its items: without them the batching gate could only say "needs two items" (issue 21)
        EligibilityInput input = new EligibilityInput(f, received, openNegotiationStarted, initiationDate, LocalDate.now(clock),
                batched ? DisputeType.BATCHED : DisputeType.SINGLE, first.billingNpi(),
                first.payerId() == null ? null : first.payerId().toString(),
                List.of(), batched ? items(lines, claimById) : List.of(), priorDeterminations(first));
        return screen.screen(input).gates().stream().map(RuleEngineCaseRulebook::gate).toList();
    }

    /** Earlier federal determinations for the same provider and payer, for the cooling-off gate. */
    private List<PriorDetermination> priorDeterminations(Claim claim) {
        List<PriorDetermination> out = new ArrayList<>();
        for (DisputeCase dc : cases.findByStageIn(List.of(CaseStage.DETERMINED, CaseStage.PAID, CaseStage.PAYMENT_OVERDUE, CaseStage.CLOSED))) {
            if (dc.getTrack() != Track.FEDERAL_IDR || !Objects.equals(dc.getPayerId(), claim.payerId())) {
                continue;
            }
            LocalDate decided = events.findByCaseIdOrderById(dc.getId()).stream()
                    .filter(e -> e.type() == CaseEventType.DETERMINATION_ISSUED).map(CaseEvent::eventDate).findFirst().orElse(null);
            LocalDate onp = events.findByCaseIdOrderById(dc.getId()).stream()
                    .filter(e -> e.type() == CaseEventType.OPEN_NEGOTIATION_STARTED).map(CaseEvent::eventDate).findFirst().orElse(null);
            if (decided != null && dc.getPrimaryCode() != null) {
                out.add(new PriorDetermination(claim.billingNpi(), claim.payerId().toString(), dc.getPrimaryCode(), decided,
                        dc.isBatched(), onp));
            }
        }
        return out;
    }

    @Override
    public List<Deadline> deadlines(Track track, Map<String, LocalDate> triggers, @Nullable Long payerId) {
        if (!track.hasDeadlines()) {
            return List.of();
        }
        Map<String, LocalDate> known = new java.util.HashMap<>();
        triggers.forEach((k, v) -> {
            if (io.arbiter.rules.TriggerEvents.isEvent(track.name(), k)) {
                known.put(k, v);
            }
        });
        DeadlineOptions options = new DeadlineOptions(null, null, null, null, payerId);
        return deadlines.calculate(track, known, options).deadlines().stream()
                .map(d -> new Deadline(d.key(), d.dueDate(), d.dayType(), d.count(), d.from(), d.fromDate(),
                        d.citationText() == null ? d.citation() : d.citationText() + " — " + d.citation(), d.ruleVersion(),
                        d.alternatives().stream().map(a -> new Alternative(a.dueDate(), a.reading())).toList()))
                .toList();
    }

    @Override
    public LocalDate businessDayPeriodEnd(LocalDate start, int businessDays) {
        return calendars.federal().dayOfPeriodBeginning(start, businessDays);
    }

    @Override
    public int businessDaysBetween(LocalDate from, LocalDate to) {
        return to.isAfter(from) ? calendars.federal().countBetweenInclusive(from.plusDays(1), to) : 0;
    }

    @Override
    public OptionalInt batchLineCap(LocalDate onDate) {
        return rules.find("FEDERAL_IDR.BATCH_LINE_CAP", onDate)
                .map(r -> r.value().number())
                .map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    @Override
    public Gate batchingGate(List<ClaimLine> lines, Map<Long, Claim> claimById) {
        List<BatchItem> items = items(lines, claimById);
        Claim first = claimById.values().iterator().next();
        EligibilityInput input = new EligibilityInput(facts.factsFor(first), null, null, null, LocalDate.now(clock),
                DisputeType.BATCHED, first.billingNpi(), String.valueOf(first.payerId()),
                lines.stream().map(ClaimLine::procedureCode).distinct().toList(), items, List.of());
        EligibilityGate batching = screen.gates().stream().filter(g -> g instanceof io.arbiter.tracks.eligibility.BatchingGate)
                .findFirst().orElseThrow();
        return gate(batching.evaluate(input));
    }

    private static List<BatchItem> items(List<ClaimLine> lines, Map<Long, Claim> claimById) {
        return lines.stream().map(l -> {
            Claim c = claimById.get(l.claimId());
            String dx = c.diagnosisCodes() == null || c.diagnosisCodes().isBlank() ? null : c.diagnosisCodes().split(",")[0].trim();
            return new BatchItem(c.billingNpi(), null, String.valueOf(c.payerId()), BatchingPolicy.serviceDate(l, claimById),
                    l.procedureCode(), dx);
        }).toList();
    }

    @Override
    public Deadline openNegotiationDue(LocalDate received) {
        return deadlines(Track.FEDERAL_IDR, Map.of("INITIAL_PAYMENT_RECEIVED", received), null).stream()
                .filter(d -> d.key().equals("OPEN_NEGOTIATION_NOTICE_DUE")).findFirst().orElseThrow();
    }

    @Override
    public int batchServiceWindow(LocalDate onDate) {
        return rules.require("FEDERAL_IDR.BATCH_SERVICE_WINDOW", onDate).value().requireNumber();
    }

    @Override
    public List<FeeEstimate> fees(Track track, LocalDate initiationDate, boolean batched, int lineCount) {
        if (track != Track.FEDERAL_IDR) {
            return List.of();
        }
        return List.of(fees.estimate(initiationDate, batched ? DisputeType.BATCHED : DisputeType.SINGLE, lineCount, null));
    }

    private static Gate gate(GateResult g) {
        Citation c = g.citation();
        return new Gate(g.gate(), GateOutcome.valueOf(g.status().name()), g.reason(), c == null ? null : c.toString());
    }
}
