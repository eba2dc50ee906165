package io.arbiter.deadlines;

import io.arbiter.common.ApiException;
import io.arbiter.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Fee estimate calculator (an extension of the contract): GET with query parameters or POST with a body. */
@Controller("/api/v1/fees")
@Secured({Roles.SPECIALIST, Roles.ATTORNEY, Roles.FINANCE, Roles.ADMIN})
@SecurityRequirement(name = "bearer")
public class FeeController {

    private final FeeCalculator fees;

    public FeeController(FeeCalculator fees) {
        this.fees = fees;
    }

    @Serdeable
    public record FeeRequest(@Nullable String initiationDate, @Nullable String disputeType, @Nullable Integer lineCount,
                             @Nullable String openNegotiationStarted) {
    }

    @Get("/estimate")
    public FeeEstimate get(@QueryValue @Nullable String initiationDate, @QueryValue @Nullable String disputeType,
                           @QueryValue @Nullable Integer lineCount, @QueryValue @Nullable String openNegotiationStarted) {
        return post(new FeeRequest(initiationDate, disputeType, lineCount, openNegotiationStarted));
    }

    @Post("/estimate")
    public FeeEstimate post(@Body FeeRequest body) {
        LocalDate initiation = date(body.initiationDate(), "initiationDate", true);
        DisputeType type;
        try {
            type = body.disputeType() == null ? DisputeType.SINGLE : DisputeType.valueOf(body.disputeType());
        } catch (IllegalArgumentException e) {
            throw problem("disputeType", "must be SINGLE, BUNDLED or BATCHED");
        }
        int lines = body.lineCount() == null ? 1 : body.lineCount();
        if (lines < 1) {
            throw problem("lineCount", "must be at least 1");
        }
        return fees.estimate(initiation, type, lines, date(body.openNegotiationStarted(), "openNegotiationStarted", false));
    }

    private static LocalDate date(@Nullable String v, String field, boolean required) {
        if (v == null || v.isBlank()) {
            if (required) {
                throw problem(field, "is required (YYYY-MM-DD)");
            }
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw problem(field, "not a date (YYYY-MM-DD): " + v);
        }
    }

    private static ApiException problem(String location, String message) {
        return new ApiException(io.micronaut.http.HttpStatus.BAD_REQUEST, "Bad Request", location + " " + message,
                java.util.List.of(new io.arbiter.common.ApiProblem.ProblemDetail(location, message)));
    }
}
