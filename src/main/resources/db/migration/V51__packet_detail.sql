-- Facts packets need that no claim or remittance carries (contact person, offer-brief arguments,
-- policy numbers, per-line offers and QPAs...), keyed like the packets' required fields.
-- Scope PRACTICE and PAYER hold defaults; CASE overrides them; LINE holds per-line values.
CREATE TABLE packet_detail (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    scope VARCHAR(10) NOT NULL,
    scope_id BIGINT NOT NULL,
    field_key VARCHAR(80) NOT NULL,
    field_value TEXT NOT NULL,
    updated_by VARCHAR(100) NOT NULL,
    updated_at DATETIME NOT NULL
);
CREATE UNIQUE INDEX uq_packet_detail ON packet_detail (scope, scope_id, field_key);
