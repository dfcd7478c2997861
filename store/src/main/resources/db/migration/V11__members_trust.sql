-- Members' trust: confirmations bound to one request, the rules each person was shown, every moderator's copy of a
-- report, the names of one burst of joiners, and an audit log that can be filtered by group and person.

-- A destructive action's confirmation button carries one of these ids: it works once, for its person, until it
-- expires (so an old "Yes, erase" cannot erase a later registration, and a forged one erases nobody).
CREATE TABLE confirmations (
    id               TEXT PRIMARY KEY,
    telegram_user_id INTEGER NOT NULL,
    purpose          TEXT NOT NULL,
    created_at       INTEGER NOT NULL,
    expires_at       INTEGER NOT NULL,
    used_at          INTEGER
);
CREATE INDEX confirmations_user ON confirmations (telegram_user_id);

-- The full text of a rules version was sent to this person: only then may they accept it.
CREATE TABLE rules_shown (
    telegram_user_id INTEGER NOT NULL,
    rules_version_id INTEGER NOT NULL REFERENCES rules_versions (id) ON DELETE CASCADE,
    shown_at         INTEGER NOT NULL,
    PRIMARY KEY (telegram_user_id, rules_version_id)
);

-- Each moderator's (and staff member's) message about a report, so that all of them show who dealt with it.
CREATE TABLE report_cards (
    report_id  INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    chat_id    INTEGER NOT NULL,
    message_id INTEGER NOT NULL,
    PRIMARY KEY (report_id, chat_id)
);

-- The names on the cards, as Telegram gave them when the report was made, and the deletion of the message.
ALTER TABLE reports ADD COLUMN reporter_name TEXT NOT NULL DEFAULT '';
ALTER TABLE reports ADD COLUMN author_name TEXT NOT NULL DEFAULT '';
ALTER TABLE reports ADD COLUMN message_deleted_at INTEGER;
ALTER TABLE reports ADD COLUMN message_deleted_by INTEGER;

-- The people welcomed by the group's current welcome message (one burst of joins); replaced by the next burst.
CREATE TABLE welcome_names (
    group_id         INTEGER NOT NULL REFERENCES chat_groups (id) ON DELETE CASCADE,
    telegram_user_id INTEGER NOT NULL,
    first_name       TEXT NOT NULL,
    joined_at        INTEGER NOT NULL,
    PRIMARY KEY (group_id, telegram_user_id)
);

-- The audit log names the group and the person an act was about in columns of their own (staff filter by them;
-- a person's data export and erasure find them), instead of inside the subject's text.
ALTER TABLE audit_log ADD COLUMN group_id INTEGER;
ALTER TABLE audit_log ADD COLUMN subject_user_id INTEGER;
CREATE INDEX audit_log_group ON audit_log (group_id, at);
CREATE INDEX audit_log_subject ON audit_log (subject_user_id, at);
CREATE INDEX audit_log_actor ON audit_log (actor_user_id, at);

-- earlier entries: "group <code> user <id>" (moderation, automatic removals), "member <id>" (verification),
-- "group <id>" (rules of a group)
UPDATE audit_log
SET group_id        = (SELECT id FROM chat_groups WHERE code = substr(audit_log.subject, 7,
                           instr(audit_log.subject, ' user ') - 7)),
    subject_user_id = CAST(substr(subject, instr(subject, ' user ') + 6) AS INTEGER),
    subject         = substr(subject, 1, instr(subject, ' user ') - 1)
WHERE subject LIKE 'group % user %';
UPDATE audit_log
SET subject_user_id = CAST(substr(subject, 8) AS INTEGER),
    subject         = ''
WHERE action IN ('verify.approve', 'verify.reject') AND subject LIKE 'member %';
UPDATE audit_log
SET group_id = CAST(substr(subject, 7) AS INTEGER)
WHERE action = 'rules.publish' AND subject LIKE 'group %';
