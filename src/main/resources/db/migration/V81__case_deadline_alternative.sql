-- The other readings of a case deadline as rows (issue 16): due date and the reading under which it applies, instead
-- of "date (reading); date (reading)" text in case_deadline.alternatives. Removed with their deadline.
CREATE TABLE case_deadline_alternative (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_deadline_id BIGINT NOT NULL,
    ordinal INT NOT NULL,
    due_date DATE,
    reading VARCHAR(1000) NOT NULL,
    CONSTRAINT fk_case_deadline_alternative FOREIGN KEY (case_deadline_id) REFERENCES case_deadline (id) ON DELETE CASCADE
);
CREATE INDEX ix_case_deadline_alternative ON case_deadline_alternative (case_deadline_id, ordinal);
