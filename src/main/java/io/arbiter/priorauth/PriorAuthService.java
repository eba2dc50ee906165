package io.arbiter.priorauth;

import io.arbiter.common.ApiException;
import io.arbiter.common.ApiProblem;
import io.arbiter.common.Page;
import io.arbiter.practice.Payer;
import io.arbiter.practice.Payers;
import io.arbiter.practice.Patients;
import io.arbiter.practice.PlanType;
import io.arbiter.practice.Practices;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Records prior authorizations and their timeline; refuses a permanent SCS auth without a documented successful trial. */
@Singleton
public class PriorAuthService {

    private final PriorAuthRepository auths;
    private final PriorAuthEventRepository events;
    private final Payers payers;
    private final Patients patients;
    private final Practices practices;
    private final AuthRequirements requirements;
    private final ScsTrialGate scs;
    private final Clock clock;

    public PriorAuthService(PriorAuthRepository auths, PriorAuthEventRepository events, Payers payers, Patients patients,
                            Practices practices, AuthRequirements requirements, ScsTrialGate scs, Clock clock) {
        this.auths = auths;
        this.events = events;
        this.payers = payers;
        this.patients = patients;
        this.practices = practices;
        this.requirements = requirements;
        this.scs = scs;
        this.clock = clock;
    }

