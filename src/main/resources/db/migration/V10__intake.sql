-- Intake (issue 3): what the claim model of V1 needs to import 835/837P/CSV exactly and idempotently.

-- A reversal (CLP status 22) and the original it takes back are both flagged cancelled; a claim's
-- paid amount is the net of its remittances that are not.
ALTER TABLE remittance ADD COLUMN cancelled BOOLEAN NOT NULL DEFAULT FALSE;

-- TRUE once an 837P (or a CSV claims export) described the claim: billed data then wins over what
-- remittances say (charge, lines, units), whichever file arrived first.
ALTER TABLE claim ADD COLUMN billed BOOLEAN NOT NULL DEFAULT FALSE;

-- One row per SVC loop of a remittance, so that line paid/allowed can be re-derived (reversals,
-- a remittance that arrived before its claim) without re-reading the file.
CREATE TABLE remittance_line (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    remittance_id BIGINT NOT NULL,
    claim_id BIGINT NOT NULL,
    claim_line_id BIGINT,
    seq INT NOT NULL,
    procedure_code VARCHAR(10) NOT NULL,
    modifiers VARCHAR(20),
    charge DECIMAL(12,2),
    paid DECIMAL(12,2),
    allowed DECIMAL(12,2),
    units DECIMAL(9,3),
    service_date DATE,
    CONSTRAINT fk_rline_remit FOREIGN KEY (remittance_id) REFERENCES remittance (id),
    CONSTRAINT fk_rline_claim FOREIGN KEY (claim_id) REFERENCES claim (id),
    CONSTRAINT fk_rline_line FOREIGN KEY (claim_line_id) REFERENCES claim_line (id)
);
CREATE INDEX ix_rline_claim ON remittance_line (claim_id);
CREATE INDEX ix_rline_remit ON remittance_line (remittance_id);

-- Adjustments and remark codes of cancelled remittances leave the claim's current picture
-- (adjustment / remark_code) but are kept here.
CREATE TABLE cancelled_remittance_detail (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    remittance_id BIGINT NOT NULL,
    claim_id BIGINT NOT NULL,
    claim_line_id BIGINT,
    kind VARCHAR(12) NOT NULL,
    group_code VARCHAR(2),
    code VARCHAR(10) NOT NULL,
    amount DECIMAL(12,2),
    quantity DECIMAL(9,3),
    source VARCHAR(10)
);
CREATE INDEX ix_cancelled_remit ON cancelled_remittance_detail (remittance_id);

CREATE INDEX ix_remit_import ON remittance (import_id);
CREATE INDEX ix_adj_remit ON adjustment (remittance_id);
CREATE INDEX ix_rarc_remit ON remark_code (remittance_id);

-- Bytes read of a running import, written outside the import's transaction (see ImportService).
CREATE TABLE import_progress (
    import_id BIGINT PRIMARY KEY,
    processed BIGINT NOT NULL
);
