-- Sweeps that run every minute run once per minute across instances (issue 18). scheduled_run keeps a row per job
-- and period, right for a daily job but 3 rows a minute, forever, for the minute sweeps; here each such job has ONE
-- row, moved forward by the instance that takes the next run: an UPDATE ... WHERE started_at <= now - period changes
-- the row for one instance only, every other instance finds it taken and skips (cluster.ScheduledRuns.claimEvery).
CREATE TABLE scheduled_lease (
    job VARCHAR(60) NOT NULL PRIMARY KEY,
    instance_name VARCHAR(100) NOT NULL,
    started_at DATETIME NOT NULL
);