    @Transactional
    public PriorAuthView create(PriorAuthRequests.Create r, String username) {
        List<ApiProblem.ProblemDetail> errors = new ArrayList<>();
        Payer payer = r.payerId() == null ? null : payers.findById(r.payerId()).orElse(null);
        if (payer == null) {
            errors.add(new ApiProblem.ProblemDetail("payerId", r.payerId() == null ? "required" : "unknown payer " + r.payerId()));
        }
        if (r.patientId() != null && patients.findById(r.patientId()).isEmpty()) {
            errors.add(new ApiProblem.ProblemDetail("patientId", "unknown patient " + r.patientId()));
        }
        AuthFamily family = r.family();
        if (family == null) {
            errors.add(new ApiProblem.ProblemDetail("family", "required: one of " + List.of(AuthFamily.values())));
        }
        AuthStatus status = r.status() == null ? AuthStatus.REQUESTED : r.status();
        PlanType planType = r.planType();
        Laterality side = r.laterality();
        if (r.requestedDate() == null) {
            errors.add(new ApiProblem.ProblemDetail("requestedDate", "required"));
        }
        if (status != null && status.decision() && r.decisionDate() == null) {
            errors.add(new ApiProblem.ProblemDetail("decisionDate", "required for an " + status + " authorization"));
        }
        if (r.decisionDate() != null && r.requestedDate() != null && r.decisionDate().isBefore(r.requestedDate())) {
            errors.add(new ApiProblem.ProblemDetail("decisionDate", "cannot be before the request"));
        }
        if (r.validFrom() != null && r.validTo() != null && r.validTo().isBefore(r.validFrom())) {
            errors.add(new ApiProblem.ProblemDetail("validTo", "cannot be before validFrom"));
        }
        for (var n : new Object[][]{{"approvedLevels", r.approvedLevels()}, {"approvedUnits", r.approvedUnits()}}) {
            if (n[1] != null && (Integer) n[1] < 1) {
                errors.add(new ApiProblem.ProblemDetail((String) n[0], "must be at least 1"));
            }
        }
        if ((family == AuthFamily.SCS_PERMANENT || family == AuthFamily.SCS_TRIAL) && r.patientId() == null) {
            errors.add(new ApiProblem.ProblemDetail("patientId", "required for SCS authorizations (trial gating)"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.unprocessable("Invalid prior authorization", errors);
        }
        if (family == AuthFamily.SCS_PERMANENT && status != AuthStatus.WITHDRAWN) {
            ScsTrialGate.Result gate = scs.check(r.patientId(), r.requestedDate());
            if (!gate.passed()) {
                throw ApiException.unprocessable("A permanent SCS authorization needs a documented successful trial and psychological evaluation",
                        gate.missing().stream().map(m -> new ApiProblem.ProblemDetail("scsTrial", m + " (" + gate.citation() + ")")).toList());
            }
        }
        Long practiceId = practices.findFirstOrderById().map(p -> p.id()).orElseThrow(() -> ApiException.badRequest("No practice set up"));
        PriorAuth saved = auths.save(new PriorAuth(null, practiceId, r.patientId(), payer.id(), planType == null ? null : planType.name(),
                family, r.authNumber(), status, r.requestedDate(), r.decisionDate(), r.validFrom(), r.validTo(),
                r.approvedCodes() == null ? null : String.join(",", r.approvedCodes()), r.approvedLevels(), side, r.approvedUnits(),
                Boolean.TRUE.equals(r.expedited()), null, r.note(), null, null, null));
        events.save(new PriorAuthEvent(null, saved.id(), AuthStatus.REQUESTED, r.requestedDate(), "submitted", username, null));
        if (status != AuthStatus.REQUESTED) {
            events.save(new PriorAuthEvent(null, saved.id(), status, r.decisionDate() != null ? r.decisionDate() : r.requestedDate(),
                    null, username, null));
        }
        return view(saved);
    }

    @Transactional
    public PriorAuthView addEvent(Long id, PriorAuthRequests.Event e, String username) {
        PriorAuth a = auths.findById(id).orElseThrow(() -> ApiException.notFound("Prior authorization " + id));
        List<ApiProblem.ProblemDetail> errors = new ArrayList<>();
        AuthStatus status = e.status();
        Laterality side = e.laterality();
        if (status == null) {
            errors.add(new ApiProblem.ProblemDetail("status", "required"));
        }
        if (e.date() == null) {
            errors.add(new ApiProblem.ProblemDetail("date", "required"));
        } else if (e.date().isBefore(a.requestedDate())) {
            errors.add(new ApiProblem.ProblemDetail("date", "cannot be before the request (" + a.requestedDate() + ")"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.unprocessable("Invalid event", errors);
        }
        if (status == AuthStatus.APPROVED && a.family() == AuthFamily.SCS_PERMANENT) {
            ScsTrialGate.Result gate = scs.check(a.patientId(), e.date());
            if (!gate.passed()) {
                throw ApiException.unprocessable("A permanent SCS authorization needs a documented successful trial",
                        gate.missing().stream().map(m -> new ApiProblem.ProblemDetail("scsTrial", m)).toList());
            }
        }
        PriorAuth updated = auths.update(a.decided(status, e.date(), e.authNumber(), e.validFrom(), e.validTo(),
                e.approvedCodes() == null ? null : String.join(",", e.approvedCodes()), e.approvedLevels(), side, e.approvedUnits()));
        events.save(new PriorAuthEvent(null, id, status, e.date(), e.note(), username, null));
        return view(updated);
    }

    public PriorAuthView get(Long id) {
        return view(auths.findById(id).orElseThrow(() -> ApiException.notFound("Prior authorization " + id)));
    }

    public Page<PriorAuthView> list(@Nullable Long patientId, @Nullable Long payerId, @Nullable String status, @Nullable String family,
                                    io.arbiter.security.PracticeAccess access, Integer page, Integer size) {
        return Page.of(auths.search(patientId, payerId, status == null ? null : status.toUpperCase(),
                family == null ? null : family.toUpperCase(), access.all(), access.idsForQuery(), Page.request(page, size)), this::view);
    }

    PriorAuthView view(PriorAuth a) {
        List<PriorAuthView.Step> steps = events.findByPriorAuthIdOrderById(a.id()).stream()
                .map(e -> new PriorAuthView.Step(e.status().name(), e.eventDate(), e.note(), e.recordedBy())).toList();
        LocalDate today = LocalDate.now(clock);
        boolean decided = a.decisionDate() != null;
        LocalDate end = decided ? a.decisionDate() : today;
        PlanType planType = a.planType() == null ? null : PlanType.valueOf(a.planType());
        var t = requirements.turnaround(planType, a.requestedDate()).orElse(null);
        LocalDate due = t == null ? null : a.requestedDate().plusDays(a.expedited() ? t.expeditedDays() : t.standardDays());
        Boolean late = due == null ? null : end.isAfter(due);
        return new PriorAuthView(a.id(), a.patientId(), a.payerId(), a.planType(), a.family().name(), a.authNumber(), a.status().name(),
                a.requestedDate(), a.decisionDate(), a.validFrom(), a.validTo(), a.codes(), a.approvedLevels(),
                a.laterality() == null ? null : a.laterality().name(), a.approvedUnits(), a.expedited(), a.note(), steps,
                new PriorAuthView.Clock(ChronoUnit.DAYS.between(a.requestedDate(), end), decided, due, late, t == null ? null : t.citation()));
    }
}
