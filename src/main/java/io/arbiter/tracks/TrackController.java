package io.arbiter.tracks;

import io.arbiter.rules.Track;
import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditLog;
import io.arbiter.claims.Claim;
import io.arbiter.claims.ClaimLines;
import io.arbiter.common.ApiException;
import io.arbiter.common.ApiProblem;
import io.arbiter.deadlines.DisputeType;
import io.arbiter.practice.Payers;
import io.arbiter.security.Roles;
import io.arbiter.tracks.eligibility.EligibilityInput;
import io.arbiter.tracks.eligibility.EligibilityResult;
import io.arbiter.tracks.eligibility.EligibilityScreen;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Track selection and federal IDR eligibility for a stored claim (SPECIALIST, ADMIN; FINANCE reads). */
@Controller("/api/v1/claims")
@Secured({Roles.SPECIALIST, Roles.FINANCE, Roles.ADMIN})
@SecurityRequirement(name = "bearer")
public class TrackController {

    private final TrackFactsService facts;
    private final TrackSelector selector;
    private final EligibilityScreen screen;
    private final ClaimLines lines;
    private final Payers payers;
    private final AuditLog audit;
    private final Clock clock;

    public TrackController(TrackFactsService facts, TrackSelector selector, EligibilityScreen screen, ClaimLines lines,
                           Payers payers, AuditLog audit, Clock clock) {
        this.facts = facts;
        this.selector = selector;
        this.screen = screen;
        this.lines = lines;
        this.payers = payers;
        this.audit = audit;
        this.clock = clock;
    }

    @Get("/{id}/track")
    public TrackDecision track(@PathVariable Long id, Authentication who) {
        TrackDecision decision = selector.select(facts.factsFor(id));
        audit.record(who, AuditAction.VIEW, "CLAIM", id, "track " + decision.track());
        return decision;
    }

    @Serdeable
    public record EligibilityView(Long claimId, TrackDecision track, EligibilityResult eligibility) {
    }

    /**
     * Screens a claim for federal IDR as a single dispute. Dates not yet recorded on a case can be passed:
     * {@code openNegotiationStarted}, {@code initiationDate}; the initial payment date is the claim's payment date.
     */
    @Get("/{id}/eligibility")
    public EligibilityView eligibility(@PathVariable Long id, @QueryValue @Nullable String openNegotiationStarted,
                                       @QueryValue @Nullable String initiationDate, Authentication who) {
        Claim claim = facts.claim(id);
        TrackFacts f = facts.factsFor(claim);
        String other = claim.payerId() == null ? null : payers.findById(claim.payerId())
                .map(p -> p.legalEntity() != null ? p.legalEntity() : p.payerCode()).orElse(null);
        List<String> codes = lines.findByClaimIdOrderByLineNumber(claim.id()).stream().map(l -> l.procedureCode()).distinct().toList();
        EligibilityInput input = new EligibilityInput(f, claim.paymentDate(), date(openNegotiationStarted, "openNegotiationStarted"),
                date(initiationDate, "initiationDate"), LocalDate.now(clock), DisputeType.SINGLE, claim.billingNpi(), other,
                codes, List.of(), List.of());
        EligibilityView view = new EligibilityView(id, selector.select(f), screen.screen(input));
        audit.record(who, AuditAction.VIEW, "CLAIM", id, "eligibility " + view.eligibility().outcome());
        return view;
    }

    private static LocalDate date(@Nullable String v, String field) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Bad Request", field + " is not a date",
                    List.of(new ApiProblem.ProblemDetail(field, "not a date (YYYY-MM-DD): " + v)));
        }
    }
}
