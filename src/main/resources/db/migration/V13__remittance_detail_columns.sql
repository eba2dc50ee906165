-- Intake performance (issue 3): a remittance's CAS adjustments and RARCs are kept on its own row
-- (io.arbiter.claims.RemittanceDetail) instead of one adjustment / remark_code row each; V14 moves
-- the existing rows, V15 drops their tables. MEDIUMTEXT: a CLP loop may carry hundreds of lines.
ALTER TABLE remittance ADD COLUMN adjustments MEDIUMTEXT;
ALTER TABLE remittance ADD COLUMN remark_codes MEDIUMTEXT;
-- A remittance not read from a file (keyed from a paper EOB, demo data) has no import.
ALTER TABLE remittance MODIFY COLUMN import_id BIGINT NULL;
