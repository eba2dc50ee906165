-- Foundation schema: reference data, claims as imported, imports, users and the PHI audit log.
-- Kept to the SQL subset MariaDB/MySQL and H2 (MySQL mode) share; money is DECIMAL(12,2),
-- instants are UTC DATETIME (second precision: Connector/J drops fractions against MariaDB).

CREATE TABLE practice (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    name VARCHAR(200) NOT NULL,
    tin VARCHAR(20) NOT NULL,
    billing_npi VARCHAR(10) NOT NULL,
    address_line VARCHAR(200),
    city VARCHAR(100),
    state CHAR(2),
    zip VARCHAR(10),
    phone VARCHAR(30),
    bates_prefix VARCHAR(20) NOT NULL DEFAULT 'ARB',
    benchmark_set VARCHAR(100),
    benchmark_kind VARCHAR(20) NOT NULL DEFAULT 'BILLED',
    benchmark_percentile INT NOT NULL DEFAULT 80,
    version BIGINT NOT NULL DEFAULT 0,
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL
);
CREATE UNIQUE INDEX uq_practice_npi ON practice (billing_npi);

CREATE TABLE provider (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    practice_id BIGINT NOT NULL,
    rendering_npi VARCHAR(10) NOT NULL,
    name VARCHAR(200) NOT NULL,
    specialty VARCHAR(100),
    taxonomy_code VARCHAR(20),
    provider_type VARCHAR(30) NOT NULL DEFAULT 'INTERVENTIONAL',
    version BIGINT NOT NULL DEFAULT 0,
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL,
    CONSTRAINT fk_provider_practice FOREIGN KEY (practice_id) REFERENCES practice (id)
);
CREATE UNIQUE INDEX uq_provider_npi ON provider (rendering_npi);

CREATE TABLE payer (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    name VARCHAR(200) NOT NULL,
    payer_code VARCHAR(80) NOT NULL,
    legal_entity VARCHAR(200),
    bilateral_format VARCHAR(20) NOT NULL DEFAULT 'MODIFIER_50',
    appeal_window_days INT,
    version BIGINT NOT NULL DEFAULT 0,
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL
);
CREATE UNIQUE INDEX uq_payer_code ON payer (payer_code);

CREATE TABLE plan (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    payer_id BIGINT NOT NULL,
    name VARCHAR(200) NOT NULL,
    plan_type VARCHAR(30) NOT NULL,
    regulator_state CHAR(2),
    network_status VARCHAR(20) NOT NULL DEFAULT 'OUT_OF_NETWORK',
    version BIGINT NOT NULL DEFAULT 0,
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL,
    CONSTRAINT fk_plan_payer FOREIGN KEY (payer_id) REFERENCES payer (id)
);
CREATE INDEX ix_plan_payer ON plan (payer_id);

CREATE TABLE patient (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    practice_id BIGINT NOT NULL,
    last_name VARCHAR(100) NOT NULL,
    first_name VARCHAR(100),
    birth_date DATE,
    member_id VARCHAR(80),
    version BIGINT NOT NULL DEFAULT 0,
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL,
    CONSTRAINT fk_patient_practice FOREIGN KEY (practice_id) REFERENCES practice (id)
);
CREATE INDEX ix_patient_member ON patient (member_id);

CREATE TABLE import_file (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    file_name VARCHAR(255) NOT NULL,
    sha256 CHAR(64) NOT NULL,
    format VARCHAR(20),
    status VARCHAR(20) NOT NULL,
    transactions INT NOT NULL DEFAULT 0,
    claims INT NOT NULL DEFAULT 0,
    service_lines INT NOT NULL DEFAULT 0,
    adjustments INT NOT NULL DEFAULT 0,
    processed BIGINT NOT NULL DEFAULT 0,
    total BIGINT NOT NULL DEFAULT 0,
    errors TEXT,
    warnings TEXT,
    imported_by VARCHAR(100),
    started_at DATETIME NOT NULL,
    finished_at DATETIME,
    version BIGINT NOT NULL DEFAULT 0,
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL
);
CREATE INDEX ix_import_sha ON import_file (sha256);

CREATE TABLE claim (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    practice_id BIGINT NOT NULL,
    patient_id BIGINT,
    payer_id BIGINT,
    plan_id BIGINT,
    patient_control_number VARCHAR(38) NOT NULL,
    payer_claim_control_number VARCHAR(50),
    claim_status_code VARCHAR(4),
    frequency_code VARCHAR(2),
    service_date_from DATE,
    service_date_to DATE,
    place_of_service VARCHAR(4),
    facility_network_status VARCHAR(20),
    facility_name VARCHAR(200),
    facility_npi VARCHAR(10),
    service_zip VARCHAR(10),
    service_state CHAR(2),
    rendering_npi VARCHAR(10),
    billing_npi VARCHAR(10),
    diagnosis_codes VARCHAR(400),
    emergency BOOLEAN NOT NULL DEFAULT FALSE,
    notice_consent_on_file BOOLEAN NOT NULL DEFAULT FALSE,
    total_charge DECIMAL(12,2) NOT NULL DEFAULT 0,
    total_paid DECIMAL(12,2) NOT NULL DEFAULT 0,
    patient_responsibility DECIMAL(12,2) NOT NULL DEFAULT 0,
    qpa DECIMAL(12,2),
    payment_date DATE,
    payment_trace VARCHAR(60),
    claim_import_id BIGINT,
    version BIGINT NOT NULL DEFAULT 0,
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL,
    CONSTRAINT fk_claim_practice FOREIGN KEY (practice_id) REFERENCES practice (id),
    CONSTRAINT fk_claim_patient FOREIGN KEY (patient_id) REFERENCES patient (id),
    CONSTRAINT fk_claim_payer FOREIGN KEY (payer_id) REFERENCES payer (id),
    CONSTRAINT fk_claim_plan FOREIGN KEY (plan_id) REFERENCES plan (id)
);
CREATE UNIQUE INDEX uq_claim_pcn ON claim (practice_id, patient_control_number);
CREATE INDEX ix_claim_payer_ccn ON claim (payer_claim_control_number);
CREATE INDEX ix_claim_payer ON claim (payer_id);

