package org.ccin.store.groups;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.ccin.store.Database;
import org.ccin.store.UpsertOutcome;
import org.ccin.store.internal.Rows;
import org.ccin.store.members.WorkRole;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** The catalogue of groups, their Telegram chats and moderators. Thread-safe. */
public final class GroupRepository {
    static final RowMapper<ChatGroup> GROUP = (rs, ctx) -> new ChatGroup(rs.getLong("id"), rs.getString("code"),
            Rows.number(rs, "chat_id"), GroupKind.valueOf(rs.getString("kind")), rs.getString("title"),
            rs.getString("title_cy"), rs.getString("purpose"), rs.getString("purpose_cy"),
            lines(rs.getString("allowed_categories")),
            lines(rs.getString("allowed_roles")).stream().map(WorkRole::valueOf).collect(Collectors.toList()),
            rs.getInt("network_members_only") == 1, rs.getInt("verified_only") == 1, rs.getInt("chatham_house") == 1,
            rs.getInt("remove_on_rules_lapse") == 1, Rows.number(rs, "welcome_thread_id").map(Long::intValue),
            Rows.number(rs, "last_welcome_message_id").map(Long::intValue), Rows.instant(rs, "welcome_burst_started"),
            GroupStatus.valueOf(rs.getString("status")));

    private final Jdbi jdbi;
    private final Clock clock;

    public GroupRepository(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    public List<ChatGroup> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM chat_groups ORDER BY kind, title").map(GROUP).list());
    }

