-- Background work that any instance may run (issue 18). A job names what it works on (kind + ref_id, e.g. an import
-- and its import_file id) and is claimed with SELECT ... FOR UPDATE SKIP LOCKED (MariaDB 10.6+, MySQL 8, H2 2.x), so of
-- several instances polling at once exactly one gets it. The claimer holds a lease (lease_owner = its instance name,
-- lease_until) that it renews while it works; a job whose lease ran out belongs to an instance that stopped and is
-- claimed again from the beginning, until attempts reaches max_attempts, when it is FAILED with last_error.
-- Rows stay after DONE or FAILED as the record of what ran where.
CREATE TABLE job (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    kind VARCHAR(40) NOT NULL,
    ref_id BIGINT NOT NULL,
    args VARCHAR(200),
    status VARCHAR(12) NOT NULL,
    attempts INT NOT NULL,
    max_attempts INT NOT NULL,
    lease_owner VARCHAR(100),
    lease_until DATETIME(3),
    last_error VARCHAR(1000),
    created_at DATETIME(3) NOT NULL,
    updated_at DATETIME(3) NOT NULL,
    finished_at DATETIME(3),
    CONSTRAINT uq_job_kind_ref UNIQUE (kind, ref_id)
);
CREATE INDEX ix_job_status ON job (status, lease_until);

-- The bytes a job works on (an uploaded file), in chunks of at most 1 MB: each chunk is its own INSERT, so no
-- statement comes near MariaDB's max_allowed_packet, and no instance's disk holds the only copy. Written in the
-- transaction that queues the job; deleted when the job ends.
CREATE TABLE job_chunk (
    job_id BIGINT NOT NULL,
    seq INT NOT NULL,
    content MEDIUMBLOB NOT NULL,
    PRIMARY KEY (job_id, seq),
    CONSTRAINT fk_job_chunk_job FOREIGN KEY (job_id) REFERENCES job (id) ON DELETE CASCADE
);
