-- Issue 18: the claims search by payer and status (GET /api/v1/claims?payer=&status=) reads a payer's claims of one
-- status in id order, and counts them, on this index alone. It replaces ix_claim_payer (its first column serves the
-- payer foreign key and every lookup by payer), so an import writes no more index entries than before.
CREATE INDEX ix_claim_payer_status ON claim (payer_id, claim_status_code);
DROP INDEX ix_claim_payer ON claim;
