-- Several instances on one database (issue 18).
-- cluster_lock: named rows that an instance locks (SELECT ... FOR UPDATE) for as long as a piece of work that must
-- not run twice at once is under way; start-up seeding (first administrator, demo data) holds 'startup', so the
-- instance that comes second waits and then finds the data there. A lock held by a dead instance is released by the
-- database when its connection ends.
CREATE TABLE cluster_lock (
    name VARCHAR(60) NOT NULL PRIMARY KEY
);
INSERT INTO cluster_lock (name) VALUES ('startup');

-- scheduled_run: one row per scheduled job and period (e.g. the overdue check of 2026-12-03); the instance that
-- inserts it runs the job, every other instance skips that period.
CREATE TABLE scheduled_run (
    job VARCHAR(60) NOT NULL,
    period VARCHAR(40) NOT NULL,
    instance_name VARCHAR(100) NOT NULL,
    started_at DATETIME NOT NULL,
    PRIMARY KEY (job, period)
);
