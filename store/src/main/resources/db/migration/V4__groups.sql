-- The network's Telegram groups: who may join, the rules of engagement (versioned), who accepted which version,
-- memberships, join requests, personal invite links, moderation (reports, warnings) and scheduled removals.
-- People are identified by their Telegram user id, as Telegram's updates do.

-- Self-declared organisations and categories are checked by staff before member-only groups open to them.
ALTER TABLE members ADD COLUMN verification TEXT NOT NULL DEFAULT 'UNVERIFIED'
    CHECK (verification IN ('UNVERIFIED', 'PENDING', 'VERIFIED', 'REJECTED'));
ALTER TABLE members ADD COLUMN verified_by INTEGER;
ALTER TABLE members ADD COLUMN verified_at INTEGER;

CREATE TABLE chat_groups (
    id                      INTEGER PRIMARY KEY,
    code                    TEXT NOT NULL UNIQUE,
    -- the Telegram supergroup, once staff registered it (/registergroup); changes when a group is upgraded
    chat_id                 INTEGER UNIQUE,
    kind                    TEXT NOT NULL CHECK (kind IN ('THEME', 'SECTOR', 'REGION', 'CATEGORY')),
    title                   TEXT NOT NULL,
    title_cy                TEXT NOT NULL DEFAULT '',
    purpose                 TEXT NOT NULL DEFAULT '',
    purpose_cy              TEXT NOT NULL DEFAULT '',
    -- who may join: membership category codes and work roles, one per line (empty: any)
    allowed_categories      TEXT NOT NULL DEFAULT '',
    allowed_roles           TEXT NOT NULL DEFAULT '',
    network_members_only    INTEGER NOT NULL DEFAULT 1 CHECK (network_members_only IN (0, 1)),
    verified_only           INTEGER NOT NULL DEFAULT 0 CHECK (verified_only IN (0, 1)),
    chatham_house           INTEGER NOT NULL DEFAULT 0 CHECK (chatham_house IN (0, 1)),
    remove_on_rules_lapse   INTEGER NOT NULL DEFAULT 0 CHECK (remove_on_rules_lapse IN (0, 1)),
    welcome_thread_id       INTEGER,
    last_welcome_message_id INTEGER,
    welcome_burst_started   INTEGER,
    status                  TEXT NOT NULL DEFAULT 'PLANNED' CHECK (status IN ('PLANNED', 'ACTIVE', 'BOT_REMOVED')),
    created_at              INTEGER NOT NULL,
    updated_at              INTEGER NOT NULL
);

CREATE TABLE group_moderators (
    group_id         INTEGER NOT NULL REFERENCES chat_groups (id) ON DELETE CASCADE,
    telegram_user_id INTEGER NOT NULL,
    PRIMARY KEY (group_id, telegram_user_id)
);

-- The network's rules (group_id NULL) and each group's additions, in versions. Only the newest PUBLISHED version
-- of each counts; a DRAFT is being prepared by staff.
CREATE TABLE rules_versions (
    id           INTEGER PRIMARY KEY,
    group_id     INTEGER REFERENCES chat_groups (id) ON DELETE CASCADE,
    version      INTEGER NOT NULL,
    text_en      TEXT NOT NULL,
    text_cy      TEXT NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED')),
    created_by   INTEGER,
    created_at   INTEGER NOT NULL,
    published_at INTEGER,
    -- members of groups must accept this version before this time, or be reminded and (where set) removed
    grace_until  INTEGER
);
CREATE UNIQUE INDEX rules_versions_unique ON rules_versions (coalesce(group_id, 0), version);

CREATE TABLE rules_acceptances (
    telegram_user_id INTEGER NOT NULL,
    rules_version_id INTEGER NOT NULL REFERENCES rules_versions (id) ON DELETE CASCADE,
    accepted_at      INTEGER NOT NULL,
    PRIMARY KEY (telegram_user_id, rules_version_id)
);

CREATE TABLE group_memberships (
    group_id         INTEGER NOT NULL REFERENCES chat_groups (id) ON DELETE CASCADE,
    telegram_user_id INTEGER NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('JOINED', 'LEFT', 'REMOVED')),
    joined_at        INTEGER,
    left_at          INTEGER,
    reason           TEXT,
    PRIMARY KEY (group_id, telegram_user_id)
);
CREATE INDEX group_memberships_user ON group_memberships (telegram_user_id);

CREATE TABLE join_requests (
    id               INTEGER PRIMARY KEY,
    group_id         INTEGER NOT NULL REFERENCES chat_groups (id) ON DELETE CASCADE,
    telegram_user_id INTEGER NOT NULL,
    requested_at     INTEGER NOT NULL,
    invite_link      TEXT,
    status           TEXT NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'DECLINED', 'EXPIRED')),
    decided_at       INTEGER,
    reason           TEXT
);
CREATE INDEX join_requests_pending ON join_requests (status, requested_at);
CREATE INDEX join_requests_user ON join_requests (telegram_user_id, group_id);

-- Personal links the bot made (each creates a join request, and expires soon).
CREATE TABLE invite_links (
    link             TEXT PRIMARY KEY,
    group_id         INTEGER NOT NULL REFERENCES chat_groups (id) ON DELETE CASCADE,
    telegram_user_id INTEGER NOT NULL,
    created_at       INTEGER NOT NULL,
    expires_at       INTEGER NOT NULL
);

CREATE TABLE reports (
    id               INTEGER PRIMARY KEY,
    group_id         INTEGER NOT NULL REFERENCES chat_groups (id) ON DELETE CASCADE,
    reporter_id      INTEGER NOT NULL,
    reported_user_id INTEGER NOT NULL,
    message_id       INTEGER NOT NULL,
    thread_id        INTEGER,
    excerpt          TEXT NOT NULL,
    status           TEXT NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'DISMISSED', 'WARNED', 'MUTED', 'REMOVED')),
    handled_by       INTEGER,
    handled_at       INTEGER,
    created_at       INTEGER NOT NULL
);

CREATE TABLE warnings (
    id               INTEGER PRIMARY KEY,
    group_id         INTEGER NOT NULL REFERENCES chat_groups (id) ON DELETE CASCADE,
    telegram_user_id INTEGER NOT NULL,
    warned_by        INTEGER NOT NULL,
    report_id        INTEGER REFERENCES reports (id),
    created_at       INTEGER NOT NULL
);
CREATE INDEX warnings_member ON warnings (group_id, telegram_user_id);

-- A removal announced in advance (the organisation left the network; the rules were not accepted in time).
CREATE TABLE membership_notices (
    id               INTEGER PRIMARY KEY,
    telegram_user_id INTEGER NOT NULL,
    group_id         INTEGER NOT NULL REFERENCES chat_groups (id) ON DELETE CASCADE,
    reason           TEXT NOT NULL CHECK (reason IN ('ORGANISATION_LEFT', 'RULES_NOT_ACCEPTED')),
    notified_at      INTEGER NOT NULL,
    remove_after     INTEGER NOT NULL,
    reminded_at      INTEGER,
    resolved_at      INTEGER,
    outcome          TEXT
);
CREATE INDEX membership_notices_open ON membership_notices (resolved_at, remove_after);
