-- Who works a claim that is not yet a case (issue 21: "assign" on the underpaid-lines and waiting-for-facts worklists).
-- A case has its own assignee; a denial its owner.
CREATE TABLE claim_owner (
    claim_id BIGINT NOT NULL PRIMARY KEY,
    owner VARCHAR(100) NOT NULL,
    assigned_at DATETIME(6) NOT NULL,
    assigned_by VARCHAR(100) NOT NULL,
    CONSTRAINT fk_claim_owner_claim FOREIGN KEY (claim_id) REFERENCES claim (id) ON DELETE CASCADE
);
CREATE INDEX ix_claim_owner_owner ON claim_owner (owner);
