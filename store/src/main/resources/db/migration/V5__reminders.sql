-- Milestone reminders to action leads and their progress back.

-- A member standing behind a lead the plan names (a person, or one of several people behind a body such as the
-- 'Values and Principles Board'). DECLINED: they said "Not me"; kept for the record, never reminded.
CREATE TABLE lead_links (
    id          INTEGER PRIMARY KEY,
    action_id   INTEGER NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    lead_name   TEXT NOT NULL,
    member_id   INTEGER NOT NULL REFERENCES members (id),
    status      TEXT NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'DECLINED')),
    how         TEXT NOT NULL CHECK (how IN ('USERNAME', 'PICKED', 'CLAIMED')),
    -- the staff member's Telegram user id (the staff member who made the claim link, for a claim)
    linked_by   INTEGER,
    linked_at   INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    UNIQUE (action_id, member_id)
);
CREATE INDEX lead_links_member ON lead_links (member_id, status);

-- One-time links a lead opens in the bot to claim an action; a token works once, until it expires.
CREATE TABLE lead_claims (
    token       TEXT PRIMARY KEY,
    action_id   INTEGER NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    lead_name   TEXT NOT NULL,
    created_by  INTEGER NOT NULL,
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    claimed_by  INTEGER REFERENCES members (id),
    claimed_at  INTEGER
);

-- Every answer a lead gave (or staff recorded): who, when, what, and their note. The action's progress column is
-- the latest traffic light; this is its history.
CREATE TABLE progress_updates (
    id              INTEGER PRIMARY KEY,
    action_id       INTEGER NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    milestone_id    INTEGER REFERENCES milestones (id) ON DELETE SET NULL,
    member_id       INTEGER REFERENCES members (id),
    answer          TEXT NOT NULL CHECK (answer IN ('COMPLETE', 'ON_TRACK', 'AT_RISK', 'BLOCKED', 'SNOOZED',
                                                    'NOT_ME', 'NOTE')),
    progress_before TEXT NOT NULL,
    progress_after  TEXT NOT NULL,
    note            TEXT,
    created_at      INTEGER NOT NULL
);
CREATE INDEX progress_updates_action ON progress_updates (action_id, created_at);
CREATE INDEX progress_updates_time ON progress_updates (created_at);

-- One row per reminder slot of a milestone for one lead: the unique key is what makes a slot happen once, however
-- often the sweep runs and whatever restarts happen. QUEUED: a message went to the outbox; MERGED: missed while
-- the bot was down and folded into a later slot's message (one message, not a burst of stale ones).
CREATE TABLE reminders (
    id           INTEGER PRIMARY KEY,
    milestone_id INTEGER NOT NULL REFERENCES milestones (id) ON DELETE CASCADE,
    action_id    INTEGER NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    member_id    INTEGER NOT NULL REFERENCES members (id),
    slot_at      INTEGER NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('BEFORE', 'DUE', 'OVERDUE', 'SNOOZED', 'EXTRA')),
    status       TEXT NOT NULL CHECK (status IN ('QUEUED', 'MERGED')),
    dedupe_key   TEXT,
    created_at   INTEGER NOT NULL,
    answered_at  INTEGER,
    escalated_at INTEGER,
    UNIQUE (milestone_id, member_id, slot_at)
);
CREATE INDEX reminders_open ON reminders (answered_at, escalated_at, status);

-- "Snooze a week": no reminder of this milestone for this lead until then; one at that time.
CREATE TABLE reminder_snoozes (
    milestone_id INTEGER NOT NULL REFERENCES milestones (id) ON DELETE CASCADE,
    member_id    INTEGER NOT NULL REFERENCES members (id),
    snoozed_at   INTEGER NOT NULL,
    until        INTEGER NOT NULL,
    PRIMARY KEY (milestone_id, member_id)
);

-- Staff turned an action's reminders off.
CREATE TABLE reminder_mutes (
    action_id INTEGER PRIMARY KEY REFERENCES actions (id) ON DELETE CASCADE,
    muted_by  INTEGER NOT NULL,
    muted_at  INTEGER NOT NULL
);

-- Reminders staff added for one action, beyond the policy.
CREATE TABLE extra_reminders (
    id         INTEGER PRIMARY KEY,
    action_id  INTEGER NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    at         INTEGER NOT NULL,
    created_by INTEGER NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX extra_reminders_action ON extra_reminders (action_id);
