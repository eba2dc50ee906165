-- Issue 14: the facts a remittance cannot tell, and the program a claim was filed under.

-- 835 CLP06 / 837P SBR09 (X12 element 1032): VA, OF and LM claims are outside the No Surprises Act IDR, which
-- the plan row (one per payer) cannot tell.
ALTER TABLE claim ADD COLUMN claim_filing_indicator VARCHAR(2);

-- Every fact a specialist sets for a claim (claim_id) or for a plan (plan_id), appended, never updated: the latest
-- row of a fact is its current value (fact_value NULL = back to what X12 or the rule default says), the rows are
-- its history (who, when). No foreign keys so that tests and tools wiping claims and plans need not know this table.
CREATE TABLE track_fact (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    claim_id BIGINT,
    plan_id BIGINT,
    fact VARCHAR(30) NOT NULL,
    fact_value VARCHAR(40),
    set_by VARCHAR(100) NOT NULL,
    set_at DATETIME NOT NULL
);
CREATE INDEX ix_track_fact_claim ON track_fact (claim_id, fact);
CREATE INDEX ix_track_fact_plan ON track_fact (plan_id, fact);
