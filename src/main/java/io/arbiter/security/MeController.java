package io.arbiter.security;

import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditLog;
import io.arbiter.common.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

/** The signed-in user's own account. */
@Controller("/api/v1/me")
@Secured(SecurityRule.IS_AUTHENTICATED)
@SecurityRequirement(name = "bearer")
public class MeController {

    private final AppUserRepository users;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final SessionGenerations generations;
    private final AuditLog audit;

    public MeController(AppUserRepository users, PasswordHasher hasher, PasswordPolicy policy,
                        SessionGenerations generations, AuditLog audit) {
        this.users = users;
        this.hasher = hasher;
        this.policy = policy;
        this.generations = generations;
        this.audit = audit;
    }

    @Serdeable
    public record PasswordChange(@Nullable String currentPassword, @Nullable String newPassword) {
    }

    /**
     * Changes one's own password; the current one is required (a stolen token alone must not take the
     * account over). Every token issued so far, this one included, ends: sign in again.
     */
    @Put("/password")
    public HttpResponse<Void> changePassword(@Body PasswordChange body, Authentication who, HttpRequest<?> request) {
        AppUser me = users.findByUsername(who.getName()).orElseThrow(() -> ApiException.notFound("User " + who.getName()));
        if (!hasher.matches(body.currentPassword(), me.passwordHash())) {
            throw ApiException.badRequest("currentPassword: not your current password");
        }
        policy.check("newPassword", me.username(), body.newPassword());
        users.update(me.withPasswordHash(hasher.hash(body.newPassword())));
        generations.revokeAll(me.username());
        audit.recordFrom(me.username(), audit.clientAddress(request), AuditAction.CHANGE, "USER", me.id(),
                "own password changed; sessions revoked");
        return HttpResponse.noContent();
    }
}
