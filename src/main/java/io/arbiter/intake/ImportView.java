package io.arbiter.intake;

import io.arbiter.common.ApiProblem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDateTime;
import java.util.List;

/** The Import document of the API contract, plus the warnings list. */
@Serdeable
public record ImportView(
        Long id,
        String fileName,
        String sha256,
        @Nullable String format,
        String status,
        boolean duplicate,
        int transactions,
        int claims,
        int serviceLines,
        int adjustments,
        Progress progress,
        List<ApiProblem.ProblemDetail> errors,
        List<ApiProblem.ProblemDetail> warnings,
        LocalDateTime startedAt,
        @Nullable LocalDateTime finishedAt) {

    @Serdeable
    public record Progress(long processed, long total) {
    }
}
