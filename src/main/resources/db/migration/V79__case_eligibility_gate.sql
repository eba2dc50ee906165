-- A case's eligibility screen as rows (issue 16): one row per gate with its outcome, reason and citation, instead of
-- "status|name|reason|citation" lines in dispute_case.eligibility that were parsed back by the case view and packets.
CREATE TABLE case_eligibility_gate (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id BIGINT NOT NULL,
    ordinal INT NOT NULL,
    name VARCHAR(120) NOT NULL,
    status VARCHAR(10) NOT NULL,
    reason VARCHAR(2000) NOT NULL,
    citation VARCHAR(1000),
    CONSTRAINT fk_case_eligibility_gate_case FOREIGN KEY (case_id) REFERENCES dispute_case (id)
);
CREATE UNIQUE INDEX uq_case_eligibility_gate ON case_eligibility_gate (case_id, ordinal);
