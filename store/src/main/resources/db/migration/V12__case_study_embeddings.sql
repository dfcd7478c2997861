-- The meaning of each case study as a sentence embedding, for searches that say it in other words. One row per
-- case study; text_hash is the hash of the model's name and the text that was embedded, so a changed study is
-- embedded again and an unchanged one never is. The vector is quantised to one signed byte per dimension
-- (value = byte * scale): a quarter of the space, and the ranking barely moves.
CREATE TABLE case_study_embeddings (
    case_study_id     INTEGER PRIMARY KEY REFERENCES case_studies (id) ON DELETE CASCADE,
    model             TEXT NOT NULL,
    text_hash         TEXT NOT NULL,
    source_updated_at INTEGER NOT NULL,
    scale             REAL NOT NULL,
    vector            BLOB NOT NULL
);
