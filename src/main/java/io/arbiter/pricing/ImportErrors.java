package io.arbiter.pricing;

import io.arbiter.common.ApiException;
import io.arbiter.common.ApiProblem;

import java.util.ArrayList;
import java.util.List;

/** Collects line-precise errors of a file import; a file with any error is rejected whole (422). */
final class ImportErrors {

    static final int MAX = 100;
    private final List<ApiProblem.ProblemDetail> errors = new ArrayList<>();
    private int total;

    void add(long line, String column, String message) {
        total++;
        if (errors.size() < MAX) {
            errors.add(new ApiProblem.ProblemDetail(column == null ? "line " + line : "line " + line + ", column \"" + column + "\"", message));
        }
    }

    int count() {
        return total;
    }

    boolean isEmpty() {
        return total == 0;
    }

    void throwIfAny(String what) {
        if (total > 0) {
            throw ApiException.unprocessable(what + " rejected: " + total + " error(s)"
                    + (total > MAX ? " (first " + MAX + " shown)" : "") + "; nothing was stored", List.copyOf(errors));
        }
    }

    static ApiException single(long line, String column, String message, String what) {
        ImportErrors e = new ImportErrors();
        e.add(line, column, message);
        try {
            e.throwIfAny(what);
        } catch (ApiException ex) {
            return ex;
        }
        throw new IllegalStateException();
    }
}
