-- Pricing and findings: UCR benchmark sets, Medicare PFS relative values and GPCIs by release,
-- structured clinical documentation for scrubber rules, and the findings a scan produces.
-- Same SQL subset as V1 (MariaDB and H2 MySQL mode); money DECIMAL(12,2); RVUs/GPCIs DECIMAL(9,4).

-- One row per set, kind, code, modifier, geozip, percentile and effective period (benchmarks/README.md).
-- modifier is '' when absent so that the natural key is unique and re-imports are idempotent.
CREATE TABLE benchmark_rate (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    set_name VARCHAR(100) NOT NULL,
    kind VARCHAR(10) NOT NULL,
    procedure_code VARCHAR(10) NOT NULL,
    modifier VARCHAR(2) NOT NULL DEFAULT '',
    geozip CHAR(3) NOT NULL,
    percentile INT NOT NULL,
    amount DECIMAL(12,2) NOT NULL,
    effective_from DATE NOT NULL,
    effective_to DATE NOT NULL
);
CREATE UNIQUE INDEX uq_benchmark_key ON benchmark_rate (set_name, kind, percentile, procedure_code, modifier, geozip, effective_from);
CREATE INDEX ix_benchmark_lookup ON benchmark_rate (procedure_code, geozip, percentile);

-- A CMS PPRRVU release (e.g. RVU25D) and the dates of service it prices.
CREATE TABLE rvu_release (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    release_name VARCHAR(100) NOT NULL,
    effective_from DATE NOT NULL,
    effective_to DATE NOT NULL,
    conversion_factor DECIMAL(9,4),
    file_name VARCHAR(255),
    sha256 CHAR(64),
    row_count INT NOT NULL DEFAULT 0,
    imported_at DATETIME NOT NULL
);
CREATE UNIQUE INDEX uq_rvu_release ON rvu_release (release_name);

CREATE TABLE rvu_value (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    release_id BIGINT NOT NULL,
    hcpcs VARCHAR(10) NOT NULL,
    modifier VARCHAR(2) NOT NULL DEFAULT '',
    status_code VARCHAR(2),
    work_rvu DECIMAL(9,4) NOT NULL,
    non_fac_pe_rvu DECIMAL(9,4) NOT NULL,
    non_fac_na BOOLEAN NOT NULL DEFAULT FALSE,
    fac_pe_rvu DECIMAL(9,4) NOT NULL,
    fac_na BOOLEAN NOT NULL DEFAULT FALSE,
    mp_rvu DECIMAL(9,4) NOT NULL,
    pctc_ind VARCHAR(2),
    glob_days VARCHAR(3),
    mult_proc VARCHAR(2),
    bilat_surg VARCHAR(2),
    conv_factor DECIMAL(9,4),
    CONSTRAINT fk_rvu_release FOREIGN KEY (release_id) REFERENCES rvu_release (id)
);
CREATE UNIQUE INDEX uq_rvu_value ON rvu_value (release_id, hcpcs, modifier);

CREATE TABLE gpci_release (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    release_name VARCHAR(100) NOT NULL,
    effective_from DATE NOT NULL,
    effective_to DATE NOT NULL,
    file_name VARCHAR(255),
    sha256 CHAR(64),
    row_count INT NOT NULL DEFAULT 0,
    imported_at DATETIME NOT NULL
);
CREATE UNIQUE INDEX uq_gpci_release ON gpci_release (release_name);

CREATE TABLE gpci_value (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    release_id BIGINT NOT NULL,
    mac VARCHAR(10),
    state CHAR(2) NOT NULL,
    locality VARCHAR(4) NOT NULL,
    locality_name VARCHAR(100),
    work_gpci DECIMAL(9,4) NOT NULL,
    pe_gpci DECIMAL(9,4) NOT NULL,
    mp_gpci DECIMAL(9,4) NOT NULL,
    CONSTRAINT fk_gpci_release FOREIGN KEY (release_id) REFERENCES gpci_release (id)
);
CREATE UNIQUE INDEX uq_gpci_value ON gpci_value (release_id, state, locality);

-- Structured clinical facts the scrubber needs (relief after a block, SCS trial result, psych
-- evaluation). Entered by staff or by a documentation import; keyed to the patient and optionally a claim.
CREATE TABLE clinical_documentation (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    patient_id BIGINT,
    claim_id BIGINT,
    kind VARCHAR(30) NOT NULL,
    document_date DATE NOT NULL,
    region VARCHAR(20),
    relief_percent INT,
    result VARCHAR(30),
    note VARCHAR(500),
    created_at DATETIME NOT NULL,
    CONSTRAINT fk_cdoc_patient FOREIGN KEY (patient_id) REFERENCES patient (id),
    CONSTRAINT fk_cdoc_claim FOREIGN KEY (claim_id) REFERENCES claim (id)
);
CREATE INDEX ix_cdoc_patient ON clinical_documentation (patient_id, kind);
CREATE INDEX ix_cdoc_claim ON clinical_documentation (claim_id);

-- What a scan found. A rescan deletes and re-creates a claim's findings (idempotent).
CREATE TABLE finding (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    type VARCHAR(20) NOT NULL,
    claim_id BIGINT NOT NULL,
    line_id BIGINT,
    rule_id VARCHAR(40) NOT NULL,
    severity VARCHAR(10) NOT NULL,
    category VARCHAR(40),
    expected DECIMAL(12,2),
    allowed DECIMAL(12,2),
    paid DECIMAL(12,2),
    gap DECIMAL(12,2),
    basis VARCHAR(200),
    explanation TEXT NOT NULL,
    citation TEXT,
    created_at DATETIME NOT NULL,
    CONSTRAINT fk_finding_claim FOREIGN KEY (claim_id) REFERENCES claim (id)
);
CREATE INDEX ix_finding_claim ON finding (claim_id);
CREATE INDEX ix_finding_type_gap ON finding (type, gap);
