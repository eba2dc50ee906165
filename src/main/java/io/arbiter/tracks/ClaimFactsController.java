package io.arbiter.tracks;

import io.arbiter.rules.Track;
import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditLog;
import io.arbiter.claims.Claim;
import io.arbiter.claims.ClaimLines;
import io.arbiter.claims.Claims;
import io.arbiter.common.ApiException;
import io.arbiter.common.ApiProblem;
import io.arbiter.deadlines.Deadline;
import io.arbiter.deadlines.DeadlineEngine;
import io.arbiter.deadlines.DeadlineOptions;
import io.arbiter.deadlines.DisputeType;
import io.arbiter.practice.Payers;
import io.arbiter.security.Roles;
import io.arbiter.tracks.eligibility.EligibilityInput;
import io.arbiter.tracks.eligibility.EligibilityResult;
import io.arbiter.tracks.eligibility.EligibilityScreen;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The facts a remittance cannot tell, per claim (or per plan): read them with their sources, set them (SPECIALIST,
 * ADMIN), and list the claims whose track waits for one. Every change re-selects the track, re-runs the eligibility
 * gates, recomputes the claim's deadlines and writes an audit entry.
 */
@Controller("/api/v1/claims")
@Secured({Roles.SPECIALIST, Roles.FINANCE, Roles.ADMIN})
@SecurityRequirement(name = "bearer")
public class ClaimFactsController {

    private final TrackFactsService facts;
    private final TrackSelector selector;
    private final EligibilityScreen screen;
    private final DeadlineEngine deadlines;
    private final Claims claims;
    private final ClaimLines lines;
    private final Payers payers;
    private final AuditLog audit;
    private final Clock clock;

    private final io.arbiter.security.PracticeScopes practiceScopes;
    private final WaitingForFacts waiting;

    public ClaimFactsController(TrackFactsService facts, TrackSelector selector, EligibilityScreen screen, DeadlineEngine deadlines,
                                Claims claims, ClaimLines lines, Payers payers, AuditLog audit,
                                Clock clock, io.arbiter.security.PracticeScopes practiceScopes, WaitingForFacts waiting) {
        this.practiceScopes = practiceScopes;
        this.waiting = waiting;
        this.facts = facts;
        this.selector = selector;
        this.screen = screen;
        this.deadlines = deadlines;
        this.claims = claims;
        this.lines = lines;
        this.payers = payers;
        this.audit = audit;
        this.clock = clock;
    }

    /** A claim's facts with their sources, and what they decide now. */
    @Serdeable
    public record ClaimFactsView(Long claimId, List<FactView> facts, TrackDecision track, EligibilityResult eligibility,
                                 List<Deadline> deadlines) {
    }

    @Serdeable
    public record WaitingClaim(Long claimId, String patientControlNumber, @Nullable LocalDate serviceDate, Track provisionalTrack,
                               List<TrackDecision.MissingFact> missingFacts) {
    }

    @Serdeable
    public record WaitingPage(List<WaitingClaim> items, int total) {
    }

    @Get("/{id}/facts")
    public ClaimFactsView get(@PathVariable Long id, Authentication who) {
        ClaimFactsView view = view(facts.resolve(facts.claim(id)));
        audit.record(who, AuditAction.VIEW, "CLAIM", id, "facts; track " + view.track().track() + " " + view.track().status());
        return view;
    }

