-- A newsletter's delivered count, kept when its delivery rows are pruned (retention.deliveredMessages).
ALTER TABLE newsletters ADD COLUMN delivered INTEGER;

-- Answers and notes of a lead who asked to be forgotten stay in the plan's history, shown as by "a former lead".
ALTER TABLE progress_updates ADD COLUMN former_lead INTEGER NOT NULL DEFAULT 0;
