package io.arbiter.intake;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.LocalDateTime;

/** One uploaded file and what became of it. {@code processed}/{@code total} count bytes read. */
@MappedEntity("import_file")
public record ImportFile(
        @Id @GeneratedValue @Nullable Long id,
        String fileName,
        String sha256,
        @Nullable String format,
        String status,
        int transactions,
        int claims,
        int serviceLines,
        int adjustments,
        long processed,
        long total,
        @Nullable String errors,
        @Nullable String warnings,
        @Nullable String importedBy,
        LocalDateTime startedAt,
        @Nullable LocalDateTime finishedAt,
        @Version @Nullable Long version,
        @DateCreated @Nullable LocalDateTime createdAt,
        @DateUpdated @Nullable LocalDateTime updatedAt) {

    public static final String RUNNING = "RUNNING";
    public static final String COMPLETED = "COMPLETED";
    public static final String REJECTED = "REJECTED";
}
