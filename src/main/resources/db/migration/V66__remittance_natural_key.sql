-- A remittance is stored once, whichever file or instance brings it (issue 23 item 1). Its natural key is what the
-- payer sends to identify one adjudication in one payment: the payer claim control number (CLP07), the payment's
-- trace number (TRN02) and the claim status (CLP02), so a reversal (22) and its correction (1) in one check are two.
-- The key lives in its own table, inserted in the import's transaction: two imports storing the same remittance at
-- once cannot both commit (the second waits on the first's row, then fails, rolls back and retries — and then skips
-- it as already imported). Keyed-in remittances without a control number or trace have no natural key.
CREATE TABLE remittance_natural_key (
    payer_claim_control_number VARCHAR(50) NOT NULL,
    payment_trace VARCHAR(60) NOT NULL,
    claim_status_code VARCHAR(4) NOT NULL,
    remittance_id BIGINT NOT NULL,
    PRIMARY KEY (payer_claim_control_number, payment_trace, claim_status_code),
    CONSTRAINT fk_remittance_natural_key_remittance FOREIGN KEY (remittance_id) REFERENCES remittance (id)
);

-- Remittances stored before this version: the first stored copy of each key holds it.
INSERT INTO remittance_natural_key (payer_claim_control_number, payment_trace, claim_status_code, remittance_id)
SELECT r.payer_claim_control_number, r.payment_trace, r.claim_status_code, MIN(r.id) FROM remittance r
WHERE r.payer_claim_control_number IS NOT NULL AND r.payment_trace IS NOT NULL
GROUP BY r.payer_claim_control_number, r.payment_trace, r.claim_status_code;
