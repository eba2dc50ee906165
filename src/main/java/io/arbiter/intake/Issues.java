package io.arbiter.intake;

import io.arbiter.common.ApiProblem;

import java.util.ArrayList;
import java.util.List;

/**
 * Errors (the file is rejected) and warnings (imported, but someone should look) collected while
 * reading one file. Parsing goes on after the first error so that a user sees several problems at
 * once, up to a cap that keeps a garbage upload from producing a huge response. Thread-safe: the
 * reader and the writer thread of an import (IntakePipeline) both report here.
 */
public final class Issues {

    public static final int MAX_ERRORS = 50;
    public static final int MAX_WARNINGS = 200;

    private final List<ApiProblem.ProblemDetail> errors = new ArrayList<>();
    private final List<ApiProblem.ProblemDetail> warnings = new ArrayList<>();
    private int suppressedWarnings;

    public synchronized void error(String location, String message) {
        if (errors.size() < MAX_ERRORS) {
            errors.add(new ApiProblem.ProblemDetail(location, message));
        }
    }

    public synchronized void warning(String location, String message) {
        if (warnings.size() < MAX_WARNINGS) {
            warnings.add(new ApiProblem.ProblemDetail(location, message));
        } else {
            suppressedWarnings++;
        }
    }

    public synchronized boolean hasErrors() {
        return !errors.isEmpty();
    }

    public synchronized boolean full() {
        return errors.size() >= MAX_ERRORS;
    }

    public synchronized List<ApiProblem.ProblemDetail> errors() {
        return List.copyOf(errors);
    }

    public synchronized List<ApiProblem.ProblemDetail> warnings() {
        if (suppressedWarnings > 0) {
            List<ApiProblem.ProblemDetail> all = new ArrayList<>(warnings);
            all.add(new ApiProblem.ProblemDetail("file", suppressedWarnings + " further warnings not listed"));
            return all;
        }
        return List.copyOf(warnings);
    }
}
