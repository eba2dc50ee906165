package io.arbiter.calendarfeed;

import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditLog;
import io.arbiter.common.ApiException;
import io.arbiter.security.AppUser;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * GET /calendar/{token}.ics — the token is the only credential (calendar apps cannot send bearer headers);
 * it grants this feed and nothing else. Unknown or revoked tokens answer 404.
 */
@Controller("/calendar")
@Secured(SecurityRule.IS_ANONYMOUS)
public class CalendarFeedController {

    static final MediaType TEXT_CALENDAR = new MediaType("text/calendar; charset=utf-8");

    private final CalendarTokens tokens;
    private final OpenDeadlineSource source;
    private final AuditLog audit;
    private final Clock clock;

    private final io.arbiter.common.PublicUrl publicUrl;

    public CalendarFeedController(CalendarTokens tokens, OpenDeadlineSource source, AuditLog audit, Clock clock,
                                  io.arbiter.common.PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
        this.tokens = tokens;
        this.source = source;
        this.audit = audit;
        this.clock = clock;
    }

    @Get("/{token}.ics")
    public HttpResponse<String> feed(@PathVariable String token, HttpRequest<?> request) {
        AppUser user = tokens.resolve(token).orElseThrow(() -> ApiException.notFound("Calendar feed"));
        // a calendar opens an event's link outside Arbiter: it must be absolute
        List<OpenDeadline> deadlines = source.forUser(user.username()).stream()
                .map(d -> d.url() == null ? d
                        : new OpenDeadline(d.uid(), d.dueDate(), d.summary(), d.description(), publicUrl.absolute(request, d.url()))).toList();
        String body = IcsWriter.write("Arbiter deadlines (" + user.username() + ")", deadlines,
                LocalDateTime.now(clock.withZone(ZoneOffset.UTC)), List.of(3, 1));
        audit.record(user.username(), AuditAction.DOWNLOAD, "CALENDAR_FEED", user.id(), deadlines.size() + " deadlines");
        return HttpResponse.ok(body).contentType(TEXT_CALENDAR).header("Cache-Control", "private, max-age=300");
    }
}
