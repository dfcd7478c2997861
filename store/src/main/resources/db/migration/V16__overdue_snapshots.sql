-- The dashboard's "overdue over time": of each day's actions at a traffic light, how many had a milestone past its
-- due date and not done (complete actions are never overdue). Days recorded before this count none.
ALTER TABLE progress_snapshots ADD COLUMN overdue INTEGER NOT NULL DEFAULT 0;
