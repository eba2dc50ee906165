package io.arbiter.priorauth;

import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditLog;
import io.arbiter.common.ApiException;
import io.arbiter.common.Page;
import io.arbiter.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

/** Prior authorizations, SCS trials, and the claim-level auth check. */
@Controller("/api/v1")
@SecurityRequirement(name = "bearer")
public class PriorAuthController {

    private final PriorAuthService service;
    private final AuthCheck check;
    private final ScsTrialGate scs;
    private final AuditLog audit;
    @jakarta.inject.Inject
    io.arbiter.practice.Patients patients;

    private final io.arbiter.security.PracticeScopes practiceScopes;

    public PriorAuthController(PriorAuthService service, AuthCheck check, ScsTrialGate scs, AuditLog audit, io.arbiter.security.PracticeScopes practiceScopes) {
        this.practiceScopes = practiceScopes;
        this.service = service;
        this.check = check;
        this.scs = scs;
        this.audit = audit;
    }

    @Post("/prior-auths")
    @Secured({Roles.SPECIALIST, Roles.ADMIN})
    public HttpResponse<PriorAuthView> create(@jakarta.validation.Valid @Body PriorAuthRequests.Create body, Authentication who) {
        PriorAuthView v = service.create(body, who.getName());
        audit.record(who, AuditAction.CREATE, "PRIOR_AUTH", v.id(), v.family() + " " + v.status());
        return HttpResponse.created(v);
    }

    @Get("/prior-auths")
    @Secured({Roles.SPECIALIST, Roles.FINANCE, Roles.ADMIN})
    public Page<PriorAuthView> list(@QueryValue @Nullable Long patientId, @QueryValue @Nullable Long payerId,
                                    @QueryValue @Nullable String status, @QueryValue @Nullable String family,
                                    @QueryValue @Nullable Integer page, @QueryValue @Nullable Integer size, Authentication who) {
        Page<PriorAuthView> p = service.list(patientId, payerId, status, family, practiceScopes.of(who), page, size);
        audit.record(who, AuditAction.LIST, "PRIOR_AUTH", null, "status " + status + ", family " + family);
        return p;
    }

    @Get("/prior-auths/{id}")
    @Secured({Roles.SPECIALIST, Roles.FINANCE, Roles.ADMIN})
    public PriorAuthView get(@PathVariable Long id, Authentication who) {
        PriorAuthView v = service.get(id);
        audit.record(who, AuditAction.VIEW, "PRIOR_AUTH", id, null);
        return v;
    }

    /** Adds a timeline step (PENDED, APPROVED with scope, DENIED, WITHDRAWN). */
    @Post("/prior-auths/{id}/events")
    @Secured({Roles.SPECIALIST, Roles.ADMIN})
    public PriorAuthView event(@PathVariable Long id, @jakarta.validation.Valid @Body PriorAuthRequests.Event body, Authentication who) {
        PriorAuthView v = service.addEvent(id, body, who.getName());
        audit.record(who, AuditAction.CHANGE, "PRIOR_AUTH", id, "status " + v.status());
        return v;
    }

    /** Records an SCS trial (dates, relief, psych evaluation) as the patient's clinical documentation. */
    @Post("/prior-auths/scs-trials")
    @Secured({Roles.SPECIALIST, Roles.ADMIN})
    public HttpResponse<ScsTrialGate.Result> scsTrial(@jakarta.validation.Valid @Body PriorAuthRequests.ScsTrial body, Authentication who) {
        if (body.patientId() == null) {
            throw ApiException.badRequest("patientId is required");
        }
        if (patients == null || !patients.existsById(body.patientId())) {
            // would otherwise fail on the foreign key as a 500
            throw ApiException.notFound("Patient " + body.patientId());
        }
        ScsTrialGate.Result r = scs.record(body.patientId(), new ScsTrialGate.Trial(body.trialStart(), body.trialEnd(),
                body.reliefPercent() == null ? -1 : body.reliefPercent(), body.psychEvalDate(), body.psychResult()));
        audit.record(who, AuditAction.CREATE, "CLINICAL_DOCUMENTATION", body.patientId(), "SCS trial");
        return HttpResponse.created(r);
    }

    @Get("/claims/{id}/auth-check")
    @Secured({Roles.SPECIALIST, Roles.FINANCE, Roles.ADMIN})
    public AuthCheck.Result authCheck(@PathVariable Long id, Authentication who) {
        AuthCheck.Result r = check.check(id);
        audit.record(who, AuditAction.VIEW, "CLAIM", id, "auth check");
        return r;
    }
}
