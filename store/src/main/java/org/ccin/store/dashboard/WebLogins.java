package org.ccin.store.dashboard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.ccin.store.Database;
import org.jdbi.v3.core.Jdbi;

/**
 * Staff's one-time login links to the dashboard and the sessions they open. Tokens and session ids are random
 * (256 bits) and only their SHA-256 hashes are stored, so a copy of the database opens nothing. A link works once,
 * until it expires. Thread-safe.
 */
public final class WebLogins {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Jdbi jdbi;
    private final Clock clock;

    public WebLogins(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    /** A session: who, and the token its forms must carry. */
    public record Session(long telegramUserId, String csrf) {
    }

    /** A new one-time login token for a member of staff. @return the token (only its hash is kept) */
    public String createToken(long telegramUserId, Duration lifetime) {
        String token = randomToken();
        Instant now = clock.instant();
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO web_login_tokens (token_hash, telegram_user_id, created_at, "
                + "expires_at) VALUES (:hash, :user, :now, :expires)").bind("hash", hash(token))
                .bind("user", telegramUserId).bind("now", now).bind("expires", now.plus(lifetime)).execute());
        return token;
    }

    /** Whether a token would log in now (not used, not expired), without using it. */
    public boolean isValid(String token) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM web_login_tokens WHERE token_hash = :hash "
                + "AND used_at IS NULL AND expires_at > :now").bind("hash", hash(token)).bind("now", clock.instant())
                .mapTo(Integer.class).one()) > 0;
    }

    /**
     * Uses a token once and opens a session. @return the new session id (for the cookie) and its session, or empty
     * when the token is unknown, used or expired
     */
    public Optional<String> redeem(String token, Duration sessionLifetime) {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            Optional<Long> user = h.createQuery("SELECT telegram_user_id FROM web_login_tokens WHERE token_hash = :hash "
                    + "AND used_at IS NULL AND expires_at > :now").bind("hash", hash(token)).bind("now", now)
                    .mapTo(Long.class).findOne();
            if (user.isEmpty()) {
                return Optional.empty();
            }
            h.createUpdate("UPDATE web_login_tokens SET used_at = :now WHERE token_hash = :hash").bind("now", now)
                    .bind("hash", hash(token)).execute();
            String session = randomToken();
            h.createUpdate("INSERT INTO web_sessions (session_hash, telegram_user_id, csrf, created_at, expires_at) "
                    + "VALUES (:hash, :user, :csrf, :now, :expires)").bind("hash", hash(session)).bind("user", user.get())
                    .bind("csrf", randomToken()).bind("now", now).bind("expires", now.plus(sessionLifetime)).execute();
            return Optional.of(session);
        });
    }

    public Optional<Session> session(String sessionId) {
        if (sessionId == null || sessionId.isBlank()) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT telegram_user_id, csrf FROM web_sessions "
                + "WHERE session_hash = :hash AND expires_at > :now").bind("hash", hash(sessionId))
                .bind("now", clock.instant()).map((rs, ctx) -> new Session(rs.getLong(1), rs.getString(2))).findOne());
    }

    public void endSession(String sessionId) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM web_sessions WHERE session_hash = :hash")
                .bind("hash", hash(sessionId)).execute());
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }
}
