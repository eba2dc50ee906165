-- Intake performance (issue 3): no query looks claim lines up by procedure code or remittances up by
-- patient control number (claims are found by practice + patient control number on claim itself, and
-- remittances by claim or by payer claim control number + trace). Each index only cost every imported
-- line or remittance one more B-tree insert (about a fifth of a claim_line LOAD, measured).
DROP INDEX ix_line_code ON claim_line;
DROP INDEX ix_remit_pcn ON remittance;
