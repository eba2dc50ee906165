package io.arbiter.common;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.http.server.exceptions.response.HateoasErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Every error the framework produces (404 route, 401/403 from security, 400 binding, 413 size)
 * leaves as application/problem+json, never as a stack trace.
 */
@Singleton
@Replaces(HateoasErrorResponseProcessor.class)
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<ApiProblem> {

    private final java.util.List<BrowserErrorPage> browserPages;

    public ProblemErrorResponseProcessor(java.util.List<BrowserErrorPage> browserPages) {
        this.browserPages = browserPages;
    }

    @Override
    @NonNull
    public MutableHttpResponse<ApiProblem> processResponse(@NonNull ErrorContext ctx, @NonNull MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        List<ApiProblem.ProblemDetail> errors = ctx.getErrors().stream()
                .map(e -> new ApiProblem.ProblemDetail(e.getPath().orElse("request"), e.getMessage()))
                .toList();
        String detail = errors.isEmpty() ? defaultDetail(status) : errors.get(0).message();
        if (status.getCode() >= 500) {
            // Never leak internals (SQL, values that may be PHI) to the client.
            errors = List.of();
            detail = "Unexpected error; the server log has the details.";
        } else if (status == HttpStatus.REQUEST_ENTITY_TOO_LARGE) {
            detail = "The upload is larger than the configured limit (arbiter: micronaut.server.multipart.max-file-size).";
        }
        if (status == HttpStatus.FORBIDDEN) {
            // A browser on a screen gets a page (the security filter answers before any page filter runs).
            for (BrowserErrorPage page : browserPages) {
                var html = page.render(ctx.getRequest(), status.getCode(), detail);
                if (html.isPresent()) {
                    @SuppressWarnings({"unchecked", "rawtypes"})
                    MutableHttpResponse<ApiProblem> r = (MutableHttpResponse) response.contentType("text/html;charset=utf-8").body(html.get())
                            .header("X-Frame-Options", "DENY").header("X-Content-Type-Options", "nosniff")
                            .header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'");
                    return r;
                }
            }
        }
        ApiProblem body = ApiProblem.of(status.getCode(), status.getReason(), detail, errors);
        return response.contentType(ApiProblem.MEDIA_TYPE).body(body);
    }

    private static String defaultDetail(HttpStatus status) {
        return switch (status) {
            case UNAUTHORIZED -> "Authentication required: send Authorization: Bearer <token> (POST /login).";
            case FORBIDDEN -> "Your role may not make this call.";
            case NOT_FOUND -> "No such resource.";
            default -> status.getReason();
        };
    }
}
