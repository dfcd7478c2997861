-- The action plan (plans, objectives, actions with leads and milestones) and the case-study library with its
-- full-text indexes. Instants are INTEGER milliseconds since the epoch, UTC; dates are ISO text (YYYY-MM-DD).

CREATE TABLE plans (
    code       TEXT PRIMARY KEY,
    title_en   TEXT NOT NULL,
    title_cy   TEXT NOT NULL,
    version    TEXT NOT NULL,
    is_current INTEGER NOT NULL DEFAULT 0 CHECK (is_current IN (0, 1)),
    sort_order INTEGER NOT NULL
);

CREATE TABLE objectives (
    id         INTEGER PRIMARY KEY,
    plan_code  TEXT NOT NULL REFERENCES plans (code),
    code       TEXT NOT NULL,
    title      TEXT NOT NULL,
    summary    TEXT NOT NULL DEFAULT '',
    -- the measures of success, one per line
    measures   TEXT NOT NULL DEFAULT '',
    sort_order INTEGER NOT NULL,
    UNIQUE (plan_code, code)
);

CREATE TABLE actions (
    id                  INTEGER PRIMARY KEY,
    plan_code           TEXT NOT NULL REFERENCES plans (code),
    code                TEXT NOT NULL,
    objective_id        INTEGER NOT NULL REFERENCES objectives (id),
    text                TEXT NOT NULL,
    progress            TEXT NOT NULL DEFAULT 'NOT_STARTED'
                        CHECK (progress IN ('NOT_STARTED', 'ON_TRACK', 'AT_RISK', 'BLOCKED', 'COMPLETE')),
    -- topic codes and search keywords, one per line
    topics              TEXT NOT NULL DEFAULT '',
    keywords            TEXT NOT NULL DEFAULT '',
    sort_order          INTEGER NOT NULL,
    progress_updated_at INTEGER,
    updated_at          INTEGER NOT NULL,
    UNIQUE (plan_code, code)
);

-- A lead as the plan names it: a person or a body. Issue "reminders" links leads to members.
CREATE TABLE action_leads (
    action_id INTEGER NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    name      TEXT NOT NULL,
    PRIMARY KEY (action_id, position)
);
CREATE INDEX action_leads_name ON action_leads (lower(name));

-- A milestone as the plan words it ("Summer 2024") and the date it stands for.
CREATE TABLE milestones (
    id        INTEGER PRIMARY KEY,
    action_id INTEGER NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    label     TEXT NOT NULL,
    due_date  TEXT,
    done      INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
    UNIQUE (action_id, position)
);
CREATE INDEX milestones_due ON milestones (due_date);

-- Words for the plan search: code, text, leads, milestones, keywords, objective.
CREATE VIRTUAL TABLE actions_fts USING fts5(
    code, text, leads, milestones, keywords, objective,
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TABLE topics (
    code       TEXT PRIMARY KEY,
    name_en    TEXT NOT NULL,
    name_cy    TEXT NOT NULL,
    -- words people type for it, one per line
    synonyms   TEXT NOT NULL DEFAULT '',
    sort_order INTEGER NOT NULL
);

CREATE TABLE case_studies (
    id          INTEGER PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE,
    -- the small columns that filters read come first: SQLite reads a row's columns in order, and the body of a
    -- long case study spills into overflow pages that a filter should not have to read
    kind        TEXT NOT NULL CHECK (kind IN ('CASE_STUDY', 'POLICY_LAB', 'POLICY_PROTOTYPE')),
    region_code TEXT REFERENCES regions (code),
    year        INTEGER,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    title       TEXT NOT NULL,
    summary     TEXT NOT NULL DEFAULT '',
    link        TEXT,
    -- council names and topic codes, one per line (also searchable)
    councils    TEXT NOT NULL DEFAULT '',
    topics      TEXT NOT NULL DEFAULT '',
    body        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX case_studies_region ON case_studies (region_code);
CREATE INDEX case_studies_kind ON case_studies (kind);

CREATE TABLE case_study_topics (
    case_study_id INTEGER NOT NULL REFERENCES case_studies (id) ON DELETE CASCADE,
    topic_code    TEXT NOT NULL REFERENCES topics (code),
    PRIMARY KEY (case_study_id, topic_code)
);
CREATE INDEX case_study_topics_topic ON case_study_topics (topic_code, case_study_id);

-- Ranked, stemmed search: the index holds the words; the text stays in case_studies.
CREATE VIRTUAL TABLE case_studies_fts USING fts5(
    title, summary, body, councils, topics,
    content = 'case_studies', content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
-- ORDER BY rank: bm25 with the title weighted above summary, councils, topics and body. FTS5 then sorts by rank
-- itself, so snippets are made only for the rows shown, not for every match.
INSERT INTO case_studies_fts (case_studies_fts, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0, 3.0, 3.0)');
-- The words as written (not stemmed), without positions: its vocabulary corrects misspelt words.
CREATE VIRTUAL TABLE case_studies_words USING fts5(
    title, summary, body, councils,
    content = 'case_studies', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2', detail = none
);
CREATE VIRTUAL TABLE case_studies_vocabulary USING fts5vocab(case_studies_words, 'row');

CREATE TRIGGER case_studies_ai AFTER INSERT ON case_studies BEGIN
    INSERT INTO case_studies_fts (rowid, title, summary, body, councils, topics)
    VALUES (new.id, new.title, new.summary, new.body, new.councils, new.topics);
    INSERT INTO case_studies_words (rowid, title, summary, body, councils)
    VALUES (new.id, new.title, new.summary, new.body, new.councils);
END;
CREATE TRIGGER case_studies_ad AFTER DELETE ON case_studies BEGIN
    INSERT INTO case_studies_fts (case_studies_fts, rowid, title, summary, body, councils, topics)
    VALUES ('delete', old.id, old.title, old.summary, old.body, old.councils, old.topics);
    INSERT INTO case_studies_words (case_studies_words, rowid, title, summary, body, councils)
    VALUES ('delete', old.id, old.title, old.summary, old.body, old.councils);
END;
CREATE TRIGGER case_studies_au AFTER UPDATE ON case_studies BEGIN
    INSERT INTO case_studies_fts (case_studies_fts, rowid, title, summary, body, councils, topics)
    VALUES ('delete', old.id, old.title, old.summary, old.body, old.councils, old.topics);
    INSERT INTO case_studies_fts (rowid, title, summary, body, councils, topics)
    VALUES (new.id, new.title, new.summary, new.body, new.councils, new.topics);
    INSERT INTO case_studies_words (case_studies_words, rowid, title, summary, body, councils)
    VALUES ('delete', old.id, old.title, old.summary, old.body, old.councils);
    INSERT INTO case_studies_words (rowid, title, summary, body, councils)
    VALUES (new.id, new.title, new.summary, new.body, new.councils);
END;

-- The network's acronyms and synonyms, expanded in searches; staff add more.
CREATE TABLE synonyms (
    term       TEXT PRIMARY KEY,
    expansion  TEXT NOT NULL,
    added_by   INTEGER,
    created_at INTEGER NOT NULL
);

-- A search a member ran, so that "More" and filter buttons can refer to it by a short id.
CREATE TABLE saved_searches (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL,
    query      TEXT NOT NULL,
    filters    TEXT NOT NULL DEFAULT '{}',
    created_at INTEGER NOT NULL
);
CREATE INDEX saved_searches_created ON saved_searches (created_at);
