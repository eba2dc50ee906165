package io.arbiter.security;

import io.arbiter.common.ApiProblem;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.authentication.AuthenticationException;
import io.micronaut.security.authentication.AuthenticationExceptionHandler;
import jakarta.inject.Singleton;

/** POST /login while locked answers 429 with Retry-After; every other authentication failure as before (401). */
@Singleton
@Produces
@Replaces(AuthenticationExceptionHandler.class)
public class SignInThrottledHandler implements ExceptionHandler<AuthenticationException, MutableHttpResponse<?>> {

    private final AuthenticationExceptionHandler standard;

    public SignInThrottledHandler(ErrorResponseProcessor<?> processor) {
        this.standard = new AuthenticationExceptionHandler(processor);
    }

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthenticationException exception) {
        if (exception.getResponse() instanceof SignInThrottled throttled) {
            long seconds = throttled.retryAfterSeconds();
            return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header("Retry-After", Long.toString(seconds))
                    .contentType(ApiProblem.MEDIA_TYPE)
                    .body(ApiProblem.of(429, "Too Many Requests",
                            "Too many failed sign-ins for this username or address; try again in " + seconds + " seconds",
                            java.util.List.of()));
        }
        return standard.handle(request, exception);
    }
}
