-- The money an arbitrator reads per disputed line, typed (issue 16): QPA, the practice's offer, the workers' comp MAR
-- and the amount in dispute as DECIMAL(12,2), units as an integer. Before, these were packet_detail key/value text at
-- LINE scope, never validated (a QPA of "abc" was accepted) and read back with a silent fallback. One row per case
-- line that has terms; owned by the cases capability.
CREATE TABLE case_line_terms (
    case_line_id BIGINT PRIMARY KEY,
    qpa DECIMAL(12,2),
    offer DECIMAL(12,2),
    mar DECIMAL(12,2),
    mar_computation VARCHAR(2000),
    amount_in_dispute DECIMAL(12,2),
    units INT,
    description VARCHAR(500),
    version BIGINT NOT NULL,
    updated_by VARCHAR(100) NOT NULL,
    updated_at DATETIME NOT NULL,
    CONSTRAINT fk_case_line_terms_line FOREIGN KEY (case_line_id) REFERENCES case_line (id)
);

-- Line values V78 found in packet_detail that are not amounts (or units) as written: kept here, verbatim, for a person
-- to re-enter, instead of being guessed. Listed on the case's packet-details screen.
CREATE TABLE case_line_terms_rejected (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_line_id BIGINT NOT NULL,
    field_key VARCHAR(80) NOT NULL,
    field_value TEXT NOT NULL,
    reason VARCHAR(300) NOT NULL,
    CONSTRAINT fk_case_line_terms_rejected_line FOREIGN KEY (case_line_id) REFERENCES case_line (id)
);
CREATE INDEX ix_case_line_terms_rejected_line ON case_line_terms_rejected (case_line_id);
