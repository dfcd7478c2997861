-- A counter of changes to the case-study library, kept by triggers (as V22's for the search words): a search reads
-- this one number to know whether the library's vocabulary it holds in memory, for correcting misspelt words, is
-- still the library's; any change (an import, another process) is seen at the next search.
INSERT INTO data_versions (name, version) VALUES ('library', 0);

CREATE TRIGGER case_studies_version_added AFTER INSERT ON case_studies BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'library';
END;
CREATE TRIGGER case_studies_version_changed AFTER UPDATE ON case_studies BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'library';
END;
CREATE TRIGGER case_studies_version_removed AFTER DELETE ON case_studies BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'library';
END;
