package io.arbiter.findings.scrubber;

import java.util.List;

/** One pain-management coding rule (pain-coding-and-denials.md §9); parameters and citation live in rules/scrubber-pain.yml. */
public interface ScrubberRule {

    String id();

    List<RuleHit> check(ScrubContext ctx, RuleConfig config);

    /** A rule hit on a line (or the claim when lineId is null). */
    record RuleHit(Long lineId, String message) {
    }
}
