-- Issue 18, measured at scale (WorkQueueLoadBenchmark, docs/performance.md): the work queue reads each page in index
-- order instead of sorting every matching case per page, and the case page's offer evidence is one index range.
-- The queue's order is (next deadline, id) with cases without a deadline last; each half is read on its own, in order:
--   no filter: ix_case_due (the id is the key's implicit tail on InnoDB);
--   a stage: ix_case_queue (V40, stage + next deadline);
--   an assignee (with the open stages or one stage, a due date): ix_case_assignee_queue, in date order with the stage
--   read off the index; it also serves every lookup by assignee alone, so it replaces ix_case_assignee.
CREATE INDEX ix_case_due ON dispute_case (next_deadline_date);
CREATE INDEX ix_case_assignee_queue ON dispute_case (assignee, next_deadline_date, stage);
DROP INDEX ix_case_assignee ON dispute_case;
-- Offer suggestions (cases.OfferSuggester): decided single-line cases with the same code, payer and region.
CREATE INDEX ix_case_offer_sample ON dispute_case (primary_code, payer_id, service_region);
