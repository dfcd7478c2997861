package org.ccin.store.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ccin.store.Database;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Everything the bot holds about one person, found by their Telegram user id and member id, table by table: to give
 * it to them (/mydata) and to erase it (/forgetme). A new table that holds people's data must be added to
 * {@link #SOURCES} (the test that erases a member checks every table). Thread-safe.
 */
public final class PersonalData {
    /** Where a person's rows are: a table, the column that names them, and whether it holds the member id. */
    private record Source(String section, String table, String column, boolean byMemberId, String order) {
    }

    private static final List<Source> SOURCES = List.of(
            new Source("newsletterSubscriptions", "newsletter_subscriptions", "member_id", true, "subscribed_at"),
            new Source("newsletterTaps", "newsletter_taps", "member_id", true, "tapped_at"),
            new Source("rulesAcceptances", "rules_acceptances", "telegram_user_id", false, "rowid"),
            new Source("groupMemberships", "group_memberships", "telegram_user_id", false, "rowid"),
            new Source("joinRequests", "join_requests", "telegram_user_id", false, "rowid"),
            new Source("inviteLinks", "invite_links", "telegram_user_id", false, "rowid"),
            new Source("warnings", "warnings", "telegram_user_id", false, "rowid"),
            new Source("membershipNotices", "membership_notices", "telegram_user_id", false, "rowid"),
            new Source("groupsModerated", "group_moderators", "telegram_user_id", false, "rowid"),
            new Source("reportsMade", "reports", "reporter_id", false, "rowid"),
            new Source("reportsAboutYou", "reports", "reported_user_id", false, "rowid"),
            new Source("actionsLed", "lead_links", "member_id", true, "rowid"),
            new Source("progressNotes", "progress_updates", "member_id", true, "rowid"),
            new Source("reminders", "reminders", "member_id", true, "rowid"),
            new Source("reminderSnoozes", "reminder_snoozes", "member_id", true, "rowid"),
            new Source("conversations", "conversations", "user_id", false, "rowid"),
            new Source("savedSearches", "saved_searches", "user_id", false, "rowid"),
            new Source("messagesSentToYou", "outbox", "chat_id", false, "id"),
            new Source("dashboardLogins", "web_login_tokens", "telegram_user_id", false, "rowid"),
            new Source("dashboardSessions", "web_sessions", "telegram_user_id", false, "rowid"),
            new Source("yourActions", "audit_log", "actor_user_id", false, "rowid"));
    /**
     * Who did something in a role (staff or a moderator): kept as what was done, without who, when they are erased;
     * 0 where the column must hold a value.
     */
    private static final List<String[]> ACTS = List.of(new String[] {"synonyms", "added_by"},
            new String[] {"members", "verified_by"}, new String[] {"rules_versions", "created_by"},
            new String[] {"reports", "handled_by"}, new String[] {"warnings", "warned_by"},
            new String[] {"lead_links", "linked_by"}, new String[] {"lead_claims", "created_by"},
            new String[] {"reminder_mutes", "muted_by"}, new String[] {"extra_reminders", "created_by"},
            new String[] {"newsletters", "created_by"}, new String[] {"newsletters", "started_by"},
            new String[] {"newsletters", "report_chat_id"});
    private static final List<String> REQUIRED_ACTS = List.of("warnings.warned_by", "lead_claims.created_by",
            "reminder_mutes.muted_by", "extra_reminders.created_by", "newsletters.created_by");

    /** Columns never given out: secrets (hashes of login tokens) and the stored messages' machinery. */
    private static final List<String> WITHHELD = List.of("token_hash", "session_hash", "csrf", "dedupe_key", "payload");

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
    public Map<String, Object> export(long telegramUserId) {
        return jdbi.withHandle(h -> {
            Map<String, Object> data = new LinkedHashMap<>();
            Optional<Map<String, Object>> member = h.createQuery("SELECT * FROM members WHERE telegram_user_id = :id")
                    .bind("id", telegramUserId).mapToMap().findOne().map(PersonalData::readable);
            data.put("member", member.orElse(Map.of()));
            Optional<Long> memberId = member.map(m -> ((Number) m.get("id")).longValue());
            for (Source source : SOURCES) {
                if (source.byMemberId() && memberId.isEmpty()) {
                    data.put(source.section(), List.of());
                    continue;
                }
                List<Map<String, Object>> rows = new ArrayList<>();
                h.createQuery("SELECT * FROM " + source.table() + " WHERE " + source.column() + " = :id ORDER BY "
                        + source.order()).bind("id", source.byMemberId() ? memberId.get() : telegramUserId)
                        .mapToMap().forEach(row -> rows.add(readable(row)));
                data.put(source.section(), rows);
            }
            data.put("messagesYouSent", inboxOf(h, telegramUserId));
            return data;
        });
    }

    /** The updates of the person still kept (their messages and taps), as Telegram sent them. */
    private static List<Map<String, Object>> inboxOf(Handle h, long telegramUserId) {
        List<Map<String, Object>> rows = new ArrayList<>();
        h.createQuery("SELECT update_id, kind, received_at, payload FROM inbox WHERE " + INBOX_OF + " ORDER BY update_id")
                .bind("id", telegramUserId).mapToMap().forEach(row -> {
                    Map<String, Object> readable = new LinkedHashMap<>();
                    readable.put("update_id", row.get("update_id"));
                    readable.put("kind", row.get("kind"));
                    readable.put("received_at", time(row.get("received_at")));
                    readable.put("update", row.get("payload"));
                    rows.add(readable);
                });
        return rows;
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

    private static Object time(Object value) {
        return value instanceof Number ? Instant.ofEpochMilli(((Number) value).longValue()).toString() : value;
    }

    /**
     * Erases a person in one transaction: every row about them is deleted, except the action plan's history, whose
     * answers and notes are kept without their name (as "a former lead"), and the audit log, whose entries keep what
     * was done but no longer who did it. @return how many rows were deleted or anonymised
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
                        "newsletter_taps")) {
                    changed += h.createUpdate("DELETE FROM " + table + " WHERE member_id = :id").bind("id", id).execute();
                }
                changed += h.createUpdate("UPDATE lead_claims SET claimed_by = NULL WHERE claimed_by = :id")
                        .bind("id", id).execute();
            }
            for (Source source : SOURCES) {
                if (source.byMemberId() || source.table().equals("audit_log")) {
                    continue;
                }
                changed += h.createUpdate("DELETE FROM " + source.table() + " WHERE " + source.column() + " = :id")
                        .bind("id", telegramUserId).execute();
            }
            changed += h.createUpdate("DELETE FROM inbox WHERE " + INBOX_OF).bind("id", telegramUserId).execute();
            for (String[] act : ACTS) {
                String anonymous = REQUIRED_ACTS.contains(act[0] + "." + act[1]) ? "0" : "NULL";
                changed += h.createUpdate("UPDATE " + act[0] + " SET " + act[1] + " = " + anonymous + " WHERE " + act[1]
                        + " = :id").bind("id", telegramUserId).execute();
            }
            changed += h.createUpdate("UPDATE audit_log SET actor_user_id = NULL WHERE actor_user_id = :id")
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
