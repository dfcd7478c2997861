-- The network's events: what, when (UTC instants; shown in the network's zone), where (a place, an online link, or
-- both) and how many can come (no capacity: any number). The audience is chosen as a newsletter's is (subscribers of
-- one topic, narrowed by groups, membership categories and regions), so that an event is announced to the people a
-- newsletter on its subject would reach. An event is never deleted once announced: it is cancelled.
CREATE TABLE events (
    id                  INTEGER PRIMARY KEY,
    title               TEXT NOT NULL,
    description         TEXT NOT NULL DEFAULT '',
    starts_at           INTEGER NOT NULL,
    ends_at             INTEGER NOT NULL,
    place               TEXT,
    online_link         TEXT,
    capacity            INTEGER CHECK (capacity IS NULL OR capacity > 0),
    topic               TEXT NOT NULL DEFAULT 'monthly',
    -- comma-separated: group ids, membership category codes, region codes; empty for no narrowing
    audience_groups     TEXT NOT NULL DEFAULT '',
    audience_categories TEXT NOT NULL DEFAULT '',
    audience_regions    TEXT NOT NULL DEFAULT '',
    created_by          INTEGER,
    created_at          INTEGER NOT NULL,
    announced_at        INTEGER,
    cancelled_at        INTEGER,
    CHECK (ends_at >= starts_at)
);
CREATE INDEX events_coming ON events (ends_at, starts_at) WHERE cancelled_at IS NULL;
