-- The durable outbox: one row per message to one recipient (a reminder, a newsletter delivery). A unique dedupe
-- key makes enqueueing twice harmless; a row is SENDING while its call is made and SENT (with Telegram's message
-- id) after, so that a crash loses nothing and a restart repeats nothing.
CREATE TABLE outbox (
    id                  INTEGER PRIMARY KEY,
    dedupe_key          TEXT NOT NULL UNIQUE,
    lane                TEXT NOT NULL CHECK (lane IN ('REMINDER', 'BROADCAST')),
    kind                TEXT NOT NULL,
    ref_id              INTEGER,
    chat_id             INTEGER NOT NULL,
    payload             TEXT NOT NULL,
    status              TEXT NOT NULL DEFAULT 'PENDING'
                        CHECK (status IN ('PENDING', 'HELD', 'SENDING', 'SENT', 'FAILED', 'BLOCKED', 'DEAD',
                                          'CANCELLED', 'UNCERTAIN')),
    attempts            INTEGER NOT NULL DEFAULT 0,
    not_before          INTEGER NOT NULL,
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL,
    sent_at             INTEGER,
    telegram_message_id INTEGER,
    error               TEXT
);
CREATE INDEX outbox_due ON outbox (status, lane, not_before, id);
CREATE INDEX outbox_ref ON outbox (kind, ref_id, status);
CREATE INDEX outbox_chat ON outbox (chat_id);

-- People the bot cannot write to any more (they blocked it, or deleted their account): not counted as reachable.
ALTER TABLE members ADD COLUMN unreachable_at INTEGER;
