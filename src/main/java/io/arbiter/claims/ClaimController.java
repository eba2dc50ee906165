package io.arbiter.claims;

import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditLog;
import io.arbiter.common.Page;
import io.arbiter.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

@Controller("/api/v1/claims")
@Secured({Roles.SPECIALIST, Roles.FINANCE, Roles.ADMIN})
@SecurityRequirement(name = "bearer")
public class ClaimController {

    private final ClaimReader reader;
    private final AuditLog audit;

    private final io.arbiter.security.PracticeScopes practiceScopes;

    public ClaimController(ClaimReader reader, AuditLog audit, io.arbiter.security.PracticeScopes practiceScopes) {
        this.practiceScopes = practiceScopes;
        this.reader = reader;
        this.audit = audit;
    }

    @Get
    public Page<ClaimView.Summary> list(@QueryValue @Nullable String patientControlNumber,
                                        @QueryValue @Nullable String payerClaimControlNumber,
                                        @QueryValue @Nullable String payer,
                                        @QueryValue @Nullable String status,
                                        @QueryValue @Nullable Integer page,
                                        @QueryValue @Nullable Integer size,
                                        Authentication who) {
        Page<ClaimView.Summary> result = reader.search(patientControlNumber, payerClaimControlNumber, payer, status,
                practiceScopes.of(who), Page.request(page, size));
        audit.record(who, AuditAction.LIST, "CLAIM", null, "page " + result.page() + ", " + result.items().size() + " claims");
        return result;
    }

    @Get("/{id}")
    public ClaimView get(@PathVariable Long id, Authentication who) {
        ClaimView view = reader.read(id);
        audit.record(who, AuditAction.VIEW, "CLAIM", id, null);
        return view;
    }
}
