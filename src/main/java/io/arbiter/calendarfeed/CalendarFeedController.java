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

    private final String publicUrl;

    public CalendarFeedController(CalendarTokens tokens, OpenDeadlineSource source, AuditLog audit, Clock clock,
                                  @io.micronaut.context.annotation.Value("${arbiter.public-url:}") String publicUrl) {
        this.publicUrl = publicUrl;
        this.tokens = tokens;
        this.source = source;
        this.audit = audit;
        this.clock = clock;
    }

    @Get("/{token}.ics")
    public HttpResponse<String> feed(@PathVariable String token, HttpRequest<?> request) {
        AppUser user = tokens.resolve(token).orElseThrow(() -> ApiException.notFound("Calendar feed"));
        String base = baseUrl(request);
        // a calendar opens an event's link outside Arbiter: it must be absolute
        List<OpenDeadline> deadlines = source.forUser(user.username()).stream()
                .map(d -> d.url() == null || !d.url().startsWith("/") ? d
                        : new OpenDeadline(d.uid(), d.dueDate(), d.summary(), d.description(), base + d.url())).toList();
        String body = IcsWriter.write("Arbiter deadlines (" + user.username() + ")", deadlines,
                LocalDateTime.now(clock.withZone(ZoneOffset.UTC)), List.of(3, 1));
        audit.record(user.username(), AuditAction.DOWNLOAD, "CALENDAR_FEED", user.id(), deadlines.size() + " deadlines");
        return HttpResponse.ok(body).contentType(TEXT_CALENDAR).header("Cache-Control", "private, max-age=300");
    }

    /**
     * Where Arbiter is reached: {@code arbiter.public-url} when set (behind a proxy that rewrites the host), otherwise
     * the scheme and host the feed was asked on ({@code X-Forwarded-Proto}/{@code X-Forwarded-Host} when a proxy sets them).
     */
    private String baseUrl(HttpRequest<?> request) {
        if (publicUrl != null && !publicUrl.isBlank()) {
            return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        }
        String proto = request.getHeaders().get("X-Forwarded-Proto");
        String host = request.getHeaders().get("X-Forwarded-Host");
        if (host == null) {
            host = request.getHeaders().get("Host");
        }
        if (host == null || !host.matches("[A-Za-z0-9.:\\[\\]-]{1,255}")) {
            host = "localhost";
        }
        return (proto == null ? (request.isSecure() ? "https" : "http") : proto.split(",")[0].trim()) + "://" + host;
    }
}
