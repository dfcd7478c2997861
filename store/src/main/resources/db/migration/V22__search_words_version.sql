-- A counter of the words searches expand (synonyms, and the topics' names and words), kept by triggers. Every search
-- builds its expansions from these tables; reading one number instead lets a search reuse the expansions it built
-- last time, and any change (from chat, an import, another process) is seen at the next search.
CREATE TABLE data_versions (
    name    TEXT PRIMARY KEY,
    version INTEGER NOT NULL
);
INSERT INTO data_versions (name, version) VALUES ('search_words', 0);

CREATE TRIGGER synonyms_added AFTER INSERT ON synonyms BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'search_words';
END;
CREATE TRIGGER synonyms_changed AFTER UPDATE ON synonyms BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'search_words';
END;
CREATE TRIGGER synonyms_removed AFTER DELETE ON synonyms BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'search_words';
END;
CREATE TRIGGER topics_added AFTER INSERT ON topics BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'search_words';
END;
CREATE TRIGGER topics_changed AFTER UPDATE ON topics BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'search_words';
END;
CREATE TRIGGER topics_removed AFTER DELETE ON topics BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'search_words';
END;
