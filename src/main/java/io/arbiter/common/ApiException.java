package io.arbiter.common;

import io.micronaut.http.HttpStatus;

import java.util.List;

/** A business error that maps to one HTTP status and a problem+json body. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final List<ApiProblem.ProblemDetail> errors;

    public ApiException(HttpStatus status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public ApiException(HttpStatus status, String title, String detail, List<ApiProblem.ProblemDetail> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = errors;
    }

    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, "Not Found", what + " was not found");
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, "Bad Request", detail);
    }

    public static ApiException unprocessable(String detail, List<ApiProblem.ProblemDetail> errors) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Unprocessable Entity", detail, errors);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(HttpStatus.CONFLICT, "Conflict", detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<ApiProblem.ProblemDetail> errors() {
        return errors;
    }

    public ApiProblem toProblem() {
        return ApiProblem.of(status.getCode(), title, getMessage(), errors);
    }
}
