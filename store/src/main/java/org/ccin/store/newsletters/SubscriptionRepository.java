package org.ccin.store.newsletters;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.ccin.store.Database;
import org.ccin.store.internal.Rows;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** Members' newsletter subscriptions and the consent behind each. Thread-safe. */
public final class SubscriptionRepository {
    private static final RowMapper<Subscription> ROW = (rs, ctx) -> new Subscription(rs.getLong("id"),
            rs.getLong("member_id"), rs.getString("topic"), rs.getString("consent_wording"), rs.getString("language"),
            Rows.requiredInstant(rs, "subscribed_at"), Rows.instant(rs, "ended_at"), Rows.text(rs, "ended_how"));

    private final Jdbi jdbi;
    private final Clock clock;

    public SubscriptionRepository(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    /**
     * Subscribes a member to a topic, keeping the words they agreed to. @return false when they were subscribed
     * already (the first consent stands)
     */
    public boolean subscribe(long memberId, String topic, String consentWording, String language) {
        return jdbi.withHandle(h -> h.createUpdate("""
                INSERT INTO newsletter_subscriptions (member_id, topic, consent_wording, language, subscribed_at)
                VALUES (:member, :topic, :wording, :language, :now)
                ON CONFLICT (member_id, topic) WHERE ended_at IS NULL DO NOTHING
                """).bind("member", memberId).bind("topic", topic).bind("wording", consentWording)
                .bind("language", language).bind("now", clock.instant()).execute()) == 1;
    }

    /** Ends a member's subscription to one topic. @param how "command" or "button" @return false if none */
    public boolean unsubscribe(long memberId, String topic, String how) {
        return jdbi.withHandle(h -> h.createUpdate("""
                UPDATE newsletter_subscriptions SET ended_at = :now, ended_how = :how
                WHERE member_id = :member AND topic = :topic AND ended_at IS NULL
                """).bind("member", memberId).bind("topic", topic).bind("how", how).bind("now", clock.instant())
                .execute()) == 1;
    }

    /** Ends every subscription of a member. @return how many ended */
    public int unsubscribeAll(long memberId, String how) {
        return jdbi.withHandle(h -> h.createUpdate("""
                UPDATE newsletter_subscriptions SET ended_at = :now, ended_how = :how
                WHERE member_id = :member AND ended_at IS NULL
                """).bind("member", memberId).bind("how", how).bind("now", clock.instant()).execute());
    }

    /** The topics a member is subscribed to now. */
    public Set<String> topics(long memberId) {
        return jdbi.withHandle(h -> new LinkedHashSet<>(h.createQuery("""
                SELECT topic FROM newsletter_subscriptions WHERE member_id = :member AND ended_at IS NULL ORDER BY topic
                """).bind("member", memberId).mapTo(String.class).list()));
    }

    /** Every subscription a member ever had, with its consent, oldest first. */
    public List<Subscription> history(long memberId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM newsletter_subscriptions WHERE member_id = :member "
                + "ORDER BY subscribed_at, id").bind("member", memberId).map(ROW).list());
    }

    /** Subscribers per topic the bot can reach (people who blocked it are not counted). */
    public Map<String, Integer> reachableCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                SELECT s.topic, count(*) AS n FROM newsletter_subscriptions s
                JOIN members m ON m.id = s.member_id AND m.unreachable_at IS NULL
                WHERE s.ended_at IS NULL GROUP BY s.topic
                """).map((rs, ctx) -> counts.put(rs.getString("topic"), rs.getInt("n"))).list());
        return counts;
    }
}
