package io.arbiter.web;

import io.arbiter.common.ApiException;
import io.arbiter.common.ApiProblem;

import java.util.stream.Collectors;

/** Turns a service's problem into one sentence for a page's error banner. */
final class WebErrors {

    private WebErrors() {
    }

    static String describe(ApiException e) {
        String detail = e.getMessage() == null ? "The request was refused." : e.getMessage();
        if (e.errors() == null || e.errors().isEmpty()) {
            return detail;
        }
        return detail + ": " + e.errors().stream().map(ApiProblem.ProblemDetail::message).collect(Collectors.joining("; "));
    }
}
