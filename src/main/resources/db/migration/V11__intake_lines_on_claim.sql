-- Intake performance (issue 3): a remittance that created its claim on its own (one CLP, no
-- reversal) has exactly the claim's lines as its service lines, so its remittance_line rows would
-- duplicate claim_line. Such a remittance is flagged instead; its remittance_line rows are copied
-- from claim_line (IntakeWriter.materialize) before anything else changes that claim.
ALTER TABLE remittance ADD COLUMN lines_on_claim BOOLEAN NOT NULL DEFAULT FALSE;