-- One row per CLP loop received: originals, reversals (status 22) and corrections are kept
-- side by side so that a claim's paid amount is the net of its remittances, never a sum of re-sends.
CREATE TABLE remittance (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    claim_id BIGINT,
    import_id BIGINT NOT NULL,
    patient_control_number VARCHAR(38) NOT NULL,
    payer_claim_control_number VARCHAR(50),
    payer_id BIGINT,
    claim_status_code VARCHAR(4) NOT NULL,
    total_charge DECIMAL(12,2) NOT NULL,
    total_paid DECIMAL(12,2) NOT NULL,
    patient_responsibility DECIMAL(12,2),
    facility_code VARCHAR(4),
    payment_date DATE,
    payment_trace VARCHAR(60),
    reversal BOOLEAN NOT NULL DEFAULT FALSE,
    created_at DATETIME NOT NULL,
    CONSTRAINT fk_remit_claim FOREIGN KEY (claim_id) REFERENCES claim (id),
    CONSTRAINT fk_remit_import FOREIGN KEY (import_id) REFERENCES import_file (id)
);
CREATE INDEX ix_remit_claim ON remittance (claim_id);
CREATE INDEX ix_remit_pcn ON remittance (patient_control_number);
CREATE INDEX ix_remit_trace ON remittance (payer_claim_control_number, payment_trace);

CREATE TABLE claim_line (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    claim_id BIGINT NOT NULL,
    line_number INT NOT NULL,
    procedure_code VARCHAR(10) NOT NULL,
    modifier1 VARCHAR(2),
    modifier2 VARCHAR(2),
    modifier3 VARCHAR(2),
    modifier4 VARCHAR(2),
    units DECIMAL(9,3) NOT NULL DEFAULT 1,
    charge DECIMAL(12,2) NOT NULL DEFAULT 0,
    allowed DECIMAL(12,2),
    paid DECIMAL(12,2) NOT NULL DEFAULT 0,
    service_date DATE,
    version BIGINT NOT NULL DEFAULT 0,
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL,
    CONSTRAINT fk_line_claim FOREIGN KEY (claim_id) REFERENCES claim (id)
);
CREATE INDEX ix_line_claim ON claim_line (claim_id);
CREATE INDEX ix_line_code ON claim_line (procedure_code);

CREATE TABLE adjustment (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    claim_id BIGINT NOT NULL,
    claim_line_id BIGINT,
    remittance_id BIGINT,
    group_code VARCHAR(2) NOT NULL,
    reason_code VARCHAR(5) NOT NULL,
    amount DECIMAL(12,2) NOT NULL,
    quantity DECIMAL(9,3),
    CONSTRAINT fk_adj_claim FOREIGN KEY (claim_id) REFERENCES claim (id),
    CONSTRAINT fk_adj_line FOREIGN KEY (claim_line_id) REFERENCES claim_line (id)
);
CREATE INDEX ix_adj_claim ON adjustment (claim_id);
CREATE INDEX ix_adj_line ON adjustment (claim_line_id);

CREATE TABLE remark_code (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    claim_id BIGINT NOT NULL,
    claim_line_id BIGINT,
    remittance_id BIGINT,
    code VARCHAR(10) NOT NULL,
    source VARCHAR(10) NOT NULL,
    CONSTRAINT fk_rarc_claim FOREIGN KEY (claim_id) REFERENCES claim (id),
    CONSTRAINT fk_rarc_line FOREIGN KEY (claim_line_id) REFERENCES claim_line (id)
);
CREATE INDEX ix_rarc_claim ON remark_code (claim_id);
CREATE INDEX ix_rarc_code ON remark_code (code);

CREATE TABLE app_user (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    username VARCHAR(100) NOT NULL,
    display_name VARCHAR(200),
    password_hash VARCHAR(100) NOT NULL,
    roles VARCHAR(200) NOT NULL,
    enabled BOOLEAN NOT NULL DEFAULT TRUE,
    calendar_token VARCHAR(64),
    version BIGINT NOT NULL DEFAULT 0,
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL
);
CREATE UNIQUE INDEX uq_user_name ON app_user (username);
CREATE UNIQUE INDEX uq_user_calendar ON app_user (calendar_token);

-- Who viewed, changed or downloaded which record containing PHI, and when. Append-only.
CREATE TABLE audit_event (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    occurred_at DATETIME NOT NULL,
    username VARCHAR(100) NOT NULL,
    action VARCHAR(20) NOT NULL,
    entity_type VARCHAR(40) NOT NULL,
    entity_id VARCHAR(60),
    detail VARCHAR(500),
    client_address VARCHAR(64)
);
CREATE INDEX ix_audit_entity ON audit_event (entity_type, entity_id);
CREATE INDEX ix_audit_user ON audit_event (username, occurred_at);
