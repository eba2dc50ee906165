package io.arbiter.tracks;

import io.arbiter.common.Citation;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The chosen track with its reasons (plain words, each with its citation), the distinct citation URLs
 * and warnings where inputs conflict.
 */
@Serdeable
public record TrackDecision(Track track, List<Reason> reasons, List<String> citations, List<String> warnings) {

    @Serdeable
    public record Reason(String text, Citation citation) {
    }
}
