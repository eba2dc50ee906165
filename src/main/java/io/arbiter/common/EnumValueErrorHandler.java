package io.arbiter.common;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.serde.exceptions.InvalidPropertyFormatException;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * A request body naming a constant its field does not have ({@code "feeKind": "lunch"}) is a 422 that names the field
 * and lists the choices, as a form or query parameter gets from {@link EnumText}; other unreadable bodies stay 400.
 * (Constants are matched in any case: micronaut.serde.deserialization.accept-case-insensitive-enums.)
 */
@Produces
@Singleton
@Replaces(ConversionErrorHandler.class)
public class EnumValueErrorHandler extends ConversionErrorHandler {

    public EnumValueErrorHandler(ErrorResponseProcessor<?> responseProcessor) {
        super(responseProcessor);
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ConversionErrorException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof InvalidPropertyFormatException p && p.getArgument().getType().isEnum()) {
                String field = p.getArgument().getName();
                String message = EnumText.notOneOf(String.valueOf(p.getOriginalValue()), p.getArgument().getType());
                ApiException problem = ApiException.unprocessable(field + " " + message,
                        List.of(new ApiProblem.ProblemDetail(field, message)));
                return HttpResponse.status(problem.status()).contentType(ApiProblem.MEDIA_TYPE).body(problem.toProblem());
            }
        }
        return super.handle(request, e);
    }
}
