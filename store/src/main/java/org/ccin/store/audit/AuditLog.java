package org.ccin.store.audit;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.ccin.store.Database;
import org.ccin.store.internal.Rows;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** The record of acts that change other people's data or rights (imports, moderation, staff edits). Thread-safe. */
public final class AuditLog {
    private static final RowMapper<AuditEntry> ENTRY = (rs, ctx) -> new AuditEntry(rs.getLong("id"),
            Rows.requiredInstant(rs, "at"), Rows.number(rs, "actor_user_id"), rs.getString("action"),
            Rows.text(rs, "subject"), Rows.text(rs, "details"));

    private final Jdbi jdbi;
    private final Clock clock;

    public AuditLog(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    public void record(Optional<Long> actorUserId, String action, String subject, String details) {
        jdbi.useHandle(h -> h.createUpdate("""
                INSERT INTO audit_log (at, actor_user_id, action, subject, details)
                VALUES (:at, :actor, :action, :subject, :details)
                """).bind("at", clock.instant()).bind("actor", actorUserId.orElse(null)).bind("action", action)
                .bind("subject", subject).bind("details", details).execute());
    }

    public List<AuditEntry> recent(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM audit_log ORDER BY id DESC LIMIT :limit")
                .bind("limit", limit).map(ENTRY).list());
    }
}
