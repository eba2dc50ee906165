-- Dispute cases: the aggregate, its disputed lines, events, documents, deadlines, shares,
-- and imported CMS IDR public-use-file rows for offer suggestions.

CREATE TABLE dispute_case (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_number VARCHAR(30) NOT NULL,
    practice_id BIGINT NOT NULL,
    payer_id BIGINT,
    track VARCHAR(30) NOT NULL,
    stage VARCHAR(40) NOT NULL,
    batched BOOLEAN NOT NULL DEFAULT FALSE,
    assignee VARCHAR(100),
    primary_code VARCHAR(10),
    service_region VARCHAR(10),
    initial_payment_date DATE,
    billed DECIMAL(12,2) NOT NULL DEFAULT 0,
    initial_paid DECIMAL(12,2) NOT NULL DEFAULT 0,
    cost_sharing DECIMAL(12,2) NOT NULL DEFAULT 0,
    expected DECIMAL(12,2),
    qpa DECIMAL(12,2),
    provider_offer DECIMAL(12,2),
    payer_offer DECIMAL(12,2),
    determination DECIMAL(12,2),
    outcome VARCHAR(20),
    payments_received DECIMAL(12,2) NOT NULL DEFAULT 0,
    fees_paid DECIMAL(12,2) NOT NULL DEFAULT 0,
    fee_refunds_received DECIMAL(12,2) NOT NULL DEFAULT 0,
    settlement_amount DECIMAL(12,2),
    first_payment_after_award DATE,
    closed_on DATE,
    next_deadline_date DATE,
    next_deadline_key VARCHAR(60),
    eligibility TEXT,
    track_reasons TEXT,
    version BIGINT NOT NULL DEFAULT 0,
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL,
    CONSTRAINT fk_case_practice FOREIGN KEY (practice_id) REFERENCES practice (id),
    CONSTRAINT fk_case_payer FOREIGN KEY (payer_id) REFERENCES payer (id)
);
CREATE UNIQUE INDEX uq_case_number ON dispute_case (case_number);
CREATE INDEX ix_case_queue ON dispute_case (stage, next_deadline_date);
CREATE INDEX ix_case_assignee ON dispute_case (assignee);

CREATE TABLE case_line (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id BIGINT NOT NULL,
    claim_id BIGINT NOT NULL,
    claim_line_id BIGINT NOT NULL,
    procedure_code VARCHAR(10) NOT NULL,
    service_date DATE,
    billed DECIMAL(12,2) NOT NULL,
    allowed DECIMAL(12,2),
    paid DECIMAL(12,2) NOT NULL,
    cost_sharing DECIMAL(12,2) NOT NULL DEFAULT 0,
    expected DECIMAL(12,2),
    CONSTRAINT fk_cline_case FOREIGN KEY (case_id) REFERENCES dispute_case (id),
    CONSTRAINT fk_cline_claim FOREIGN KEY (claim_id) REFERENCES claim (id),
    CONSTRAINT fk_cline_line FOREIGN KEY (claim_line_id) REFERENCES claim_line (id)
);
CREATE INDEX ix_cline_case ON case_line (case_id);
CREATE INDEX ix_cline_line ON case_line (claim_line_id);

CREATE TABLE case_event (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id BIGINT NOT NULL,
    type VARCHAR(40) NOT NULL,
    event_date DATE NOT NULL,
    amount DECIMAL(12,2),
    fee_kind VARCHAR(20),
    outcome VARCHAR(20),
    note VARCHAR(2000),
    actor VARCHAR(100) NOT NULL,
    stage_before VARCHAR(40),
    stage_after VARCHAR(40),
    created_at DATETIME NOT NULL,
    CONSTRAINT fk_cevent_case FOREIGN KEY (case_id) REFERENCES dispute_case (id)
);
CREATE INDEX ix_cevent_case ON case_event (case_id, id);

CREATE TABLE case_document (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id BIGINT NOT NULL,
    event_id BIGINT,
    kind VARCHAR(40) NOT NULL,
    title VARCHAR(200) NOT NULL,
    file_name VARCHAR(255) NOT NULL,
    content_type VARCHAR(100) NOT NULL,
    sha256 CHAR(64) NOT NULL,
    size_bytes BIGINT NOT NULL,
    content LONGBLOB NOT NULL,
    uploaded_by VARCHAR(100) NOT NULL,
    created_at DATETIME NOT NULL,
    CONSTRAINT fk_cdoc_case FOREIGN KEY (case_id) REFERENCES dispute_case (id)
);
CREATE INDEX ix_cdoc_case ON case_document (case_id);

CREATE TABLE case_deadline (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id BIGINT NOT NULL,
    deadline_key VARCHAR(60) NOT NULL,
    due_date DATE NOT NULL,
    day_type VARCHAR(10) NOT NULL,
    day_count INT NOT NULL,
    from_key VARCHAR(60) NOT NULL,
    from_date DATE NOT NULL,
    citation VARCHAR(1000),
    rule_version VARCHAR(100),
    alternatives VARCHAR(1000),
    met BOOLEAN NOT NULL DEFAULT FALSE,
    CONSTRAINT fk_cdl_case FOREIGN KEY (case_id) REFERENCES dispute_case (id)
);
CREATE INDEX ix_cdl_case ON case_deadline (case_id);
CREATE INDEX ix_cdl_due ON case_deadline (met, due_date);

CREATE TABLE case_share (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id BIGINT NOT NULL,
    username VARCHAR(100) NOT NULL,
    shared_by VARCHAR(100) NOT NULL,
    created_at DATETIME NOT NULL,
    CONSTRAINT fk_cshare_case FOREIGN KEY (case_id) REFERENCES dispute_case (id)
);
CREATE UNIQUE INDEX uq_cshare ON case_share (case_id, username);
CREATE INDEX ix_cshare_user ON case_share (username);

-- Rows of the CMS Federal IDR public use file (offer-amount sheet), for offer suggestions.
CREATE TABLE idr_puf_row (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    source_file VARCHAR(255) NOT NULL,
    service_code VARCHAR(10) NOT NULL,
    region VARCHAR(60),
    place_of_service VARCHAR(4),
    initiating_party VARCHAR(40),
    default_decision VARCHAR(10),
    offer_selected VARCHAR(40),
    qpa DECIMAL(12,2),
    provider_offer DECIMAL(12,2),
    payer_offer DECIMAL(12,2),
    prevailing_offer DECIMAL(12,2)
);
CREATE INDEX ix_puf_code ON idr_puf_row (service_code, region);
