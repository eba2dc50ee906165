package io.arbiter.tracks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDateTime;

/**
 * One fact set by a person for a claim ({@code claimId}) or a plan ({@code planId}); rows are appended, the latest
 * of a fact is its current value ({@code factValue} null = back to X12 / rule default).
 */
@MappedEntity("track_fact")
public record TrackFactRecord(@Id @GeneratedValue @Nullable Long id, @Nullable Long claimId, @Nullable Long planId,
                              String fact, @Nullable String factValue, String setBy, LocalDateTime setAt) {
}
