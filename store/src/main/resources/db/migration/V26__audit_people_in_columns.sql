-- Action leads and Policy Lab reviewers were named in the audit log's free text (a first name, a Telegram id), where
-- /audit @person did not find them and their erasure did not clear them. They move to the person column; the text
-- keeps only what was done (an action's code, the plan's lead, a round).

-- a reviewer added or removed: the Telegram id was the details
UPDATE audit_log
SET subject_user_id = CAST(details AS INTEGER),
    details         = ''
WHERE action IN ('labs.reviewer', 'labs.reviewer.removed') AND subject_user_id IS NULL
  AND details <> '' AND details NOT GLOB '*[^0-9]*';

-- a lead linked: "<first name> as <lead>"; the person is the member of that first name linked to that lead
UPDATE audit_log
SET subject_user_id = (SELECT m.telegram_user_id FROM lead_links l
                       JOIN members m ON m.id = l.member_id
                       JOIN actions a ON a.id = l.action_id
                       WHERE a.code = audit_log.subject
                         AND l.lead_name = substr(audit_log.details, instr(audit_log.details, ' as ') + 4)
                         AND m.first_name = substr(audit_log.details, 1, instr(audit_log.details, ' as ') - 1)
                       ORDER BY l.id DESC LIMIT 1)
WHERE action = 'lead.link' AND subject_user_id IS NULL AND instr(details, ' as ') > 0;
-- the name goes from the text wherever the person was found (elsewhere it stays, until their erasure scrubs it)
UPDATE audit_log
SET details = substr(details, instr(details, ' as ') + 4)
WHERE action = 'lead.link' AND subject_user_id IS NOT NULL AND instr(details, ' as ') > 0;

-- a lead unlinked: the subject was the action's row id; it becomes its code, as for the other leads' entries
UPDATE audit_log
SET subject = (SELECT code FROM actions WHERE id = CAST(audit_log.subject AS INTEGER))
WHERE action = 'lead.unlink' AND subject <> '' AND subject NOT GLOB '*[^0-9]*'
  AND EXISTS (SELECT 1 FROM actions WHERE id = CAST(audit_log.subject AS INTEGER));
