-- One-time login links for staff to the web dashboard (only a hash of each token is kept), and the sessions they
-- open (only a hash of each session id is kept; csrf is the token forms must carry).
CREATE TABLE web_login_tokens (
    token_hash       TEXT PRIMARY KEY,
    telegram_user_id INTEGER NOT NULL,
    created_at       INTEGER NOT NULL,
    expires_at       INTEGER NOT NULL,
    used_at          INTEGER
);

CREATE TABLE web_sessions (
    session_hash     TEXT PRIMARY KEY,
    telegram_user_id INTEGER NOT NULL,
    csrf             TEXT NOT NULL,
    created_at       INTEGER NOT NULL,
    expires_at       INTEGER NOT NULL
);

-- The traffic lights of the current plan, one row per day and light, for the dashboard's chart over time.
CREATE TABLE progress_snapshots (
    day      TEXT NOT NULL,
    progress TEXT NOT NULL,
    count    INTEGER NOT NULL,
    PRIMARY KEY (day, progress)
);
