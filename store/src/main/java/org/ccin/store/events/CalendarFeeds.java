package org.ccin.store.events;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.ccin.store.Database;
import org.jdbi.v3.core.Jdbi;

/**
 * The secret in each member's calendar-feed address. A calendar app fetches the feed without logging in, so the
 * address is the key: 144 random bits, one per member, kept until they are forgotten. Thread-safe.
 */
public final class CalendarFeeds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Jdbi jdbi;
    private final Clock clock;

    public CalendarFeeds(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    /** The member's feed secret, made at the first ask. */
    public String tokenOf(long memberId) {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        String fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return jdbi.inTransaction(h -> {
            h.createUpdate("""
                    INSERT INTO calendar_feeds (member_id, token, created_at) VALUES (:member, :token, :now)
                    ON CONFLICT (member_id) DO NOTHING
                    """).bind("member", memberId).bind("token", fresh).bind("now", clock.instant()).execute();
            return h.createQuery("SELECT token FROM calendar_feeds WHERE member_id = :member")
                    .bind("member", memberId).mapTo(String.class).one();
        });
    }

    /** The member whose feed this secret opens. */
    public Optional<Long> memberOf(String token) {
        return jdbi.withHandle(h -> h.createQuery("SELECT member_id FROM calendar_feeds WHERE token = :token")
                .bind("token", token).mapTo(Long.class).findOne());
    }
}
