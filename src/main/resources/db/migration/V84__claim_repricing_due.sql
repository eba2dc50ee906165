-- Claims whose findings are behind their remittance history (issue 21): written in the same transaction as the import
-- that changed them, cleared by the scan that prices them again. A crash between the import's commit and its
-- re-pricing leaves the row behind, so screens say "re-pricing" instead of showing a superseded gap, and the sweep
-- prices the claim on the next start.
CREATE TABLE claim_repricing_due (
    claim_id BIGINT NOT NULL PRIMARY KEY,
    since DATETIME(6) NOT NULL,
    cause VARCHAR(100) NOT NULL,
    CONSTRAINT fk_repricing_due_claim FOREIGN KEY (claim_id) REFERENCES claim (id) ON DELETE CASCADE
);
CREATE INDEX ix_repricing_due_since ON claim_repricing_due (since);
