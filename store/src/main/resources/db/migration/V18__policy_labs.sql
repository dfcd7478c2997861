-- Policy Lab and Policy Prototype funding rounds: the call, the applications, their review and the decision.
-- Amounts are whole pounds.

CREATE TABLE lab_rounds (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('LAB', 'PROTOTYPE')),
    budget      INTEGER NOT NULL CHECK (budget > 0),
    max_award   INTEGER NOT NULL CHECK (max_award > 0 AND max_award <= budget),
    opens_at    INTEGER NOT NULL,
    closes_at   INTEGER NOT NULL CHECK (closes_at > opens_at),
    -- the questions' codes (a standard one's text is in the bot's bundles) or staff's own words, one per line
    questions   TEXT NOT NULL,
    -- what reviewers score against, one per line
    criteria    TEXT NOT NULL DEFAULT '',
    -- the newsletter topic whose subscribers hear of it
    topic       TEXT NOT NULL,
    created_by  INTEGER NOT NULL,
    created_at  INTEGER NOT NULL
);

-- One application per member and round; DRAFT until submitted, then decided. When its applicant is erased, a
-- funded one stays (it is spent budget and an action of the plan) with no member and telegram_user_id 0.
CREATE TABLE lab_applications (
    id               INTEGER PRIMARY KEY,
    round_id         INTEGER NOT NULL REFERENCES lab_rounds (id),
    member_id        INTEGER REFERENCES members (id),
    telegram_user_id INTEGER NOT NULL,
    organisation_id  INTEGER REFERENCES organisations (id),
    status           TEXT NOT NULL DEFAULT 'DRAFT'
                     CHECK (status IN ('DRAFT', 'SUBMITTED', 'FUNDED', 'NOT_FUNDED')),
    awarded          INTEGER CHECK (awarded IS NULL OR awarded > 0),
    reason           TEXT,
    decided_by       INTEGER,
    decided_at       INTEGER,
    action_id        INTEGER REFERENCES actions (id) ON DELETE SET NULL,
    case_study_id    INTEGER REFERENCES case_studies (id) ON DELETE SET NULL,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    submitted_at     INTEGER,
    UNIQUE (round_id, member_id)
);
CREATE INDEX lab_applications_user ON lab_applications (telegram_user_id);

-- The answer to one question, kept whole however long (several messages are joined).
CREATE TABLE lab_answers (
    application_id INTEGER NOT NULL REFERENCES lab_applications (id) ON DELETE CASCADE,
    question       TEXT NOT NULL,
    answer         TEXT NOT NULL,
    updated_at     INTEGER NOT NULL,
    PRIMARY KEY (application_id, question)
);

-- People staff named to review one round (e.g. Values & Principles Board members).
CREATE TABLE lab_reviewers (
    round_id         INTEGER NOT NULL REFERENCES lab_rounds (id) ON DELETE CASCADE,
    telegram_user_id INTEGER NOT NULL,
    added_by         INTEGER NOT NULL,
    added_at         INTEGER NOT NULL,
    PRIMARY KEY (round_id, telegram_user_id)
);

CREATE TABLE lab_scores (
    application_id   INTEGER NOT NULL REFERENCES lab_applications (id) ON DELETE CASCADE,
    reviewer_id      INTEGER NOT NULL,
    criterion        INTEGER NOT NULL,
    score            INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    scored_at        INTEGER NOT NULL,
    PRIMARY KEY (application_id, reviewer_id, criterion)
);

CREATE TABLE lab_comments (
    id             INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES lab_applications (id) ON DELETE CASCADE,
    reviewer_id    INTEGER NOT NULL,
    text           TEXT NOT NULL,
    created_at     INTEGER NOT NULL
);
