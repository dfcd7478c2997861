package org.ccin.store.conversations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.ccin.store.Database;
import org.ccin.store.internal.Rows;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** Conversation state, kept in the database so that a restart in the middle of a flow loses nothing. Thread-safe. */
public final class ConversationRepository {
    private static final RowMapper<Conversation> CONVERSATION = (rs, ctx) -> new Conversation(
            rs.getLong("chat_id"), rs.getLong("user_id"), rs.getString("flow"), rs.getString("step"),
            rs.getString("state"), rs.getInt("version"), Rows.requiredInstant(rs, "updated_at"),
            Rows.requiredInstant(rs, "expires_at"));

    private final Jdbi jdbi;
    private final Clock clock;
    private final Duration lifetime;

    public ConversationRepository(Database database, Clock clock, Duration lifetime) {
        this.jdbi = database.jdbi();
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** The live conversation of this person in this chat; an expired one counts as none. */
    public Optional<Conversation> find(long chatId, long userId) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT * FROM conversations WHERE chat_id = :chat AND user_id = :user AND expires_at > :now
                """).bind("chat", chatId).bind("user", userId).bind("now", clock.instant())
                .map(CONVERSATION).findOne());
    }

    /** Starts or moves a conversation; its version goes up by one and its expiry moves forward. */
    public Conversation save(long chatId, long userId, String flow, String step, String state) {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            h.createUpdate("""
                    INSERT INTO conversations (chat_id, user_id, flow, step, state, version, updated_at, expires_at)
                    VALUES (:chat, :user, :flow, :step, :state, :firstVersion, :now, :expires)
                    ON CONFLICT (chat_id, user_id) DO UPDATE SET flow = excluded.flow, step = excluded.step,
                        state = excluded.state, version = conversations.version + 1,
                        updated_at = excluded.updated_at, expires_at = excluded.expires_at
                    """).bind("chat", chatId).bind("user", userId).bind("flow", flow).bind("step", step)
                    .bind("state", state).bind("firstVersion", firstVersion()).bind("now", now).bind("expires", now.plus(lifetime)).execute();
            return h.createQuery("SELECT * FROM conversations WHERE chat_id = :chat AND user_id = :user")
                    .bind("chat", chatId).bind("user", userId).map(CONVERSATION).one();
        });
    }

    /**
     * A new conversation starts at a random version, so that a button left over from an earlier conversation of
     * the same person is not mistaken for one of the new conversation.
     */
    private static int firstVersion() {
        return ThreadLocalRandom.current().nextInt(1, 1_000_000);
    }

    public void delete(long chatId, long userId) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM conversations WHERE chat_id = :chat AND user_id = :user")
                .bind("chat", chatId).bind("user", userId).execute());
    }

    /** @return how many expired conversations were removed */
    public int deleteExpired() {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM conversations WHERE expires_at <= :now")
                .bind("now", clock.instant()).execute());
    }
}
