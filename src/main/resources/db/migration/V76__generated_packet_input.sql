-- What a stored packet was rendered from (SHA-256 of type, template version and case data), so that downloading the
-- same packet again serves the stored bytes instead of storing a copy (issue 23 item 9). NULL for packets stored
-- before: the next download stores one with its fingerprint.
ALTER TABLE generated_packet ADD COLUMN input_sha256 CHAR(64) NULL;
