package org.ccin.store.members;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ccin.store.Database;
import org.ccin.store.StoreException;
import org.ccin.store.internal.Rows;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** Members and their profiles. Thread-safe. */
public final class MemberRepository {
    static final RowMapper<Member> MEMBER = (rs, ctx) -> new Member(
            rs.getLong("id"),
            rs.getLong("telegram_user_id"),
            rs.getString("first_name"),
            Rows.text(rs, "username"),
            rs.getString("language"),
            Rows.number(rs, "organisation_id"),
            Rows.text(rs, "organisation_other"),
            Rows.text(rs, "category_code"),
            Rows.text(rs, "work_role").map(WorkRole::valueOf),
            Rows.text(rs, "region_code"),
            Rows.instant(rs, "registered_at"),
            Rows.requiredInstant(rs, "created_at"),
            Rows.requiredInstant(rs, "updated_at"),
            Rows.instant(rs, "unreachable_at"),
            Verification.valueOf(rs.getString("verification")));

    private final Jdbi jdbi;
    private final Clock clock;

    public MemberRepository(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    public Optional<Member> findByTelegramId(long telegramUserId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM members WHERE telegram_user_id = :id")
                .bind("id", telegramUserId).map(MEMBER).findOne());
    }

    public Optional<Member> findByUsername(String username) {
        String name = username.startsWith("@") ? username.substring(1) : username;
        // rows stored before usernames were kept unique may share one: the latest to be updated is likeliest to hold it
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM members WHERE lower(username) = lower(:name) "
                + "ORDER BY updated_at DESC, id DESC LIMIT 1").bind("name", name).map(MEMBER).findOne());
    }

    /**
     * The member for this Telegram user, created on first contact with the given language. Name and username are
     * refreshed when Telegram reports new ones; the language is never overwritten once chosen. A username reported
     * here is taken off any other member's record (it was given up and taken over).
     */
    public Member recordContact(long telegramUserId, String firstName, Optional<String> username, String language) {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            // Telegram gives a username to one person at a time: whoever reports it now takes it from older records
            username.ifPresent(name -> h.createUpdate("UPDATE members SET username = NULL "
                    + "WHERE lower(username) = lower(:name) AND telegram_user_id <> :id").bind("name", name)
                    .bind("id", telegramUserId).execute());
            h.createUpdate("""
                    INSERT INTO members (telegram_user_id, first_name, username, language, created_at, updated_at)
                    VALUES (:id, :firstName, :username, :language, :now, :now)
                    ON CONFLICT (telegram_user_id) DO UPDATE SET first_name = excluded.first_name,
                        username = excluded.username, updated_at = excluded.updated_at, unreachable_at = NULL
                    WHERE members.first_name IS NOT excluded.first_name OR members.username IS NOT excluded.username
                        OR members.unreachable_at IS NOT NULL
                    """).bind("id", telegramUserId).bind("firstName", firstName)
                    .bind("username", username.orElse(null)).bind("language", language).bind("now", now).execute();
            return h.createQuery("SELECT * FROM members WHERE telegram_user_id = :id").bind("id", telegramUserId)
                    .map(MEMBER).one();
        });
    }

    public Member setLanguage(long telegramUserId, String language) {
        return update(telegramUserId, "UPDATE members SET language = :value, updated_at = :now "
                + "WHERE telegram_user_id = :id", language);
    }

    /** Saves the whole profile; the first complete profile marks the member as registered. */
    public Member saveProfile(long telegramUserId, Profile profile) {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            int rows = h.createUpdate("""
                    UPDATE members SET organisation_id = :organisationId, organisation_other = :organisationOther,
                        category_code = :category, work_role = :workRole, region_code = :region,
                        registered_at = CASE WHEN registered_at IS NULL AND :complete THEN :now ELSE registered_at END,
                        updated_at = :now
                    WHERE telegram_user_id = :id
                    """).bind("organisationId", profile.organisationId().orElse(null))
                    .bind("organisationOther", profile.organisationOther().orElse(null))
                    .bind("category", profile.categoryCode().orElse(null))
                    .bind("workRole", profile.workRole().map(Enum::name).orElse(null))
                    .bind("region", profile.regionCode().orElse(null))
                    .bind("complete", profile.isComplete())
                    .bind("now", now).bind("id", telegramUserId).execute();
            if (rows != 1) {
                throw new StoreException("no member with Telegram id " + telegramUserId);
            }
            return h.createQuery("SELECT * FROM members WHERE telegram_user_id = :id").bind("id", telegramUserId)
                    .map(MEMBER).one();
        });
    }

    /** The person blocked the bot (or is gone): they are not counted as reachable until they write again. */
    public void markUnreachable(long telegramUserId) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE members SET unreachable_at = :now WHERE telegram_user_id = :id "
                + "AND unreachable_at IS NULL").bind("now", clock.instant()).bind("id", telegramUserId).execute());
    }

    public boolean isUnreachable(long telegramUserId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT unreachable_at IS NOT NULL FROM members "
                + "WHERE telegram_user_id = :id").bind("id", telegramUserId).mapTo(Boolean.class).findOne()
                .orElse(false));
    }

    /** Records staff's decision on a member's organisation and category, or the automatic one at registration. */
    public void setVerification(long telegramUserId, Verification verification, Optional<Long> by) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE members SET verification = :v, verified_by = :by, verified_at = :now, "
                + "updated_at = :now WHERE telegram_user_id = :id").bind("v", verification.name())
                .bind("by", by.orElse(null)).bind("now", clock.instant()).bind("id", telegramUserId).execute());
    }

    /** Registered members waiting for staff to check their organisation or category, oldest first. */
    public List<Member> pendingVerification() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM members WHERE verification = 'PENDING' "
                + "AND registered_at IS NOT NULL ORDER BY registered_at").map(MEMBER).list());
    }

    /** The registered members who chose this organisation from the list. */
    public List<Member> ofOrganisation(long organisationId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM members WHERE organisation_id = :org "
                + "AND registered_at IS NOT NULL").bind("org", organisationId).map(MEMBER).list());
    }

    /** Registered members whose first name or username contains the words given, by name (for staff to pick). */
    public List<Member> searchRegistered(String words, int limit) {
        String like = "%" + Rows.likeLiteral(words.strip().toLowerCase(java.util.Locale.ROOT)) + "%";
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM members WHERE registered_at IS NOT NULL AND "
                + "(lower(first_name) LIKE :like " + Rows.LIKE_ESCAPE + " OR lower(coalesce(username, '')) LIKE :like "
                + Rows.LIKE_ESCAPE + ") ORDER BY first_name, id LIMIT :limit").bind("like", like).bind("limit", limit)
                .map(MEMBER).list());
    }

    public Optional<Member> findById(long memberId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM members WHERE id = :id").bind("id", memberId)
                .map(MEMBER).findOne());
    }

    public int countRegistered() {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM members WHERE registered_at IS NOT NULL")
                .mapTo(Integer.class).one());
    }

    private Member update(long telegramUserId, String sql, Object value) {
        return jdbi.inTransaction(h -> {
            int rows = h.createUpdate(sql).bind("value", value).bind("now", clock.instant())
                    .bind("id", telegramUserId).execute();
            if (rows != 1) {
                throw new StoreException("no member with Telegram id " + telegramUserId);
            }
            return h.createQuery("SELECT * FROM members WHERE telegram_user_id = :id").bind("id", telegramUserId)
                    .map(MEMBER).one();
        });
    }
}
