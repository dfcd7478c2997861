-- Who an event was announced to (the invitations the dashboard counts), what each member answered (one answer per
-- member and event, changed in place: the latest stands), who staff recorded as having attended, and the secret of
-- each member's calendar feed (the address a calendar app subscribes to holds it, so it is the only key).
CREATE TABLE event_invitations (
    event_id   INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    member_id  INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    invited_at INTEGER NOT NULL,
    PRIMARY KEY (event_id, member_id)
);

CREATE TABLE event_replies (
    event_id    INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    member_id   INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    answer      TEXT NOT NULL CHECK (answer IN ('GOING', 'MAYBE', 'NOT_GOING')),
    answered_at INTEGER NOT NULL,
    PRIMARY KEY (event_id, member_id)
);
CREATE INDEX event_replies_member ON event_replies (member_id);

CREATE TABLE event_attendance (
    event_id    INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    member_id   INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    recorded_by INTEGER NOT NULL,
    recorded_at INTEGER NOT NULL,
    PRIMARY KEY (event_id, member_id)
);

CREATE TABLE calendar_feeds (
    member_id  INTEGER PRIMARY KEY REFERENCES members (id) ON DELETE CASCADE,
    token      TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL
);
