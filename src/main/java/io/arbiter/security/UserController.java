package io.arbiter.security;

import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditLog;
import io.arbiter.common.ApiException;
import io.arbiter.common.ApiProblem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Users and roles: ADMIN only. */
@Controller("/api/v1/users")
@Secured(Roles.ADMIN)
@SecurityRequirement(name = "bearer")
public class UserController {

    private final Users users;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final PasswordPolicy policy;
    private final SessionGenerations generations;
    private final SignInThrottle throttle;

    public UserController(Users users, PasswordHasher hasher, AuditLog audit, PasswordPolicy policy,
                          SessionGenerations generations, SignInThrottle throttle) {
        this.users = users;
        this.hasher = hasher;
        this.audit = audit;
        this.policy = policy;
        this.generations = generations;
        this.throttle = throttle;
    }

    /** An admin's change to a user: each field is optional, absent means unchanged. */
    @Serdeable
    public record UserChange(@Nullable List<String> roles, @Nullable Boolean enabled, @Nullable String displayName,
                             @Nullable Boolean allPractices, @Nullable List<Long> practiceIds) {
    }

    /** A locked username or client address. */
    @Serdeable
    public record SignInLock(Long id, String key, int failures, LocalDateTime lastFailureAt, LocalDateTime lockedUntil) {
    }

    @Serdeable
    public record UserView(Long id, String username, @Nullable String displayName, List<String> roles, boolean enabled,
                           boolean allPractices, List<Long> practiceIds) {
    }

    private UserView view(AppUser u) {
        return view(u, users.practiceIdsOf(u.id()));
    }

    private static UserView view(AppUser u, List<Long> practiceIds) {
        return new UserView(u.id(), u.username(), u.displayName(), u.roleList(), u.enabled(), u.allPractices(),
                u.allPractices() ? List.of() : practiceIds);
    }

    @Serdeable
    public record NewUser(String username, @Nullable String displayName, String password, List<String> roles,
                          @Nullable Boolean allPractices, @Nullable List<Long> practiceIds) {
    }

    @Get
    public List<UserView> list() {
        Map<Long, List<Long>> practices = users.practiceIdsByUser();
        return users.listOrderByUsername().stream().map(u -> view(u, practices.getOrDefault(u.id(), List.of()))).toList();
    }

