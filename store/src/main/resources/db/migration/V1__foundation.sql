-- Foundation schema: reference data, members, the durable inbox of updates, conversations, audit log.
-- Instants are INTEGER milliseconds since the epoch, UTC. Never edit a released migration: add a new one.

CREATE TABLE membership_categories (
    code           TEXT PRIMARY KEY,
    name_en        TEXT NOT NULL,
    name_cy        TEXT NOT NULL,
    description_en TEXT NOT NULL DEFAULT '',
    description_cy TEXT NOT NULL DEFAULT '',
    sort_order     INTEGER NOT NULL
);

CREATE TABLE regions (
    code       TEXT PRIMARY KEY,
    name_en    TEXT NOT NULL,
    name_cy    TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('region', 'nation')),
    sort_order INTEGER NOT NULL
);

CREATE TABLE organisations (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL,
    -- lower-case name without punctuation: the identity used by re-import and by search
    name_key       TEXT NOT NULL UNIQUE,
    category_code  TEXT REFERENCES membership_categories (code),
    region_code    TEXT REFERENCES regions (code),
    network_member INTEGER NOT NULL DEFAULT 1 CHECK (network_member IN (0, 1)),
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL
);

-- Everyone who has talked to the bot. registered_at is set when registration is complete.
CREATE TABLE members (
    id                 INTEGER PRIMARY KEY,
    telegram_user_id   INTEGER NOT NULL UNIQUE,
    first_name         TEXT NOT NULL DEFAULT '',
    username           TEXT,
    language           TEXT NOT NULL CHECK (language IN ('en', 'cy')),
    organisation_id    INTEGER REFERENCES organisations (id),
    -- what the member typed when their organisation was not in the list
    organisation_other TEXT,
    category_code      TEXT REFERENCES membership_categories (code),
    work_role          TEXT CHECK (work_role IN ('COUNCILLOR', 'OFFICER', 'OTHER')),
    region_code        TEXT REFERENCES regions (code),
    registered_at      INTEGER,
    created_at         INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL
);
CREATE INDEX members_username ON members (lower(username));

-- Durable inbox: an update is stored here before Telegram is told we have it, and processed from here.
-- Rows are kept after processing so that a redelivered update_id is recognised and skipped.
CREATE TABLE inbox (
    update_id    INTEGER PRIMARY KEY,
    chat_key     INTEGER NOT NULL,
    kind         TEXT NOT NULL,
    payload      TEXT NOT NULL,
    received_at  INTEGER NOT NULL,
    status       TEXT NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DONE', 'FAILED')),
    processed_at INTEGER,
    outcome      TEXT
);
CREATE INDEX inbox_pending ON inbox (status, update_id);

-- One multi-step flow per person and chat, kept here so that a restart loses nothing.
CREATE TABLE conversations (
    chat_id    INTEGER NOT NULL,
    user_id    INTEGER NOT NULL,
    flow       TEXT NOT NULL,
    step       TEXT NOT NULL,
    state      TEXT NOT NULL DEFAULT '{}',
    -- bumped on every change; buttons carry it so that a tap on an old keyboard is recognised as stale
    version    INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    PRIMARY KEY (chat_id, user_id)
);
CREATE INDEX conversations_expiry ON conversations (expires_at);

CREATE TABLE audit_log (
    id            INTEGER PRIMARY KEY,
    at            INTEGER NOT NULL,
    actor_user_id INTEGER,
    action        TEXT NOT NULL,
    subject       TEXT,
    details       TEXT
);
CREATE INDEX audit_log_at ON audit_log (at);

-- Small facts the bot keeps about itself (e.g. the fingerprint of the command menu it registered).
CREATE TABLE bot_state (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);
