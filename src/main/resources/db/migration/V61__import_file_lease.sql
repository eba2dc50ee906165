-- One import per file, guaranteed by the database (issues 15 and 23): the row for a file's SHA-256 is inserted in
-- the same transaction as its import record, so of two concurrent uploads of the same bytes exactly one gets it,
-- on any instance. A COMPLETED import keeps its lease (the file is a duplicate from then on); a REJECTED one gives
-- it back. A RUNNING import renews heartbeat_at; a lease not renewed for arbiter.intake.stale-after-seconds
-- belongs to an instance that died and is taken over (its import is marked REJECTED: one transaction, nothing kept).
CREATE TABLE import_file_lease (
    sha256 CHAR(64) NOT NULL PRIMARY KEY,
    import_id BIGINT NOT NULL,
    heartbeat_at DATETIME NOT NULL,
    CONSTRAINT fk_import_file_lease_import FOREIGN KEY (import_id) REFERENCES import_file (id)
);

-- Files imported before this version: the earliest COMPLETED or RUNNING import of each hash holds its lease.
INSERT INTO import_file_lease (sha256, import_id, heartbeat_at)
SELECT f.sha256, MIN(f.id), MIN(f.updated_at) FROM import_file f
WHERE f.status IN ('COMPLETED', 'RUNNING')
GROUP BY f.sha256;
