-- Issue 17: recoveries that reconcile themselves (docs/reconciliation.md).

-- Every payment received on a case, with where it came from: typed in (MANUAL, a paper check), matched from an 835
-- (REMITTANCE), or assigned by finance from the unmatched-payments queue (QUEUE). A manual payment a later 835 restates
-- is confirmed (confirmed_*) instead of counted twice.
CREATE TABLE case_payment (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id BIGINT NOT NULL,
    case_event_id BIGINT,
    source VARCHAR(12) NOT NULL,
    amount DECIMAL(12,2) NOT NULL,
    payment_date DATE NOT NULL,
    late BOOLEAN NOT NULL DEFAULT FALSE,
    import_id BIGINT,
    payer_claim_control_number VARCHAR(50),
    trace VARCHAR(60),
    confirmed_import_id BIGINT,
    confirmed_trace VARCHAR(60),
    confirmed_on DATE,
    recorded_by VARCHAR(100) NOT NULL,
    created_at DATETIME NOT NULL,
    CONSTRAINT fk_cpay_case FOREIGN KEY (case_id) REFERENCES dispute_case (id)
);
CREATE INDEX ix_cpay_case ON case_payment (case_id);

-- Payments recorded before this table existed were typed in.
INSERT INTO case_payment (case_id, case_event_id, source, amount, payment_date, late, recorded_by, created_at)
SELECT e.case_id, e.id, 'MANUAL', COALESCE(e.amount, 0), e.event_date, FALSE, e.actor, e.created_at
FROM case_event e WHERE e.type = 'PAYMENT_RECEIVED';

-- Provider-level adjustments (835 PLB) as received, one row per adjustment identifier/amount pair; stored in the
-- import's transaction. No foreign keys to intake's tables: intake tests empty those on their own.
CREATE TABLE provider_adjustment (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    import_id BIGINT NOT NULL,
    practice_id BIGINT,
    provider_identifier VARCHAR(50) NOT NULL,
    fiscal_period_date DATE,
    reason_code VARCHAR(4) NOT NULL,
    reference VARCHAR(60),
    amount DECIMAL(12,2) NOT NULL,
    payer_name VARCHAR(200),
    payment_date DATE,
    trace VARCHAR(60),
    natural_key VARCHAR(255) NOT NULL,
    created_at DATETIME NOT NULL
);
CREATE UNIQUE INDEX uq_padj_natural ON provider_adjustment (natural_key);

-- Which remittances (CLP loops) the reconciliation has accounted for: matched to a case or denial, sent to the queue,
-- or part of the history a case or denial started from. A remittance is accounted for once.
CREATE TABLE remittance_match (
    remittance_id BIGINT PRIMARY KEY,
    claim_id BIGINT NOT NULL,
    outcome VARCHAR(12) NOT NULL,
    case_id BIGINT,
    denial_id BIGINT,
    case_payment_id BIGINT,
    unmatched_payment_id BIGINT,
    amount DECIMAL(12,2) NOT NULL DEFAULT 0,
    created_at DATETIME NOT NULL
);
CREATE INDEX ix_rmatch_case ON remittance_match (case_id);
CREATE INDEX ix_rmatch_denial ON remittance_match (denial_id);
CREATE INDEX ix_rmatch_claim ON remittance_match (claim_id);

-- What the reconciliation could not match: finance assigns it to a case or a denial, or dismisses it.
CREATE TABLE unmatched_payment (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    practice_id BIGINT,
    reason VARCHAR(20) NOT NULL,
    amount DECIMAL(12,2) NOT NULL,
    payment_date DATE,
    claim_id BIGINT,
    case_id BIGINT,
    denial_id BIGINT,
    provider_adjustment_id BIGINT,
    import_id BIGINT,
    payer_claim_control_number VARCHAR(50),
    trace VARCHAR(60),
    detail VARCHAR(500) NOT NULL,
    status VARCHAR(12) NOT NULL,
    assigned_case_id BIGINT,
    assigned_denial_id BIGINT,
    resolved_by VARCHAR(100),
    resolved_at DATETIME,
    version BIGINT NOT NULL DEFAULT 0,
    created_at DATETIME NOT NULL
);
CREATE UNIQUE INDEX uq_unmatched_padj ON unmatched_payment (provider_adjustment_id);
CREATE INDEX ix_unmatched_status ON unmatched_payment (status, practice_id);
CREATE INDEX ix_unmatched_case ON unmatched_payment (case_id);

-- Every remittance stored before reconciliation existed is history a case or denial starts from, never new money.
INSERT INTO remittance_match (remittance_id, claim_id, outcome, created_at)
SELECT r.id, r.claim_id, 'BASELINE', r.created_at FROM remittance r WHERE r.claim_id IS NOT NULL;
