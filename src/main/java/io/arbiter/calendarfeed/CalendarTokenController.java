package io.arbiter.calendarfeed;

import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditLog;
import io.arbiter.common.ApiException;
import io.arbiter.security.AppUser;
import io.arbiter.security.Users;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

/** Create/rotate (POST) or revoke (DELETE) the caller's own calendar feed token. Any signed-in role. */
@Controller("/api/v1/users/me/calendar-token")
@Secured(SecurityRule.IS_AUTHENTICATED)
@SecurityRequirement(name = "bearer")
public class CalendarTokenController {

    private final Users users;
    private final CalendarTokens tokens;
    private final AuditLog audit;

    public CalendarTokenController(Users users, CalendarTokens tokens, AuditLog audit) {
        this.users = users;
        this.tokens = tokens;
        this.audit = audit;
    }

    @Serdeable
    public record TokenView(String token, String path) {
    }

    @Post
    public HttpResponse<TokenView> rotate(Authentication who) {
        AppUser user = me(who);
        String token = tokens.rotate(user);
        audit.record(who, AuditAction.CHANGE, "CALENDAR_TOKEN", user.id(), "rotated");
        return HttpResponse.created(new TokenView(token, "/calendar/" + token + ".ics"));
    }

    @Delete
    public HttpResponse<Void> revoke(Authentication who) {
        AppUser user = me(who);
        tokens.revoke(user);
        audit.record(who, AuditAction.CHANGE, "CALENDAR_TOKEN", user.id(), "revoked");
        return HttpResponse.noContent();
    }

    private AppUser me(Authentication who) {
        return users.findByUsername(who.getName()).orElseThrow(() -> ApiException.notFound("User"));
    }
}
