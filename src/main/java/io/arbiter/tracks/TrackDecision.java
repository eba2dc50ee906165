package io.arbiter.tracks;

import io.arbiter.rules.Track;
import io.arbiter.common.Citation;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The chosen track with its reasons (plain words, each with its citation), the distinct citation URLs,
 * warnings where inputs conflict, the facts and codes the decision used, and — when the track depends on a fact
 * nobody has given — status {@link Status#NEEDS_FACTS} with the missing facts. The track is then provisional: the
 * one whose first deadline comes earliest, so no clock is lost while the answer is awaited.
 */
@Serdeable
public record TrackDecision(Track track, List<Reason> reasons, List<String> citations, List<String> warnings,
                            Status status, List<MissingFact> missingFacts, List<String> factsUsed) {

    public enum Status { DECIDED, NEEDS_FACTS }

    public TrackDecision(Track track, List<Reason> reasons, List<String> citations, List<String> warnings) {
        this(track, reasons, citations, warnings, Status.DECIDED, List.of(), List.of());
    }

    @Serdeable
    public record Reason(String text, Citation citation) {
    }

    /** A fact the track depends on, with the question to put to the specialist. */
    @Serdeable
    public record MissingFact(ClaimFact fact, String question) {
    }
}