    public Optional<ChatGroup> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM chat_groups WHERE id = :id").bind("id", id)
                .map(GROUP).findOne());
    }

    public Optional<ChatGroup> byCode(String code) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM chat_groups WHERE code = :code").bind("code", code)
                .map(GROUP).findOne());
    }

    public Optional<ChatGroup> byChat(long chatId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM chat_groups WHERE chat_id = :chat").bind("chat", chatId)
                .map(GROUP).findOne());
    }

    /** Links a group of the catalogue to its Telegram chat and opens it. */
    public ChatGroup activate(long groupId, long chatId) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE chat_groups SET chat_id = :chat, status = 'ACTIVE', updated_at = :now "
                + "WHERE id = :id").bind("chat", chatId).bind("id", groupId).bind("now", clock.instant()).execute());
        return find(groupId).orElseThrow();
    }

    /** A new group made from a Telegram chat that was not in the catalogue. */
    public ChatGroup create(String code, long chatId, String title) {
        Instant now = clock.instant();
        long id = jdbi.withHandle(h -> h.createUpdate("""
                INSERT INTO chat_groups (code, chat_id, kind, title, status, created_at, updated_at)
                VALUES (:code, :chat, 'THEME', :title, 'ACTIVE', :now, :now)
                """).bind("code", code).bind("chat", chatId).bind("title", title).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return find(id).orElseThrow();
    }

    public ChatGroup update(long groupId, GroupSettings settings) {
        jdbi.useHandle(h -> h.createUpdate("""
                UPDATE chat_groups SET kind = :kind, title = :titleEn, title_cy = :titleCy, purpose = :purposeEn,
                    purpose_cy = :purposeCy, allowed_categories = :categories, allowed_roles = :roles,
                    network_members_only = :networkMembersOnly, verified_only = :verifiedOnly,
                    chatham_house = :chathamHouse, remove_on_rules_lapse = :removeOnRulesLapse, updated_at = :now
                WHERE id = :id
                """).bindMethods(settings).bind("kind", settings.kind().name())
                .bind("categories", String.join("\n", settings.allowedCategories()))
                .bind("roles", settings.allowedRoles().stream().map(Enum::name).collect(Collectors.joining("\n")))
                .bind("now", clock.instant()).bind("id", groupId).execute());
        return find(groupId).orElseThrow();
    }

    /** The group was upgraded to a supergroup and has a new chat id. */
    public void migrate(long oldChatId, long newChatId) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE chat_groups SET chat_id = :new, updated_at = :now WHERE chat_id = :old")
                .bind("new", newChatId).bind("old", oldChatId).bind("now", clock.instant()).execute());
    }

    public void setStatus(long groupId, GroupStatus status) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE chat_groups SET status = :status, updated_at = :now WHERE id = :id")
                .bind("status", status.name()).bind("id", groupId).bind("now", clock.instant()).execute());
    }

    public void setWelcomeThread(long groupId, Optional<Integer> threadId) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE chat_groups SET welcome_thread_id = :thread WHERE id = :id")
                .bind("thread", threadId.orElse(null)).bind("id", groupId).execute());
    }

    /** Remembers the welcome message shown now, and when its burst of joins began. */
    public void setWelcome(long groupId, int messageId, Instant burstStarted) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE chat_groups SET last_welcome_message_id = :message, "
                + "welcome_burst_started = :started WHERE id = :id").bind("message", messageId)
                .bind("started", burstStarted).bind("id", groupId).execute());
    }

    /** Someone who joined a group, by the first name Telegram gave. */
    public record Joiner(long userId, String firstName) {
    }

    /**
     * Adds people to the group's current burst of joins (a burst that began before {@code burstStarted} is
     * forgotten first). @return everyone of the burst, in the order they joined
     */
    public List<Joiner> addToWelcome(long groupId, Instant burstStarted, List<Joiner> joiners) {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            h.createUpdate("DELETE FROM welcome_names WHERE group_id = :group AND joined_at < :started")
                    .bind("group", groupId).bind("started", burstStarted).execute();
            for (Joiner joiner : joiners) {
                h.createUpdate("""
                        INSERT INTO welcome_names (group_id, telegram_user_id, first_name, joined_at)
                        VALUES (:group, :user, :name, :now)
                        ON CONFLICT (group_id, telegram_user_id) DO UPDATE SET first_name = excluded.first_name
                        """).bind("group", groupId).bind("user", joiner.userId()).bind("name", joiner.firstName())
                        .bind("now", now).execute();
            }
            return h.createQuery("SELECT telegram_user_id, first_name FROM welcome_names WHERE group_id = :group "
                    + "ORDER BY joined_at, rowid").bind("group", groupId)
                    .map((rs, ctx) -> new Joiner(rs.getLong("telegram_user_id"), rs.getString("first_name"))).list();
        });
    }

    public List<Long> moderators(long groupId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT telegram_user_id FROM group_moderators WHERE group_id = :id "
                + "ORDER BY telegram_user_id").bind("id", groupId).mapTo(Long.class).list());
    }

    public void setModerators(long groupId, Set<Long> userIds) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM group_moderators WHERE group_id = :id").bind("id", groupId).execute();
            for (long user : userIds) {
                h.createUpdate("INSERT INTO group_moderators (group_id, telegram_user_id) VALUES (:id, :user)")
                        .bind("id", groupId).bind("user", user).execute();
            }
        });
    }

    public boolean isModerator(long groupId, long userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM group_moderators WHERE group_id = :id "
                + "AND telegram_user_id = :user").bind("id", groupId).bind("user", userId).mapTo(Integer.class).one()) > 0;
    }

    public boolean moderatesAny(long userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM group_moderators WHERE telegram_user_id = :user")
                .bind("user", userId).mapTo(Integer.class).one()) > 0;
    }

    /** Inserts or updates a catalogue entry by code, inside the caller's transaction (import). */
    public UpsertOutcome upsert(Handle h, String code, GroupSettings settings) {
        Optional<ChatGroup> existing = h.createQuery("SELECT * FROM chat_groups WHERE code = :code").bind("code", code)
                .map(GROUP).findOne();
        if (existing.isPresent() && GroupSettings.of(existing.get()).equals(settings)) {
            return UpsertOutcome.UNCHANGED;
        }
        h.createUpdate("""
                INSERT INTO chat_groups (code, kind, title, title_cy, purpose, purpose_cy, allowed_categories,
                    allowed_roles, network_members_only, verified_only, chatham_house, remove_on_rules_lapse,
                    created_at, updated_at)
                VALUES (:code, :kind, :titleEn, :titleCy, :purposeEn, :purposeCy, :categories, :roles,
                    :networkMembersOnly, :verifiedOnly, :chathamHouse, :removeOnRulesLapse, :now, :now)
                ON CONFLICT (code) DO UPDATE SET kind = excluded.kind, title = excluded.title,
                    title_cy = excluded.title_cy, purpose = excluded.purpose, purpose_cy = excluded.purpose_cy,
                    allowed_categories = excluded.allowed_categories, allowed_roles = excluded.allowed_roles,
                    network_members_only = excluded.network_members_only, verified_only = excluded.verified_only,
                    chatham_house = excluded.chatham_house, remove_on_rules_lapse = excluded.remove_on_rules_lapse,
                    updated_at = excluded.updated_at
                """).bindMethods(settings).bind("code", code).bind("kind", settings.kind().name())
                .bind("categories", String.join("\n", settings.allowedCategories()))
                .bind("roles", settings.allowedRoles().stream().map(Enum::name).collect(Collectors.joining("\n")))
                .bind("now", clock.instant()).execute();
        return existing.isPresent() ? UpsertOutcome.UPDATED : UpsertOutcome.ADDED;
    }

    static List<String> lines(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
