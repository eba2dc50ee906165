package io.arbiter.reports;

import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditEvent;
import io.arbiter.audit.AuditLog;
import io.arbiter.common.Page;
import io.arbiter.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.time.LocalDate;

/**
 * {@code GET /api/v1/audit-events}: the audit log for administrators, filtered by user, patient and date. There is no
 * route that changes or deletes an entry; reading the log is itself an entry.
 */
@Controller("/api/v1/audit-events")
@Secured(Roles.ADMIN)
@SecurityRequirement(name = "bearer")
public class AuditTrailController {

    private final AuditTrail trail;
    private final AuditLog audit;

    public AuditTrailController(AuditTrail trail, AuditLog audit) {
        this.trail = trail;
        this.audit = audit;
    }

    @Get
    public Page<AuditEvent> list(@QueryValue @Nullable String username, @QueryValue @Nullable Long patientId,
                                 @QueryValue @Nullable LocalDate from, @QueryValue @Nullable LocalDate to,
                                 @QueryValue @Nullable Integer page, @QueryValue @Nullable Integer size, Authentication who) {
        AuditTrail.Filter filter = new AuditTrail.Filter(username, patientId, from, to);
        Page<AuditEvent> result = trail.find(filter, Page.request(page, size));
        // Filters name a user or a patient id, never PHI; the entry records that the log was read and how.
        audit.record(who, AuditAction.LIST, "AUDIT_LOG", null, "user " + (username == null ? "*" : username)
                + ", patient " + (patientId == null ? "*" : patientId) + ", from " + from + " to " + to);
        return result;
    }
}
