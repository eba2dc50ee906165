package io.arbiter.common;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** RFC 7807 problem document, the only error shape the API returns. */
@Serdeable
public record ApiProblem(String type, String title, int status, @Nullable String detail, List<ProblemDetail> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One located error: {@code location} names the place precisely (segment, line, field). */
    @Serdeable
    public record ProblemDetail(String location, String message) {
    }

    public static ApiProblem of(int status, String title, @Nullable String detail) {
        return new ApiProblem("about:blank", title, status, detail, List.of());
    }

    public static ApiProblem of(int status, String title, @Nullable String detail, List<ProblemDetail> errors) {
        return new ApiProblem("about:blank", title, status, detail, errors == null ? List.of() : errors);
    }
}