    @Post
    @io.micronaut.transaction.annotation.Transactional
    public HttpResponse<UserView> create(@Body NewUser body, Authentication who) {
        if (body.username() == null || !body.username().matches("[A-Za-z0-9._@-]{3,100}")) {
            throw ApiException.badRequest("username must be 3–100 letters, digits or . _ @ -");
        }
        if (body.roles() == null || body.roles().isEmpty() || body.roles().stream().anyMatch(java.util.Objects::isNull) || !Roles.ALL.containsAll(body.roles())) {
            throw ApiException.badRequest("roles must be a non-empty subset of " + Roles.ALL);
        }
        if (users.findByUsername(body.username()).isPresent()) {
            throw ApiException.conflict("A user named " + body.username() + " exists already");
        }
        policy.check("password", body.username(), body.password());
        String hash;
        try {
            hash = hasher.hash(body.password());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        boolean all = Users.reachesAllPractices(body.allPractices(), body.practiceIds(), body.roles());
        AppUser saved = users.save(AppUser.create(body.username(), body.displayName(), hash, body.roles()).withAllPractices(all));
        saved = assign(saved, all, body.practiceIds());
        audit.record(who, AuditAction.CREATE, "USER", saved.id(), "roles " + saved.roles() + "; " + scope(saved));
        return HttpResponse.created(view(saved));
    }

    /**
     * Disables or re-enables a user, changes roles or the display name. Disabling and role changes end
     * the user's current sessions at once (their tokens carry the old roles).
     */
    @Put("/{id}")
    @io.micronaut.transaction.annotation.Transactional
    public UserView change(@PathVariable Long id, @Body UserChange body, Authentication who) {
        AppUser u = users.findById(id).orElseThrow(() -> ApiException.notFound("User " + id));
        List<String> roles = body.roles() == null ? u.roleList() : body.roles();
        if (roles.isEmpty() || roles.stream().anyMatch(java.util.Objects::isNull) || !Roles.ALL.containsAll(roles)) {
            throw ApiException.badRequest("roles must be a non-empty subset of " + Roles.ALL);
        }
        boolean enabled = body.enabled() == null ? u.enabled() : body.enabled();
        boolean stillAdmin = enabled && roles.contains(Roles.ADMIN);
        if (u.hasRole(Roles.ADMIN) && u.enabled() && !stillAdmin && otherEnabledAdmins(u) == 0) {
            // nobody could manage users any more
            throw ApiException.conflict("User " + u.username() + " is the last enabled administrator");
        }
        String displayName = body.displayName() == null ? u.displayName() : body.displayName();
        if (displayName != null && displayName.length() > 200) {
            throw ApiException.badRequest("displayName must have at most 200 characters");
        }
        AppUser changed = users.update(new AppUser(u.id(), u.username(), displayName, u.passwordHash(), String.join(",", roles),
                enabled, u.allPractices(), u.calendarToken(), u.version(), u.createdAt(), u.updatedAt()));
        String what0 = null;
        if (body.allPractices() != null || body.practiceIds() != null) {
            boolean all = body.allPractices() != null ? body.allPractices() : body.practiceIds() == null && u.allPractices();
            String before = scope(u);
            changed = assign(changed, Users.reachesAllPractices(all, body.practiceIds(), roles), body.practiceIds());
            if (!before.equals(scope(changed))) {
                what0 = "practices " + before + " -> " + scope(changed);
            }
        }
        List<String> what = new ArrayList<>();
        if (what0 != null) {
            what.add(what0);
        }
        if (!u.roleList().equals(changed.roleList())) {
            what.add("roles " + u.roleList() + " -> " + changed.roleList());
        }
        if (u.enabled() != changed.enabled()) {
            what.add(changed.enabled() ? "enabled" : "disabled");
        }
        if (!java.util.Objects.equals(u.displayName(), changed.displayName())) {
            what.add("display name");
        }
        if (!u.roleList().equals(changed.roleList()) || !changed.enabled()) {
            generations.revokeAllOf(u.id());
            what.add("sessions revoked");
        }
        audit.record(who, AuditAction.CHANGE, "USER", u.id(), what.isEmpty() ? "no change" : String.join("; ", what));
        return view(changed);
    }

    private AppUser assign(AppUser user, boolean all, @Nullable List<Long> practiceIds) {
        try {
            return users.assignPractices(user, all, practiceIds == null ? List.of() : practiceIds);
        } catch (io.micronaut.data.exceptions.DataAccessException e) {
            throw ApiException.unprocessable("practiceIds: " + practiceIds + " names a practice that does not exist",
                    List.of(new ApiProblem.ProblemDetail("practiceIds", "a practice that does not exist")));
        }
    }

    private String scope(AppUser u) {
        return u.allPractices() ? "all practices" : "practices " + users.practiceIdsOf(u.id());
    }

    private long otherEnabledAdmins(AppUser except) {
        return users.findAll().stream()
                .filter(o -> !o.id().equals(except.id()) && o.enabled() && o.hasRole(Roles.ADMIN)).count();
    }

    /** Usernames and client addresses locked now by sign-in throttling. */
    @Get("/sign-in-locks")
    public List<SignInLock> locks(Authentication who) {
        List<SignInLock> locks = throttle.currentLocks().stream()
                .map(e -> new SignInLock(e.id(), e.throttleKey(), e.failures(), e.lastFailureAt(), e.lockedUntil())).toList();
        audit.record(who, AuditAction.LIST, "SIGN_IN_LOCK", null, locks.size() + " locks");
        return locks;
    }

    /** Lifts a lock before it runs out. */
    @Delete("/sign-in-locks/{lockId}")
    public HttpResponse<Void> unlock(@PathVariable Long lockId, Authentication who) {
        if (!throttle.clear(lockId)) {
            throw ApiException.notFound("Sign-in lock " + lockId);
        }
        audit.record(who, AuditAction.UNLOCK, "SIGN_IN_LOCK", lockId, null);
        return HttpResponse.noContent();
    }
}
