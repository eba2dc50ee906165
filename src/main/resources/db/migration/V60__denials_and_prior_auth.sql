-- Denial records (one per denied or reduced claim line), their appeal evidence checklist, prior
-- authorizations with their status timeline. Same SQL subset as V1 (MariaDB and H2 MySQL mode).

CREATE TABLE denial (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    claim_id BIGINT NOT NULL,
    claim_line_id BIGINT NOT NULL,
    practice_id BIGINT NOT NULL,
    payer_id BIGINT,
    plan_type VARCHAR(30),
    procedure_code VARCHAR(10) NOT NULL,
    service_date DATE,
    group_code VARCHAR(2) NOT NULL,
    carc VARCHAR(5) NOT NULL,
    rarc VARCHAR(10),
    category VARCHAR(30) NOT NULL,
    kind VARCHAR(10) NOT NULL,
    work_type VARCHAR(20) NOT NULL,
    appealable BOOLEAN NOT NULL,
    charge DECIMAL(12,2) NOT NULL,
    paid DECIMAL(12,2) NOT NULL,
    denied_amount DECIMAL(12,2) NOT NULL,
    recoverable_estimate DECIMAL(12,2) NOT NULL,
    denial_date DATE,
    appeal_due DATE,
    appeal_basis VARCHAR(500),
    owner VARCHAR(100),
    routing_rule VARCHAR(60),
    status VARCHAR(20) NOT NULL,
    recovered_amount DECIMAL(12,2) NOT NULL DEFAULT 0,
    version BIGINT NOT NULL DEFAULT 0,
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL,
    CONSTRAINT fk_denial_claim FOREIGN KEY (claim_id) REFERENCES claim (id),
    CONSTRAINT fk_denial_line FOREIGN KEY (claim_line_id) REFERENCES claim_line (id)
);
CREATE UNIQUE INDEX uq_denial_line ON denial (claim_line_id);
CREATE INDEX ix_denial_owner_due ON denial (owner, appeal_due);
CREATE INDEX ix_denial_category ON denial (category, status);

-- The playbook's evidence checklist for a denial; an item is attached by referencing an uploaded case document.
CREATE TABLE denial_evidence (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    denial_id BIGINT NOT NULL,
    item_index INT NOT NULL,
    description VARCHAR(500) NOT NULL,
    required BOOLEAN NOT NULL,
    attached BOOLEAN NOT NULL DEFAULT FALSE,
    document_id BIGINT,
    document_title VARCHAR(200),
    attached_by VARCHAR(100),
    attached_at DATETIME,
    CONSTRAINT fk_devidence_denial FOREIGN KEY (denial_id) REFERENCES denial (id)
);
CREATE UNIQUE INDEX uq_devidence_item ON denial_evidence (denial_id, item_index);

CREATE TABLE prior_auth (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    practice_id BIGINT NOT NULL,
    patient_id BIGINT,
    payer_id BIGINT NOT NULL,
    plan_type VARCHAR(30),
    family VARCHAR(30) NOT NULL,
    auth_number VARCHAR(60),
    status VARCHAR(20) NOT NULL,
    requested_date DATE NOT NULL,
    decision_date DATE,
    valid_from DATE,
    valid_to DATE,
    approved_codes VARCHAR(200),
    approved_levels INT,
    laterality VARCHAR(10),
    approved_units INT,
    expedited BOOLEAN NOT NULL DEFAULT FALSE,
    requirement_key VARCHAR(60),
    note VARCHAR(500),
    version BIGINT NOT NULL DEFAULT 0,
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL,
    CONSTRAINT fk_pauth_payer FOREIGN KEY (payer_id) REFERENCES payer (id),
    CONSTRAINT fk_pauth_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
);
CREATE INDEX ix_pauth_patient ON prior_auth (patient_id, payer_id);

-- Status timeline from submission to decision (ordered by id: Connector/J drops fractional seconds).
CREATE TABLE prior_auth_event (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    prior_auth_id BIGINT NOT NULL,
    status VARCHAR(20) NOT NULL,
    event_date DATE NOT NULL,
    note VARCHAR(500),
    recorded_by VARCHAR(100) NOT NULL,
    created_at DATETIME NOT NULL,
    CONSTRAINT fk_pauthev_auth FOREIGN KEY (prior_auth_id) REFERENCES prior_auth (id)
);
CREATE INDEX ix_pauthev_auth ON prior_auth_event (prior_auth_id);
