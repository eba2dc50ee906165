package io.arbiter.deadlines;

import io.arbiter.common.ApiException;
import io.arbiter.common.ApiProblem;
import io.arbiter.practice.Payers;
import io.arbiter.security.Roles;
import io.arbiter.rules.Track;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** POST /api/v1/deadlines/calculate: a pure calculator, open to all four roles. */
@Controller("/api/v1/deadlines")
@Secured({Roles.SPECIALIST, Roles.ATTORNEY, Roles.FINANCE, Roles.ADMIN})
@SecurityRequirement(name = "bearer")
public class DeadlineController {

    private final DeadlineEngine engine;
    private final Payers payers;

    public DeadlineController(DeadlineEngine engine, Payers payers) {
        this.engine = engine;
        this.payers = payers;
    }

    @Serdeable
    public record CalculateRequest(@Nullable String track, @Nullable Map<String, String> events,
                                   @Nullable DeadlineOptions options) {
    }

    @Serdeable
    public record CalculateResponse(List<Deadline> deadlines, List<DeadlineEngine.Skipped> notApplicable) {
    }

    @Post("/calculate")
    public CalculateResponse calculate(@Body CalculateRequest body) {
        List<ApiProblem.ProblemDetail> errors = new ArrayList<>();
        Track track = null;
        if (body.track() == null || body.track().isBlank()) {
            errors.add(new ApiProblem.ProblemDetail("track", "track is required"));
        } else {
            try {
                track = Track.valueOf(body.track());
                if (!track.hasDeadlines()) {
                    errors.add(new ApiProblem.ProblemDetail("track", body.track() + " has no deadlines"));
                }
            } catch (IllegalArgumentException e) {
                errors.add(new ApiProblem.ProblemDetail("track", "unknown track '" + body.track() + "'; expected one of "
                        + Arrays.stream(Track.values()).filter(Track::hasDeadlines).toList()));
            }
        }
        Map<String, LocalDate> events = new LinkedHashMap<>();
        if (body.events() == null || body.events().isEmpty()) {
            errors.add(new ApiProblem.ProblemDetail("events", "at least one event date is required"));
        } else {
            body.events().forEach((k, v) -> {
                try {
                    events.put(k, LocalDate.parse(v));
                } catch (DateTimeParseException | NullPointerException e) {
                    errors.add(new ApiProblem.ProblemDetail("events." + k, "not a date (YYYY-MM-DD): " + v));
                }
            });
        }
        if (!errors.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Bad Request", "Invalid deadline request", errors);
        }
        DeadlineOptions options = body.options() == null ? DeadlineOptions.DEFAULTS : body.options();
        if (options.appealWindowDays() == null && options.payerId() != null) {
            Long payerId = options.payerId();
            Integer days = payers.findById(payerId)
                    .orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST, "Bad Request", "Unknown payer",
                            List.of(new ApiProblem.ProblemDetail("options.payerId", "no payer " + payerId))))
                    .appealWindowDays();
            options = options.withAppealWindowDays(days);
        }
        DeadlineEngine.Result result = engine.calculate(track, events, options);
        return new CalculateResponse(result.deadlines(), result.skipped());
    }
}
