-- Balancing warnings of an import about one claim (issue 22): the import keeps all its warnings (import_file.warnings);
-- these rows let the claim show its own with location and amounts. Same SQL subset as V1 (MariaDB and H2 MySQL mode).
CREATE TABLE claim_intake_warning (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    claim_id BIGINT NOT NULL,
    import_id BIGINT NOT NULL,
    kind VARCHAR(40) NOT NULL,
    location VARCHAR(200) NOT NULL,
    message VARCHAR(1000) NOT NULL,
    stated DECIMAL(12,2),
    computed DECIMAL(12,2),
    created_at DATETIME NOT NULL,
    CONSTRAINT fk_ciw_claim FOREIGN KEY (claim_id) REFERENCES claim (id),
    CONSTRAINT fk_ciw_import FOREIGN KEY (import_id) REFERENCES import_file (id)
);
CREATE INDEX ix_ciw_claim ON claim_intake_warning (claim_id);
CREATE INDEX ix_ciw_import ON claim_intake_warning (import_id);
