-- Newsletter subscriptions with the consent given: one row per subscription, kept when it ends (ended_at), so
-- that the history of consent can be shown to the member. One open subscription per member and topic.
CREATE TABLE newsletter_subscriptions (
    id              INTEGER PRIMARY KEY,
    member_id       INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    topic           TEXT NOT NULL,
    -- the words the member agreed to, in the language they read them
    consent_wording TEXT NOT NULL,
    language        TEXT NOT NULL,
    subscribed_at   INTEGER NOT NULL,
    ended_at        INTEGER,
    -- how it ended: 'command' (/unsubscribe or /subscribe), 'button' (a newsletter's Unsubscribe)
    ended_how       TEXT
);
CREATE UNIQUE INDEX newsletter_subscriptions_open ON newsletter_subscriptions (member_id, topic) WHERE ended_at IS NULL;
CREATE INDEX newsletter_subscriptions_topic ON newsletter_subscriptions (topic, member_id) WHERE ended_at IS NULL;

-- A newsletter: its content (HTML as Telegram takes it, optionally a photo or document by Telegram file id, link
-- buttons), its audience (subscribers of one topic, narrowed by groups, membership categories and regions) and
-- where it stands. Deliveries are outbox rows of kind 'newsletter' with ref_id = id.
CREATE TABLE newsletters (
    id                  INTEGER PRIMARY KEY,
    title               TEXT NOT NULL,
    body                TEXT NOT NULL,
    media               TEXT NOT NULL DEFAULT 'TEXT' CHECK (media IN ('TEXT', 'PHOTO', 'DOCUMENT')),
    file_id             TEXT,
    -- one button per line: label, a tab, https address
    link_buttons        TEXT NOT NULL DEFAULT '',
    topic               TEXT NOT NULL DEFAULT 'monthly',
    -- comma-separated: group ids, membership category codes, region codes; empty for no narrowing
    audience_groups     TEXT NOT NULL DEFAULT '',
    audience_categories TEXT NOT NULL DEFAULT '',
    audience_regions    TEXT NOT NULL DEFAULT '',
    status              TEXT NOT NULL DEFAULT 'DRAFT'
                        CHECK (status IN ('DRAFT', 'SCHEDULED', 'SENDING', 'PAUSED', 'SENT', 'CANCELLED')),
    created_by          INTEGER NOT NULL,
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL,
    scheduled_at        INTEGER,
    started_by          INTEGER,
    started_at          INTEGER,
    finished_at         INTEGER,
    recipients          INTEGER NOT NULL DEFAULT 0,
    -- the message in the sender's chat that shows the delivery report, kept up to date
    report_chat_id      INTEGER,
    report_message_id   INTEGER
);
CREATE INDEX newsletters_status ON newsletters (status, scheduled_at);

-- Engagement: who tapped which of a newsletter's buttons (each person counted once per button).
CREATE TABLE newsletter_taps (
    newsletter_id INTEGER NOT NULL REFERENCES newsletters (id) ON DELETE CASCADE,
    member_id     INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    button        TEXT NOT NULL,
    tapped_at     INTEGER NOT NULL,
    PRIMARY KEY (newsletter_id, member_id, button)
);

-- When the Bot API call of an outbox row was actually made (set just before it): a row left SENDING by a process
-- that died without this was only waiting in the bot's queue and is simply sent after the restart.
ALTER TABLE outbox ADD COLUMN called_at INTEGER;
