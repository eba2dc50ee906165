package io.arbiter.security;

import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditLog;
import io.arbiter.common.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.util.List;

/** Users and roles: ADMIN only. */
@Controller("/api/v1/users")
@Secured(Roles.ADMIN)
@SecurityRequirement(name = "bearer")
public class UserController {

    private final AppUserRepository users;
    private final PasswordHasher hasher;
    private final AuditLog audit;

    public UserController(AppUserRepository users, PasswordHasher hasher, AuditLog audit) {
        this.users = users;
        this.hasher = hasher;
        this.audit = audit;
    }

    @Serdeable
    public record UserView(Long id, String username, @Nullable String displayName, List<String> roles, boolean enabled) {
        static UserView of(AppUser u) {
            return new UserView(u.id(), u.username(), u.displayName(), u.roleList(), u.enabled());
        }
    }

    @Serdeable
    public record NewUser(String username, @Nullable String displayName, String password, List<String> roles) {
    }

    @Get
    public List<UserView> list() {
        return users.listOrderByUsername().stream().map(UserView::of).toList();
    }

    @Post
    public HttpResponse<UserView> create(@Body NewUser body, Authentication who) {
        if (body.username() == null || !body.username().matches("[A-Za-z0-9._@-]{3,100}")) {
            throw ApiException.badRequest("username must be 3–100 letters, digits or . _ @ -");
        }
        if (body.roles() == null || body.roles().isEmpty() || !Roles.ALL.containsAll(body.roles())) {
            throw ApiException.badRequest("roles must be a non-empty subset of " + Roles.ALL);
        }
        if (users.findByUsername(body.username()).isPresent()) {
            throw ApiException.conflict("A user named " + body.username() + " exists already");
        }
        String hash;
        try {
            hash = hasher.hash(body.password());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        AppUser saved = users.save(AppUser.create(body.username(), body.displayName(), hash, body.roles()));
        audit.record(who, AuditAction.CREATE, "USER", saved.id(), "roles " + saved.roles());
        return HttpResponse.created(UserView.of(saved));
    }
}
