package io.arbiter.tracks.eligibility;

import io.arbiter.common.Citation;
import io.micronaut.serde.annotation.Serdeable;

/** One gate's verdict in plain words with the rule it rests on. */
@Serdeable
public record GateResult(String gate, GateStatus status, String reason, Citation citation) {
}
