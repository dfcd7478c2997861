package org.ccin.store.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.ccin.store.Database;
import org.jdbi.v3.core.Jdbi;

/**
 * Pruning what nobody needs any more, each after its own period: handled updates (kept meanwhile so that Telegram
 * redelivering one is recognised), settled outbox messages, audit entries, and expired dashboard logins and confirmations. What is
 * still waiting or under way is never pruned. Thread-safe.
 */
public final class Retention {
    private final Jdbi jdbi;
    private final Clock clock;

    public Retention(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    /** What one pruning removed. */
    public record Pruned(int updates, int messages, int auditEntries, int logins) {
    }

    public Pruned prune(Duration updates, Duration messages, Duration audit) {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            int inbox = h.createUpdate("DELETE FROM inbox WHERE status IN ('DONE', 'FAILED', 'QUARANTINED') AND received_at < :before")
                    .bind("before", now.minus(updates)).execute();
            // a newsletter's final figures are kept on the newsletter before its deliveries go
            h.createUpdate("""
                    UPDATE newsletters SET delivered = (SELECT count(*) FROM outbox o WHERE o.kind = 'newsletter'
                                                         AND o.ref_id = newsletters.id AND o.status = 'SENT')
                    WHERE delivered IS NULL AND status IN ('SENT', 'CANCELLED')
                    """).execute();
            int outbox = h.createUpdate("DELETE FROM outbox WHERE status IN ('SENT', 'FAILED', 'BLOCKED', 'DEAD', "
                    + "'CANCELLED', 'UNCERTAIN') AND updated_at < :before").bind("before", now.minus(messages)).execute();
            int auditEntries = h.createUpdate("DELETE FROM audit_log WHERE at < :before")
                    .bind("before", now.minus(audit)).execute();
            int logins = h.createUpdate("DELETE FROM web_login_tokens WHERE expires_at <= :now").bind("now", now)
                    .execute() + h.createUpdate("DELETE FROM web_sessions WHERE expires_at <= :now").bind("now", now)
                    .execute();
            // spent confirmations confirm nothing; they count as logins: both are one-time ids
            logins += h.createUpdate("DELETE FROM confirmations WHERE used_at IS NOT NULL OR expires_at <= :now")
                    .bind("now", now).execute();
            return new Pruned(inbox, outbox, auditEntries, logins);
        });
    }
}
