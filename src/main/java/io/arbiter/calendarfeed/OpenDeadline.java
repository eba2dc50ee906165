package io.arbiter.calendarfeed;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;

/**
 * One open deadline shown in a user's calendar feed. {@code uid} must be stable across feed refreshes
 * (e.g. "case-42-IDR_INITIATION_DUE"). Keep PHI (patient names, member ids) out of summary and description:
 * calendar clients sync them to third-party servers.
 */
@Serdeable
public record OpenDeadline(String uid, LocalDate dueDate, String summary, @Nullable String description, @Nullable String url) {
}
