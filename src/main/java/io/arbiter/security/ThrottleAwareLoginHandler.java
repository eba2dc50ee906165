package io.arbiter.security;

import io.arbiter.common.ApiProblem;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.token.bearer.AccessRefreshTokenLoginHandler;
import io.micronaut.security.token.generator.AccessRefreshTokenGenerator;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * POST /login while the username or address is locked answers 429 with Retry-After (the standard
 * handler turns every failure into a 401 and drops the reason); everything else as before.
 */
@Singleton
@Replaces(AccessRefreshTokenLoginHandler.class)
public class ThrottleAwareLoginHandler extends AccessRefreshTokenLoginHandler {

    public ThrottleAwareLoginHandler(AccessRefreshTokenGenerator generator) {
        super(generator);
    }

    @Override
    public MutableHttpResponse<?> loginFailed(AuthenticationResponse response, HttpRequest<?> request) {
        if (response instanceof SignInThrottled throttled) {
            long seconds = throttled.retryAfterSeconds();
            return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header("Retry-After", Long.toString(seconds))
                    .contentType(ApiProblem.MEDIA_TYPE)
                    .body(ApiProblem.of(429, "Too Many Requests",
                            "Too many failed sign-ins for this username or address; try again in " + seconds + " seconds",
                            List.of()));
        }
        return super.loginFailed(response, request);
    }
}
