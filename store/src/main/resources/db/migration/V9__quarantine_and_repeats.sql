-- Updates the bot cannot read are kept, not dropped: status QUARANTINED with the reason in `error`, so that one
-- unreadable update never holds up the ones after it and staff can see what arrived. SQLite cannot change a CHECK
-- constraint in place, so the inbox is rebuilt with its rows.
CREATE TABLE inbox_new (
    update_id    INTEGER PRIMARY KEY,
    chat_key     INTEGER NOT NULL,
    kind         TEXT NOT NULL,
    payload      TEXT NOT NULL,
    received_at  INTEGER NOT NULL,
    status       TEXT NOT NULL DEFAULT 'PENDING'
                 CHECK (status IN ('PENDING', 'DONE', 'FAILED', 'QUARANTINED')),
    processed_at INTEGER,
    outcome      TEXT,
    error        TEXT
);
INSERT INTO inbox_new (update_id, chat_key, kind, payload, received_at, status, processed_at, outcome)
    SELECT update_id, chat_key, kind, payload, received_at, status, processed_at, outcome FROM inbox;
DROP TABLE inbox;
ALTER TABLE inbox_new RENAME TO inbox;
CREATE INDEX inbox_pending ON inbox (status, update_id);
CREATE INDEX inbox_received ON inbox (received_at);

-- A message whose Bot API call was under way when the bot died is sent again at the next start (nothing is lost);
-- it may have arrived the first time, so it is marked: reports say how many people may have it twice.
ALTER TABLE outbox ADD COLUMN resent_after_crash INTEGER NOT NULL DEFAULT 0;

-- A newsletter's deliveries are queued in short chunks, so that starting one for 10,000 people never holds the
-- database's writer for long: the member id up to which they are queued, NULL once all are (and for older rows).
ALTER TABLE newsletters ADD COLUMN queued_until INTEGER;
