-- An event's time and place can be changed after it is announced. Each change counts up the schedule's version; the
-- reminders and the online link carry it in their outbox keys, so that those of the new time are sent once each
-- even where one of the old time was sent already (the outbox refuses a key it has seen, for ever).
ALTER TABLE events ADD COLUMN schedule_version INTEGER NOT NULL DEFAULT 0;
