-- Issue 21: the track TrackSelector chose for each claim (tracks.ClaimTracks), so batch proposals select federal IDR
-- lines in SQL instead of deciding 100,000 claims on every view. `inputs` is the signature of what the decision read
-- (claim, plan and provider versions, the plan's latest fact row, the rule set); a row whose signature no longer
-- matches is decided again before use. No foreign key, as for track_fact (V64): tools wiping claims need not know it.
CREATE TABLE claim_track (
    claim_id BIGINT PRIMARY KEY,
    track VARCHAR(30) NOT NULL,
    -- the track is provisional: the decision needs a fact nobody has given (the waiting-for-facts worklist)
    needs_facts BOOLEAN NOT NULL DEFAULT FALSE,
    inputs VARCHAR(200) NOT NULL,
    decided_at DATETIME NOT NULL
);
CREATE INDEX ix_claim_track_needs_facts ON claim_track (needs_facts, claim_id);
