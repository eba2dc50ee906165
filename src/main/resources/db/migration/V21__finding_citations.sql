-- Findings store their citation by reference: one row per distinct citation text (a scan of a million
-- lines cites a few dozen texts), so the finding row stays small. GET /api/v1/findings joins the text back.
CREATE TABLE finding_citation (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    text_hash CHAR(64) NOT NULL,
    citation TEXT NOT NULL
);
CREATE UNIQUE INDEX uq_finding_citation ON finding_citation (text_hash);

ALTER TABLE finding ADD COLUMN citation_id BIGINT;

