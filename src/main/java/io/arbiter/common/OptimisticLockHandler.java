package io.arbiter.common;

import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** A stale update never overwrites silently: it answers 409 and the client reloads. */
@Produces
@Singleton
public class OptimisticLockHandler implements ExceptionHandler<OptimisticLockException, HttpResponse<ApiProblem>> {

    @Override
    public HttpResponse<ApiProblem> handle(HttpRequest request, OptimisticLockException e) {
        return HttpResponse.<ApiProblem>status(HttpStatus.CONFLICT).contentType(ApiProblem.MEDIA_TYPE)
                .body(ApiProblem.of(409, "Conflict",
                        "The record was changed by someone else since you loaded it; reload and try again."));
    }
}
