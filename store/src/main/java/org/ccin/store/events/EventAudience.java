package org.ccin.store.events;

import java.util.ArrayList;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * Who an event is for: a registered member who was invited, or who is in its audience's groups, categories and
 * regions as they stand now (each only where the audience is narrowed by it). The topic is not part of it: it says
 * who is told, and a registered member who reads no newsletter may still come to an event for everyone. Checked
 * on the server for every card, answer, file and feed, because a button's data is chosen by the client.
 */
final class EventAudience {
    private EventAudience() {
    }

    static boolean includes(Handle h, Event event, long memberId) {
        StringBuilder sql = new StringBuilder("""
                SELECT EXISTS (SELECT 1 FROM event_invitations WHERE event_id = :event AND member_id = :member)
                    OR EXISTS (SELECT 1 FROM members m WHERE m.id = :member AND m.registered_at IS NOT NULL
                """);
        if (!event.audience().categories().isEmpty()) {
            sql.append(" AND m.category_code IN (<categories>)");
        }
        if (!event.audience().regions().isEmpty()) {
            sql.append(" AND m.region_code IN (<regions>)");
        }
        if (!event.audience().groupIds().isEmpty()) {
            sql.append(" AND EXISTS (SELECT 1 FROM group_memberships g WHERE g.telegram_user_id = m.telegram_user_id"
                    + " AND g.status = 'JOINED' AND g.group_id IN (<groups>))");
        }
        sql.append(")");
        Query query = h.createQuery(sql.toString()).bind("event", event.id()).bind("member", memberId);
        if (!event.audience().categories().isEmpty()) {
            query.bindList("categories", new ArrayList<>(event.audience().categories()));
        }
        if (!event.audience().regions().isEmpty()) {
            query.bindList("regions", new ArrayList<>(event.audience().regions()));
        }
        if (!event.audience().groupIds().isEmpty()) {
            query.bindList("groups", new ArrayList<>(event.audience().groupIds()));
        }
        return query.mapTo(Boolean.class).one();
    }
}
