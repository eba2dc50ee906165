-- Issue 18, the filtered work queue measured at 100,000 cases (docs/performance-queue.md): V94's
-- ix_case_assignee_queue = (assignee, next deadline, stage) does not hold a specialist's cases in the queue's order
-- (next deadline, id) — within a day they run by stage — so MariaDB read them through ix_case_due instead, looking
-- up about twelve cases for each one on the page. Two indexes that do hold the order (InnoDB keeps the id as every
-- key's tail):
--   a specialist's open cases, or all of them, by next deadline: (assignee, next deadline);
--   a specialist's cases at one stage, by next deadline: (assignee, stage, next deadline) — which also counts the
--   open stages from the index alone, as the index it replaces did.
CREATE INDEX ix_case_assignee_due ON dispute_case (assignee, next_deadline_date);
CREATE INDEX ix_case_assignee_stage ON dispute_case (assignee, stage, next_deadline_date);
DROP INDEX ix_case_assignee_queue ON dispute_case;
