-- Generated case packets: the exact PDF bytes handed out, with their SHA-256 and the template version
-- they came from, so a download can be proven identical to what was filed. LONGBLOB: packets with
-- scanned exhibits exceed BLOB's 64 KB (H2's MySQL mode accepts LONGBLOB as BLOB).
CREATE TABLE generated_packet (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id BIGINT NOT NULL,
    packet_type VARCHAR(40) NOT NULL,
    sha256 CHAR(64) NOT NULL,
    template_version VARCHAR(64) NOT NULL,
    page_count INT NOT NULL,
    byte_size BIGINT NOT NULL,
    generated_at DATETIME NOT NULL,
    generated_by VARCHAR(100) NOT NULL,
    content LONGBLOB NOT NULL
);
CREATE INDEX ix_generated_packet_case ON generated_packet (case_id, packet_type, id);