    /**
     * Sets the facts present in the body: {@code planType}, {@code planRegulatorState}, {@code emergency},
     * {@code noticeConsentOnFile}, {@code facilityNetworkStatus}, {@code serviceState}; a null value clears the fact
     * (back to X12 / rule default). {@code "scope":"PLAN"} sets them for the claim's plan instead of the claim.
     */
    @Put("/{id}/facts")
    @Secured({Roles.SPECIALIST, Roles.ADMIN})
    public ClaimFactsView set(@PathVariable Long id, @Body Map<String, Object> body, Authentication who) {
        Map<String, ClaimFact> byField = new LinkedHashMap<>();
        for (ClaimFact f : ClaimFact.values()) {
            byField.put(TrackFactsService.field(f), f);
        }
        Map<ClaimFact, String> values = new LinkedHashMap<>();
        String scope = "CLAIM";
        List<ApiProblem.ProblemDetail> unknown = new ArrayList<>();
        for (Map.Entry<String, Object> e : body.entrySet()) {
            if (e.getKey().equals("scope")) {
                scope = e.getValue() == null ? "CLAIM" : e.getValue().toString().toUpperCase();
                if (!scope.equals("CLAIM") && !scope.equals("PLAN")) {
                    unknown.add(new ApiProblem.ProblemDetail("scope", "CLAIM or PLAN"));
                }
                continue;
            }
            ClaimFact f = byField.get(e.getKey());
            if (f == null) {
                unknown.add(new ApiProblem.ProblemDetail(e.getKey(), "not a claim fact; one of " + byField.keySet()));
                continue;
            }
            values.put(f, e.getValue() == null ? null : e.getValue().toString());
        }
        if (!unknown.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Bad Request", "Unknown fields", unknown);
        }
        TrackDecision before = selector.select(facts.factsFor(id));
        ClaimFactsView view = view(facts.set(id, values, scope, who.getName()));
        StringBuilder detail = new StringBuilder("facts (" + scope.toLowerCase() + "):");
        values.forEach((f, v) -> detail.append(' ').append(TrackFactsService.field(f)).append('=').append(v));
        detail.append("; track ").append(before.track()).append(' ').append(before.status()).append(" -> ")
                .append(view.track().track()).append(' ').append(view.track().status());
        audit.record(who, AuditAction.CHANGE, "CLAIM", id, detail.toString());
        return view;
    }

    /** Claims whose track depends on a fact nobody has given, oldest date of service first. */
    @Get("/waiting-for-facts")
    public WaitingPage waiting(@QueryValue @Nullable Integer page, @QueryValue @Nullable Integer size, Authentication who) {
        int p = page == null || page < 0 ? 0 : page;
        int n = size == null || size < 1 ? 50 : Math.min(size, 500);
        WaitingForFacts.Page found = waiting.pageNumber(practiceScopes.of(who), p, n);
        audit.record(who, AuditAction.LIST, "CLAIM", null, "waiting for facts: " + found.total());
        return new WaitingPage(explain(found.rows()), (int) found.total());
    }

    /** The page's claims with the facts each one needs (decided again: only these few). */
    public List<WaitingClaim> explain(List<WaitingForFacts.Row> rows) {
        List<WaitingClaim> out = new ArrayList<>();
        for (WaitingForFacts.Row r : rows) {
            TrackDecision d = selector.select(facts.factsFor(r.claimId()));
            out.add(new WaitingClaim(r.claimId(), r.patientControlNumber(), r.serviceDate(), d.track(), d.missingFacts()));
        }
        return out;
    }

    private ClaimFactsView view(TrackFactsService.Resolved r) {
        Claim claim = r.claim();
        TrackDecision decision = selector.select(r.facts());
        String other = claim.payerId() == null ? null : payers.findById(claim.payerId())
                .map(p -> p.legalEntity() != null ? p.legalEntity() : p.payerCode()).orElse(null);
        List<String> codes = lines.findByClaimIdOrderByLineNumber(claim.id()).stream().map(l -> l.procedureCode()).distinct().toList();
        EligibilityResult eligibility = screen.screen(new EligibilityInput(r.facts(), claim.paymentDate(), null, null,
                LocalDate.now(clock), DisputeType.SINGLE, claim.billingNpi(), other, codes, List.of(), List.of()));
        return new ClaimFactsView(claim.id(), r.views(), decision, eligibility, deadlinesFor(decision.track(), claim));
    }

    /** The claim's own deadlines on its track, from the triggers the claim knows (initial payment or denial, service date). */
    private List<Deadline> deadlinesFor(Track track, Claim claim) {
        if (!track.hasDeadlines()) {
            return List.of();
        }
        Map<String, LocalDate> events = new LinkedHashMap<>();
        switch (track) {
            case FEDERAL_IDR, TEXAS_ARBITRATION -> put(events, "INITIAL_PAYMENT_RECEIVED", claim.paymentDate());
            case COMMERCIAL_APPEAL -> put(events, "DENIAL_RECEIVED", claim.paymentDate());
            case TEXAS_PIP, WORKERS_COMP -> put(events, "DATE_OF_SERVICE", claim.serviceDateFrom());
            default -> {
            }
        }
        if (events.isEmpty()) {
            return List.of();
        }
        return deadlines.calculate(track, events, new DeadlineOptions(null, null, null, null, claim.payerId())).deadlines();
    }

    private static void put(Map<String, LocalDate> m, String k, @Nullable LocalDate v) {
        if (v != null) {
            m.put(k, v);
        }
    }
}
