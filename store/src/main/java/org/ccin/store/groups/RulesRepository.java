package org.ccin.store.groups;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.ccin.store.Database;
import org.ccin.store.internal.Rows;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The rules of engagement in versions, and who accepted which. The current rules of a group are the newest
 * published network rules plus the newest published additions of that group. Thread-safe.
 */
public final class RulesRepository {
    private static final RowMapper<RulesVersion> VERSION = (rs, ctx) -> new RulesVersion(rs.getLong("id"),
            Rows.number(rs, "group_id"), rs.getInt("version"), rs.getString("text_en"), rs.getString("text_cy"),
            "PUBLISHED".equals(rs.getString("status")), Rows.instant(rs, "published_at"),
            Rows.instant(rs, "grace_until"));

    private final Jdbi jdbi;
    private final Clock clock;

    public RulesRepository(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    /** The newest published network rules (empty only before any were published). */
    public Optional<RulesVersion> currentNetwork() {
        return current(Optional.empty());
    }

    /** The newest published additions of a group, if it has any. */
    public Optional<RulesVersion> currentAdditions(long groupId) {
        return current(Optional.of(groupId));
    }

    public Optional<RulesVersion> current(Optional<Long> groupId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM rules_versions WHERE coalesce(group_id, 0) = :group "
                + "AND status = 'PUBLISHED' ORDER BY version DESC LIMIT 1").bind("group", groupId.orElse(0L))
                .map(VERSION).findOne());
    }

    public Optional<RulesVersion> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM rules_versions WHERE id = :id").bind("id", id)
                .map(VERSION).findOne());
    }

    /** The versions a member of this group must have accepted: the network's, and the group's additions if any. */
    public List<RulesVersion> currentFor(long groupId) {
        return java.util.stream.Stream.of(currentNetwork(), currentAdditions(groupId)).flatMap(Optional::stream).toList();
    }

    /** Publishes a new version at once (staff, from chat). */
    public RulesVersion publish(Optional<Long> groupId, String textEn, String textCy, long by, Instant graceUntil) {
        Instant now = clock.instant();
        long id = jdbi.inTransaction(h -> {
            int version = next(h, groupId);
            return h.createUpdate("""
                    INSERT INTO rules_versions (group_id, version, text_en, text_cy, status, created_by, created_at,
                                                published_at, grace_until)
                    VALUES (:group, :version, :en, :cy, 'PUBLISHED', :by, :now, :now, :grace)
                    """).bind("group", groupId.orElse(null)).bind("version", version).bind("en", textEn)
                    .bind("cy", textCy).bind("by", by).bind("now", now).bind("grace", graceUntil)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        });
        return find(id).orElseThrow();
    }

    /**
     * For import: the first version is published as it is; a different text later becomes a draft for staff to
     * publish from chat (publishing asks every member to accept again, which an import must not do on its own).
     *
     * @return "published", "draft" or "unchanged"
     */
    public static String importText(Handle h, Optional<Long> groupId, String textEn, String textCy, Instant now) {
        Optional<RulesVersion> latest = h.createQuery("SELECT * FROM rules_versions WHERE coalesce(group_id, 0) = :group "
                + "ORDER BY version DESC LIMIT 1").bind("group", groupId.orElse(0L)).map(VERSION).findOne();
        if (latest.isPresent() && latest.get().textEn().equals(textEn) && latest.get().textCy().equals(textCy)) {
            return "unchanged";
        }
        boolean first = latest.isEmpty();
        h.createUpdate("""
                INSERT INTO rules_versions (group_id, version, text_en, text_cy, status, created_at, published_at)
                VALUES (:group, :version, :en, :cy, :status, :now, :published)
                """).bind("group", groupId.orElse(null)).bind("version", next(h, groupId)).bind("en", textEn)
                .bind("cy", textCy).bind("status", first ? "PUBLISHED" : "DRAFT").bind("now", now)
                .bind("published", first ? now : null).execute();
        return first ? "published" : "draft";
    }

    private static int next(Handle h, Optional<Long> groupId) {
        return h.createQuery("SELECT coalesce(max(version), 0) + 1 FROM rules_versions WHERE coalesce(group_id, 0) = :group")
                .bind("group", groupId.orElse(0L)).mapTo(Integer.class).one();
    }

    /** The newest draft of a scope, if staff (or an import) prepared one. */
    public Optional<RulesVersion> latestDraft(Optional<Long> groupId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM rules_versions WHERE coalesce(group_id, 0) = :group "
                + "AND status = 'DRAFT' ORDER BY version DESC LIMIT 1").bind("group", groupId.orElse(0L))
                .map(VERSION).findOne());
    }

    /** Records that the full text of these versions was sent to a person (so that they may accept them). */
    public void shown(long userId, Collection<Long> versionIds) {
        Instant now = clock.instant();
        jdbi.useTransaction(h -> {
            for (long versionId : versionIds) {
                h.createUpdate("INSERT OR IGNORE INTO rules_shown (telegram_user_id, rules_version_id, shown_at) "
                        + "VALUES (:user, :version, :now)").bind("user", userId).bind("version", versionId)
                        .bind("now", now).execute();
            }
        });
    }

    /** Records that the full text of one version was sent to each of these people (one transaction). */
    public void shownToAll(Collection<Long> userIds, long versionId) {
        Instant now = clock.instant();
        jdbi.useTransaction(h -> {
            for (long userId : userIds) {
                h.createUpdate("INSERT OR IGNORE INTO rules_shown (telegram_user_id, rules_version_id, shown_at) "
                        + "VALUES (:user, :version, :now)").bind("user", userId).bind("version", versionId)
                        .bind("now", now).execute();
            }
        });
    }

    /** Whether the full text of every one of these versions was sent to the person. */
    public boolean wasShown(long userId, Collection<Long> versionIds) {
        return jdbi.withHandle(h -> {
            for (long versionId : versionIds) {
                if (h.createQuery("SELECT count(*) FROM rules_shown WHERE telegram_user_id = :user "
                        + "AND rules_version_id = :version").bind("user", userId).bind("version", versionId)
                        .mapTo(Integer.class).one() == 0) {
                    return false;
                }
            }
            return true;
        });
    }

    /**
     * Records an acceptance only if the person was shown the full text of every one of these versions: whoever
     * accepts has read what they accept. @return false (and nothing recorded) when a version was never shown to them
     */
    public boolean acceptShown(long userId, Collection<Long> versionIds) {
        if (versionIds.isEmpty() || !wasShown(userId, versionIds)) {
            return false;
        }
        accept(userId, versionIds);
        return true;
    }

    /** Records that a person accepted these versions (once each). */
    public void accept(long userId, Collection<Long> versionIds) {
        Instant now = clock.instant();
        jdbi.useTransaction(h -> {
            for (long versionId : versionIds) {
                h.createUpdate("INSERT OR IGNORE INTO rules_acceptances (telegram_user_id, rules_version_id, accepted_at) "
                        + "VALUES (:user, :version, :now)").bind("user", userId).bind("version", versionId)
                        .bind("now", now).execute();
            }
        });
    }

    public boolean hasAccepted(long userId, long versionId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM rules_acceptances WHERE telegram_user_id = :user "
                + "AND rules_version_id = :version").bind("user", userId).bind("version", versionId)
                .mapTo(Integer.class).one()) > 0;
    }

    /** True when the person accepted every current version that applies to the group. */
    public boolean hasAcceptedCurrent(long userId, long groupId) {
        List<RulesVersion> current = currentFor(groupId);
        return !current.isEmpty() && current.stream().allMatch(v -> hasAccepted(userId, v.id()));
    }

    /** When the person accepted a version, if they did. */
    public Optional<Instant> acceptedAt(long userId, long versionId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT accepted_at FROM rules_acceptances WHERE telegram_user_id = :user "
                + "AND rules_version_id = :version").bind("user", userId).bind("version", versionId)
                .mapTo(Long.class).findOne().map(Instant::ofEpochMilli));
    }
}
