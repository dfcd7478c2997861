package org.ccin.store.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.ccin.store.Database;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Everything the bot holds about one person, found by their Telegram user id and member id, table by table: to give
 * it to them (/mydata) and to erase it (/forgetme). A new table that holds people's data must be added to
 * {@link #SOURCES} (the test that erases a member checks every table).
 *
 * <p>A person's file holds what they did and what was done to them, never who else did it or what others wrote:
 * other people appear only as the words of {@link OthersNamed} ("a member", "the moderators"), and a stored update
 * only as far as it is their own ({@link OwnUpdate}). Thread-safe.
 */
public final class PersonalData {
    /** How the file names the people who are not its owner, in the owner's language. */
    public record OthersNamed(String aMember, String theModerators, String theStaff, String theBot) {
    }

    /** What erasure does with a source's rows: delete them, or keep what was done without who did it. */
    private enum Erasure { DELETE, ANONYMISE, SPECIAL }

    /** What of a row goes into the file. */
    @FunctionalInterface
    private interface Projection {
        Map<String, Object> of(Map<String, Object> row, OthersNamed others);
    }

    /** Where a person's rows are: a table, the column that names them, and whether it holds the member id. */
    private record Source(String section, String table, String column, boolean byMemberId, String order,
                          Erasure erasure, Projection projection) {
        Source(String section, String table, String column, boolean byMemberId, String order) {
            this(section, table, column, byMemberId, order, Erasure.DELETE, (row, others) -> readable(row));
        }
    }

    private static final List<Source> SOURCES = List.of(
            new Source("newsletterSubscriptions", "newsletter_subscriptions", "member_id", true, "subscribed_at"),
            new Source("newsletterTaps", "newsletter_taps", "member_id", true, "tapped_at"),
            new Source("rulesShownToYou", "rules_shown", "telegram_user_id", false, "rowid"),
            new Source("rulesAcceptances", "rules_acceptances", "telegram_user_id", false, "rowid"),
            new Source("groupMemberships", "group_memberships", "telegram_user_id", false, "rowid"),
            new Source("joinRequests", "join_requests", "telegram_user_id", false, "rowid"),
            new Source("inviteLinks", "invite_links", "telegram_user_id", false, "rowid"),
            new Source("welcomes", "welcome_names", "telegram_user_id", false, "rowid"),
            new Source("warnings", "warnings", "telegram_user_id", false, "rowid", Erasure.DELETE,
                    PersonalData::warning),
            new Source("membershipNotices", "membership_notices", "telegram_user_id", false, "rowid"),
            new Source("groupsModerated", "group_moderators", "telegram_user_id", false, "rowid"),
            new Source("reportCardsSentToYou", "report_cards", "chat_id", false, "rowid"),
            // a report stays the record of what was done to its author: erasing the reporter takes only their name
            new Source("reportsMade", "reports", "reporter_id", false, "rowid", Erasure.ANONYMISE,
                    PersonalData::reportMade),
            new Source("reportsAboutYou", "reports", "reported_user_id", false, "rowid", Erasure.DELETE,
                    PersonalData::reportAboutYou),
            new Source("actionsLed", "lead_links", "member_id", true, "rowid", Erasure.DELETE,
                    (row, others) -> namingStaff(row, "linked_by", others)),
            new Source("progressNotes", "progress_updates", "member_id", true, "rowid"),
            new Source("reminders", "reminders", "member_id", true, "rowid"),
            new Source("reminderSnoozes", "reminder_snoozes", "member_id", true, "rowid"),
            new Source("policyLabApplications", "lab_applications", "telegram_user_id", false, "id", Erasure.SPECIAL,
                    (row, others) -> namingStaff(row, "decided_by", others)),
            new Source("policyLabAnswers", "(SELECT a.*, p.telegram_user_id AS applicant FROM lab_answers a "
                    + "JOIN lab_applications p ON p.id = a.application_id)", "applicant", false, "application_id",
                    Erasure.SPECIAL, (row, others) -> readable(row)),
            new Source("policyLabRoundsReviewed", "lab_reviewers", "telegram_user_id", false, "round_id",
                    Erasure.DELETE, (row, others) -> namingStaff(row, "added_by", others)),
            new Source("policyLabScoresGiven", "lab_scores", "reviewer_id", false, "rowid"),
            new Source("policyLabComments", "lab_comments", "reviewer_id", false, "id"),
            new Source("eventInvitations", "event_invitations", "member_id", true, "invited_at"),
            new Source("eventAnswers", "event_replies", "member_id", true, "answered_at"),
            new Source("eventAttendance", "event_attendance", "member_id", true, "recorded_at", Erasure.DELETE,
                    (row, others) -> namingStaff(row, "recorded_by", others)),
            new Source("calendarFeed", "calendar_feeds", "member_id", true, "rowid"),
            new Source("conversations", "conversations", "user_id", false, "rowid"),
            new Source("savedSearches", "saved_searches", "user_id", false, "rowid"),
            new Source("confirmations", "confirmations", "telegram_user_id", false, "rowid"),
            new Source("messagesSentToYou", "outbox", "chat_id", false, "id"),
            new Source("dashboardLogins", "web_login_tokens", "telegram_user_id", false, "rowid"),
            new Source("dashboardSessions", "web_sessions", "telegram_user_id", false, "rowid"),
            new Source("yourActions", "audit_log", "actor_user_id", false, "rowid", Erasure.SPECIAL,
                    PersonalData::yourAction),
            new Source("actionsAboutYou", "audit_log", "subject_user_id", false, "rowid", Erasure.SPECIAL,
                    PersonalData::actionAboutYou));
    /**
     * Who did something in a role (staff or a moderator): kept as what was done, without who, when they are erased;
     * 0 where the column must hold a value.
     */
    private static final List<String[]> ACTS = List.of(new String[] {"synonyms", "added_by"},
            new String[] {"members", "verified_by"}, new String[] {"rules_versions", "created_by"},
            new String[] {"reports", "handled_by"}, new String[] {"reports", "message_deleted_by"},
            new String[] {"warnings", "warned_by"},
            new String[] {"lead_links", "linked_by"}, new String[] {"lead_claims", "created_by"},
            new String[] {"reminder_mutes", "muted_by"}, new String[] {"extra_reminders", "created_by"},
            new String[] {"newsletters", "created_by"}, new String[] {"newsletters", "started_by"},
            new String[] {"newsletters", "report_chat_id"}, new String[] {"lab_rounds", "created_by"},
            new String[] {"lab_reviewers", "added_by"}, new String[] {"lab_applications", "decided_by"},
            new String[] {"events", "created_by"}, new String[] {"event_attendance", "recorded_by"});
    private static final List<String> REQUIRED_ACTS = List.of("warnings.warned_by", "lead_claims.created_by",
            "reminder_mutes.muted_by", "extra_reminders.created_by", "newsletters.created_by", "lab_rounds.created_by",
            "lab_reviewers.added_by", "event_attendance.recorded_by");

    /** Columns never given out: secrets (hashes of login tokens) and the stored messages' machinery. */
    private static final List<String> WITHHELD = List.of("token_hash", "session_hash", "csrf", "dedupe_key", "payload");

    /**
     * A stored update of someone else that names this person as a user (a reply to their message quotes it, with
     * their id and name): Telegram's User objects are the objects with an "is_bot" field.
     */
    private static final String MENTIONS = "status <> 'PENDING' AND EXISTS (SELECT 1 FROM json_tree(inbox.payload) t "
            + "WHERE t.type = 'object' AND json_type(t.value, '$.is_bot') IS NOT NULL "
            + "AND json_extract(t.value, '$.id') = :id)";

    /** What stands in the audit log's words where an erased person's id or name was. */
    private static final String ERASED = "…";

    private final Jdbi jdbi;
    private final Clock clock;

    public PersonalData(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    /**
     * Everything held about a person, section by section, as plain values (times as ISO-8601 where the column is a
     * time): their member record first, then one list of rows per source. Empty sections are kept (they say "none").
     */
    public Map<String, Object> export(long telegramUserId, OthersNamed others) {
        return jdbi.withHandle(h -> {
            Map<String, Object> data = new LinkedHashMap<>();
            Optional<Map<String, Object>> member = h.createQuery("SELECT * FROM members WHERE telegram_user_id = :id")
                    .bind("id", telegramUserId).mapToMap().findOne();
            data.put("member", member.map(m -> namingStaff(m, "verified_by", others)).orElse(Map.of()));
            Optional<Long> memberId = member.map(m -> ((Number) m.get("id")).longValue());
            for (Source source : SOURCES) {
                if (source.byMemberId() && memberId.isEmpty()) {
                    data.put(source.section(), List.of());
                    continue;
                }
                List<Map<String, Object>> rows = new ArrayList<>();
                h.createQuery("SELECT * FROM " + source.table() + " WHERE " + source.column() + " = :id ORDER BY "
                        + source.order()).bind("id", source.byMemberId() ? memberId.get() : telegramUserId)
                        .mapToMap().forEach(row -> rows.add(source.projection().of(row, others)));
                data.put(source.section(), rows);
            }
            data.put("messagesYouSent", inboxOf(h, telegramUserId,
                    new OwnUpdate.Others(otherPeople(h, telegramUserId), others.aMember())));
            return data;
        });
    }

    /** The updates of the person still kept (their messages and taps), each as far as it is theirs. */
    private static List<Map<String, Object>> inboxOf(Handle h, long telegramUserId, OwnUpdate.Others others) {
        List<Map<String, Object>> rows = new ArrayList<>();
        h.createQuery("SELECT update_id, kind, received_at, payload FROM inbox WHERE " + INBOX_OF + " ORDER BY update_id")
                .bind("id", telegramUserId).mapToMap().forEach(row -> {
                    Map<String, Object> readable = new LinkedHashMap<>();
                    readable.put("update_id", row.get("update_id"));
                    readable.put("kind", row.get("kind"));
                    readable.put("received_at", time(row.get("received_at")));
                    readable.putAll(OwnUpdate.of(String.valueOf(row.get("payload")), telegramUserId, others));
                    rows.add(readable);
                });
        return rows;
    }

    /** The Telegram ids of everyone else the bot knows of: members, people reported or reporting, in groups. */
    private static Set<Long> otherPeople(Handle h, long telegramUserId) {
        return new HashSet<>(h.createQuery("SELECT telegram_user_id FROM members UNION SELECT reporter_id FROM reports "
                + "UNION SELECT reported_user_id FROM reports UNION SELECT telegram_user_id FROM group_memberships "
                + "UNION SELECT telegram_user_id FROM join_requests UNION SELECT subject_user_id FROM audit_log "
                + "UNION SELECT actor_user_id FROM audit_log").mapTo(Long.class).list().stream()
                .filter(id -> id != null && id > 0 && id != telegramUserId).toList());
    }

    /** The inbox rows of a person: their private chat, and what they did in groups. */
    static final String INBOX_OF = "(chat_key = :id OR json_extract(payload, '$.message.from.id') = :id "
            + "OR json_extract(payload, '$.edited_message.from.id') = :id "
            + "OR json_extract(payload, '$.callback_query.from.id') = :id "
            + "OR json_extract(payload, '$.inline_query.from.id') = :id "
            + "OR json_extract(payload, '$.chat_join_request.from.id') = :id "
            + "OR json_extract(payload, '$.chat_member.new_chat_member.user.id') = :id "
            + "OR json_extract(payload, '$.message_reaction.user.id') = :id)";

    private static Map<String, Object> readable(Map<String, Object> row) {
        Map<String, Object> readable = new LinkedHashMap<>();
        row.forEach((column, value) -> {
            if (!WITHHELD.contains(column)) {
                readable.put(column, column.endsWith("_at") || column.equals("until") ? time(value) : value);
            }
        });
        return readable;
    }

    /** Only these columns, readable. */
    private static Map<String, Object> only(Map<String, Object> row, String... columns) {
        Map<String, Object> picked = new LinkedHashMap<>();
        for (String column : columns) {
            picked.put(column, row.get(column));
        }
        return readable(picked);
    }

    /** A row whose column names the member of staff who acted: that they did, not who. */
    private static Map<String, Object> namingStaff(Map<String, Object> row, String column, OthersNamed others) {
        Map<String, Object> readable = readable(row);
        readable.put(column, row.get(column) == null ? null : others.theStaff());
        return readable;
    }

    private static Map<String, Object> warning(Map<String, Object> row, OthersNamed others) {
        Map<String, Object> readable = only(row, "id", "group_id", "created_at");
        readable.put("warned_by", others.theModerators());
        return readable;
    }

    /** A report the person made: about whose message, and what was done to them, is that person's. */
    private static Map<String, Object> reportMade(Map<String, Object> row, OthersNamed others) {
        Map<String, Object> readable = only(row, "id", "group_id", "created_at", "handled_at");
        readable.put("dealt_with_by", row.get("handled_by") == null ? null : others.theModerators());
        return readable;
    }

    /** A report about the person's message: their own words, and what was done, but not who reported or acted. */
    private static Map<String, Object> reportAboutYou(Map<String, Object> row, OthersNamed others) {
        Map<String, Object> readable = only(row, "id", "group_id", "message_id", "excerpt", "status", "created_at",
                "handled_at", "message_deleted_at");
        readable.put("reported_by", others.aMember());
        readable.put("dealt_with_by", row.get("handled_by") == null ? null : others.theModerators());
        return readable;
    }

    /** An act of the person: what, when, where; whom it was about is that person's. */
    private static Map<String, Object> yourAction(Map<String, Object> row, OthersNamed others) {
        return only(row, "action", "at", "group_id", "subject");
    }

    /** An act about the person: what, when, where, and in which role it was done. */
    private static Map<String, Object> actionAboutYou(Map<String, Object> row, OthersNamed others) {
        Map<String, Object> readable = only(row, "action", "at", "group_id");
        String action = String.valueOf(row.get("action"));
        readable.put("by", row.get("actor_user_id") == null ? others.theBot()
                : action.startsWith("moderation.") ? others.theModerators() : others.theStaff());
        return readable;
    }

    /**
     * Takes the person out of the audit log's words: their Telegram id wherever it stands as a number of its own, and
     * their first name and @username in the entries about or by them and in the kinds that once named people in words
     * (leads and reviewers, written before the person had a column of their own). What was done stays.
     * Must run before the person columns are cleared. @return how many entries were changed
     */
    private static int scrubAuditText(Handle h, long telegramUserId) {
        Optional<Map<String, Object>> member = h.createQuery("SELECT first_name, username FROM members "
                + "WHERE telegram_user_id = :id").bind("id", telegramUserId).mapToMap().findOne();
        List<Pattern> patterns = new ArrayList<>();
        patterns.add(Pattern.compile("(?<!\\d)" + telegramUserId + "(?!\\d)"));
        member.map(m -> m.get("first_name")).map(String::valueOf).map(String::strip).filter(n -> !n.isEmpty())
                .ifPresent(name -> patterns.add(word(name)));
        member.map(m -> m.get("username")).map(String::valueOf).map(u -> u.strip().replaceFirst("^@", ""))
                .filter(u -> !u.isEmpty() && !u.equals("null")).ifPresent(username -> patterns.add(word(username)));
        List<Map<String, Object>> entries = h.createQuery("SELECT id, subject, details, "
                + "(actor_user_id = :id OR subject_user_id = :id OR action LIKE 'lead.%' OR action LIKE 'labs.reviewer%') "
                + "AS theirs FROM audit_log WHERE action <> 'member.erased' AND (theirs OR instr(subject, :text) > 0 "
                + "OR instr(details, :text) > 0)").bind("id", telegramUserId).bind("text", String.valueOf(telegramUserId))
                .mapToMap().list();
        int changed = 0;
        for (Map<String, Object> entry : entries) {
            boolean theirs = entry.get("theirs") instanceof Number n && n.intValue() == 1;
            // names only where the entry can be theirs: another person of the same first name keeps theirs
            List<Pattern> applying = theirs ? patterns : patterns.subList(0, 1);
            String subject = scrub(entry.get("subject"), applying);
            String details = scrub(entry.get("details"), applying);
            if (!Objects.equals(subject, entry.get("subject")) || !Objects.equals(details, entry.get("details"))) {
                changed += h.createUpdate("UPDATE audit_log SET subject = :subject, details = :details WHERE id = :entry")
                        .bind("subject", subject).bind("details", details).bind("entry", entry.get("id")).execute();
            }
        }
        return changed;
    }

    /** The person's first name and username, those of them that are given. */
    private static List<String> nameOf(Handle h, long telegramUserId) {
        List<String> names = new ArrayList<>();
        h.createQuery("SELECT first_name, username FROM members WHERE telegram_user_id = :id").bind("id", telegramUserId)
                .mapToMap().findOne().ifPresent(m -> {
                    for (Object value : List.of(String.valueOf(m.get("first_name")), String.valueOf(m.get("username")))) {
                        String name = String.valueOf(value).strip().replaceFirst("^@", "");
                        if (!name.isEmpty() && !name.equals("null")) {
                            names.add(name);
                        }
                    }
                });
        return names;
    }

    /**
     * A tap that was handled keeps the bot's message it was under, and that message may name the person (a report
     * card: "Bronwen reported a message by Ada"). The bot's words are nobody's to keep: they go from the stored tap,
     * the tap itself stays (it is the tapper's). @return how many stored taps were changed
     */
    private static int forgetBotWordsUnderTaps(Handle h, List<String> names) {
        if (names.isEmpty()) {
            return 0;
        }
        List<Pattern> patterns = names.stream().map(PersonalData::word).toList();
        List<Map<String, Object>> taps = h.createQuery("SELECT update_id, coalesce(json_extract(payload, "
                + "'$.callback_query.message.text'), json_extract(payload, '$.callback_query.message.caption')) AS words "
                + "FROM inbox WHERE status <> 'PENDING' AND json_type(payload, '$.callback_query.message') = 'object'")
                .mapToMap().list();
        int changed = 0;
        for (Map<String, Object> tap : taps) {
            String words = String.valueOf(tap.get("words"));
            if (patterns.stream().anyMatch(p -> p.matcher(words).find())) {
                changed += h.createUpdate("UPDATE inbox SET payload = json_remove(payload, "
                        + "'$.callback_query.message.text', '$.callback_query.message.caption', "
                        + "'$.callback_query.message.entities', '$.callback_query.message.caption_entities') "
                        + "WHERE update_id = :id").bind("id", tap.get("update_id")).execute();
            }
        }
        return changed;
    }

    /** A name as a word of its own, in any case: "Ada" is in "Ada as lead", not in "Adapting". */
    private static Pattern word(String text) {
        return Pattern.compile("(?<![\\p{L}\\p{N}_])" + Pattern.quote(text) + "(?![\\p{L}\\p{N}_])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static String scrub(Object text, List<Pattern> patterns) {
        if (text == null) {
            return null;
        }
        String scrubbed = String.valueOf(text);
        for (Pattern pattern : patterns) {
            scrubbed = pattern.matcher(scrubbed).replaceAll(ERASED);
        }
        return scrubbed;
    }

    private static Object time(Object value) {
        return value instanceof Number ? Instant.ofEpochMilli(((Number) value).longValue()).toString() : value;
    }

    /**
     * Erases a person in one transaction: every row about them is deleted, except the action plan's history, whose
     * answers and notes are kept without their name (as "a former lead"), reports they made (kept as by "a member"),
     * and the audit log, whose entries keep what was done but no longer who did it or to whom. Stored updates of
     * other people that name them (a reply quoting their message) go too, once handled. @return how many rows were
     * deleted or anonymised
     */
    public int erase(long telegramUserId) {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            Optional<Long> memberId = h.createQuery("SELECT id FROM members WHERE telegram_user_id = :id")
                    .bind("id", telegramUserId).mapTo(Long.class).findOne();
            int changed = 0;
            if (memberId.isPresent()) {
                long id = memberId.get();
                changed += h.createUpdate("UPDATE progress_updates SET member_id = NULL, former_lead = 1 WHERE member_id = :id")
                        .bind("id", id).execute();
                for (String table : List.of("lead_links", "reminders", "reminder_snoozes", "newsletter_subscriptions",
                        "newsletter_taps", "event_invitations", "event_replies", "event_attendance", "calendar_feeds")) {
                    changed += h.createUpdate("DELETE FROM " + table + " WHERE member_id = :id").bind("id", id).execute();
                }
                changed += h.createUpdate("UPDATE lead_claims SET claimed_by = NULL WHERE claimed_by = :id")
                        .bind("id", id).execute();
            }
            // warnings point at the report they answered: a report about this person goes, the warning's link first
            h.createUpdate("UPDATE warnings SET report_id = NULL WHERE report_id IN "
                    + "(SELECT id FROM reports WHERE reported_user_id = :id)").bind("id", telegramUserId).execute();
            for (Source source : SOURCES) {
                if (source.byMemberId() || source.erasure() == Erasure.SPECIAL) {
                    continue;
                }
                if (source.erasure() == Erasure.ANONYMISE) {
                    changed += h.createUpdate("UPDATE reports SET reporter_id = 0, reporter_name = '' "
                            + "WHERE reporter_id = :id").bind("id", telegramUserId).execute();
                    continue;
                }
                changed += h.createUpdate("DELETE FROM " + source.table() + " WHERE " + source.column() + " = :id")
                        .bind("id", telegramUserId).execute();
            }
            changed += h.createUpdate("DELETE FROM inbox WHERE " + INBOX_OF).bind("id", telegramUserId).execute();
            changed += h.createUpdate("DELETE FROM inbox WHERE " + MENTIONS).bind("id", telegramUserId).execute();
            changed += forgetBotWordsUnderTaps(h, nameOf(h, telegramUserId));
            for (String[] act : ACTS) {
                String anonymous = REQUIRED_ACTS.contains(act[0] + "." + act[1]) ? "0" : "NULL";
                changed += h.createUpdate("UPDATE " + act[0] + " SET " + act[1] + " = " + anonymous + " WHERE " + act[1]
                        + " = :id").bind("id", telegramUserId).execute();
            }
            changed += scrubAuditText(h, telegramUserId);
            changed += h.createUpdate("UPDATE audit_log SET actor_user_id = NULL WHERE actor_user_id = :id")
                    .bind("id", telegramUserId).execute();
            changed += h.createUpdate("UPDATE audit_log SET subject_user_id = NULL WHERE subject_user_id = :id")
                    .bind("id", telegramUserId).execute();
            // a funded project stays spent budget and an action of the plan, without who applied or leads it; the
            // rest of the person's applications go, with their answers, scores and comments
            changed += h.createUpdate("DELETE FROM lab_answers WHERE question = 'lead' AND application_id IN (SELECT id "
                    + "FROM lab_applications WHERE telegram_user_id = :id AND status = 'FUNDED')")
                    .bind("id", telegramUserId).execute();
            changed += h.createUpdate("UPDATE lab_applications SET member_id = NULL, telegram_user_id = 0 "
                    + "WHERE telegram_user_id = :id AND status = 'FUNDED'").bind("id", telegramUserId).execute();
            changed += h.createUpdate("DELETE FROM lab_applications WHERE telegram_user_id = :id")
                    .bind("id", telegramUserId).execute();
            changed += h.createUpdate("DELETE FROM members WHERE telegram_user_id = :id").bind("id", telegramUserId)
                    .execute();
            h.createUpdate("INSERT INTO audit_log (actor_user_id, action, subject, details, at) "
                    + "VALUES (NULL, 'member.erased', '', :rows, :now)").bind("rows", changed + " rows")
                    .bind("now", now).execute();
            return changed;
        });
    }
}
