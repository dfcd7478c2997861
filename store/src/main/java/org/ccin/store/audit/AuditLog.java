package org.ccin.store.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ccin.store.Database;
import org.ccin.store.internal.Rows;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

/**
 * The record of acts that change other people's data or rights (imports, moderation, staff edits, automatic
 * removals), and what staff read of it: pages filtered by group, person and kind. Thread-safe.
 */
public final class AuditLog {
    private static final RowMapper<AuditEntry> ENTRY = (rs, ctx) -> new AuditEntry(rs.getLong("id"),
            Rows.requiredInstant(rs, "at"), Rows.number(rs, "actor_user_id"), rs.getString("action"),
            Rows.text(rs, "subject"), Rows.text(rs, "details"), Rows.number(rs, "group_id"),
            Rows.number(rs, "subject_user_id"));

    private final Jdbi jdbi;
    private final Clock clock;

    public AuditLog(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    /** An act not about one group or person (an import, a newsletter, a staff edit). */
    public void record(Optional<Long> actorUserId, String action, String subject, String details) {
        record(actorUserId, action, Optional.empty(), Optional.empty(), subject, details);
    }

    /**
     * An act in a group and/or about a person: they are kept in columns of their own, never inside the subject's
     * text, so that staff can filter by them and the person's erasure can find them.
     */
    public void record(Optional<Long> actorUserId, String action, Optional<Long> groupId, Optional<Long> subjectUserId,
                       String subject, String details) {
        jdbi.useHandle(h -> h.createUpdate("""
                INSERT INTO audit_log (at, actor_user_id, action, subject, details, group_id, subject_user_id)
                VALUES (:at, :actor, :action, :subject, :details, :group, :person)
                """).bind("at", clock.instant()).bind("actor", actorUserId.orElse(null)).bind("action", action)
                .bind("subject", subject).bind("details", details).bind("group", groupId.orElse(null))
                .bind("person", subjectUserId.orElse(null)).execute());
    }

    /** Whether this was recorded about this person since then (e.g. they asked staff already this week). */
    public boolean recordedAbout(String action, long subjectUserId, Instant since) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM audit_log WHERE action = :action "
                + "AND subject_user_id = :person AND at >= :since").bind("action", action).bind("person", subjectUserId)
                .bind("since", since).mapTo(Integer.class).one()) > 0;
    }

    public List<AuditEntry> recent(int limit) {
        return page(AuditFilter.everything(), 0, limit).entries();
    }

    /** One page of the entries the filter lets through, newest first. */
    public AuditPage page(AuditFilter filter, int offset, int limit) {
        int start = Math.max(0, offset);
        return jdbi.withHandle(h -> {
            int total = bind(h.createQuery("SELECT count(*) FROM audit_log WHERE " + where(filter)), filter)
                    .mapTo(Integer.class).one();
            List<AuditEntry> entries = bind(h.createQuery("SELECT * FROM audit_log WHERE " + where(filter)
                    + " ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset"), filter)
                    .bind("limit", Math.max(0, limit)).bind("offset", start).map(ENTRY).list();
            return new AuditPage(entries, start, total);
        });
    }

    /** Every entry the filter lets through, newest first, up to {@code max} (a download). */
    public List<AuditEntry> all(AuditFilter filter, int max) {
        return page(filter, 0, max).entries();
    }

    private static String where(AuditFilter filter) {
        List<String> conditions = new ArrayList<>();
        conditions.add("1 = 1");
        filter.groupId().ifPresent(g -> conditions.add("group_id = :group"));
        filter.personId().ifPresent(p -> conditions.add("(actor_user_id = :person OR subject_user_id = :person)"));
        filter.kind().ifPresent(kind -> {
            List<String> alternatives = new ArrayList<>();
            for (int i = 0; i < kind.actionPatterns().size(); i++) {
                alternatives.add("action LIKE :kind" + i);
            }
            conditions.add("(" + String.join(" OR ", alternatives) + ")");
        });
        filter.since().ifPresent(s -> conditions.add("at >= :since"));
        return String.join(" AND ", conditions);
    }

    private static Query bind(Query query, AuditFilter filter) {
        filter.groupId().ifPresent(g -> query.bind("group", g));
        filter.personId().ifPresent(p -> query.bind("person", p));
        filter.kind().ifPresent(kind -> {
            for (int i = 0; i < kind.actionPatterns().size(); i++) {
                query.bind("kind" + i, kind.actionPatterns().get(i));
            }
        });
        filter.since().ifPresent(s -> query.bind("since", s));
        return query;
    }
}
