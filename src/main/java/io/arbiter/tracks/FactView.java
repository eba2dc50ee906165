package io.arbiter.tracks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDateTime;

/**
 * A claim fact as track selection uses it, with where it comes from: {@code X12} (the 837P / 835 said it),
 * {@code RULE_DEFAULT} (a rule applied to what X12 said, e.g. "place of service 11 is not an emergency room"),
 * {@code USER} (a specialist set it: {@code setBy}, {@code setAt}, {@code scope} CLAIM or PLAN), {@code RECORD}
 * (the plan or claim row on file, set outside this screen) or {@code UNKNOWN} (nobody has said).
 */
@Serdeable
public record FactView(ClaimFact fact, @Nullable String value, Source source, String detail, @Nullable String setBy,
                       @Nullable LocalDateTime setAt, @Nullable String scope) {

    public enum Source { X12, RULE_DEFAULT, USER, RECORD, UNKNOWN }

    static FactView of(ClaimFact fact, @Nullable Object value, Source source, String detail) {
        return new FactView(fact, value == null ? null : value.toString(), source, detail, null, null, null);
    }

    static FactView user(ClaimFact fact, TrackFactRecord r) {
        return new FactView(fact, r.factValue(), Source.USER, "set by " + r.setBy() + " at " + r.setAt()
                + (r.claimId() != null ? " for this claim" : " for the plan"), r.setBy(), r.setAt(),
                r.claimId() != null ? "CLAIM" : "PLAN");
    }
}
