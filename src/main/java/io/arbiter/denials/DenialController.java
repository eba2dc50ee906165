package io.arbiter.denials;

import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditLog;
import io.arbiter.common.Page;
import io.arbiter.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

/** Denial records, the specialists' work queue, and the appeal evidence checklist. */
@Controller("/api/v1/denials")
@SecurityRequirement(name = "bearer")
public class DenialController {

    private final DenialService service;
    private final AuditLog audit;

    private final io.arbiter.security.PracticeScopes practiceScopes;

    public DenialController(DenialService service, AuditLog audit, io.arbiter.security.PracticeScopes practiceScopes) {
        this.practiceScopes = practiceScopes;
        this.service = service;
        this.audit = audit;
    }

    /** Builds or refreshes denial records from the claims as remitted; idempotent. */
    @Post("/sync")
    @Secured({Roles.SPECIALIST, Roles.ADMIN})
    public DenialRequests.SyncResult sync(@jakarta.validation.Valid @Body @Nullable DenialRequests.Sync body, Authentication who) {
        DenialRequests.SyncResult r = service.sync(body == null ? null : body.claimIds());
        audit.record(who, AuditAction.CHANGE, "DENIAL", "sync", "created " + r.created() + ", updated " + r.updated());
        return r;
    }

    /** {@code owner=me} is the caller's queue; sorted by appeal deadline (soonest first). */
    @Get
    @Secured({Roles.SPECIALIST, Roles.FINANCE, Roles.ADMIN})
    public Page<DenialView> list(@QueryValue @Nullable String category, @QueryValue @Nullable String owner,
                                 @QueryValue @Nullable String status, @QueryValue @Nullable Integer page,
                                 @QueryValue @Nullable Integer size, Authentication who) {
        String o = "me".equals(owner) ? who.getName() : owner;
        Page<DenialView> result = service.list(category, o, status, practiceScopes.of(who), page, size);
        audit.record(who, AuditAction.LIST, "DENIAL", null, "category " + category + ", owner " + o + ", status " + status);
        return result;
    }

    @Get("/{id}")
    @Secured({Roles.SPECIALIST, Roles.FINANCE, Roles.ADMIN})
    public DenialView get(@PathVariable Long id, Authentication who) {
        DenialView v = service.get(id);
        audit.record(who, AuditAction.VIEW, "DENIAL", id, null);
        return v;
    }

    @Post("/{id}/evidence")
    @Secured({Roles.SPECIALIST, Roles.ADMIN})
    public DenialView evidence(@PathVariable Long id, @jakarta.validation.Valid @Body DenialRequests.Evidence body, Authentication who) {
        DenialView v = service.attachEvidence(id, body, who.getName());
        audit.record(who, AuditAction.CHANGE, "DENIAL", id, "evidence items " + body.items() + " document " + body.documentId());
        return v;
    }

    /** Records the work's outcome (APPEALED, RECOVERED with the amount, UPHELD, CORRECTED, WRITTEN_OFF). */
    @Post("/{id}/outcome")
    @Secured({Roles.SPECIALIST, Roles.ADMIN})
    public DenialView outcome(@PathVariable Long id, @jakarta.validation.Valid @Body DenialRequests.Outcome body, Authentication who) {
        DenialView v = service.outcome(id, body);
        audit.record(who, AuditAction.CHANGE, "DENIAL", id, "status " + body.status());
        return v;
    }

    @Post("/{id}/assign")
    @Secured({Roles.SPECIALIST, Roles.ADMIN})
    public DenialView assign(@PathVariable Long id, @jakarta.validation.Valid @Body DenialRequests.Assign body, Authentication who) {
        DenialView v = service.assign(id, body.owner());
        audit.record(who, AuditAction.CHANGE, "DENIAL", id, "assigned");
        return v;
    }
}
