package org.ccin.store.confirmations;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.ccin.store.Database;
import org.jdbi.v3.core.Jdbi;

/**
 * The ids that confirmation buttons of destructive actions carry ("Yes, erase everything"). Each is random (96 bits,
 * so it cannot be guessed from a forged button), belongs to one person and one purpose, works once and expires; a
 * new request gets a new id, so a button left over from an earlier request confirms nothing later. Thread-safe.
 */
public final class Confirmations {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Jdbi jdbi;
    private final Clock clock;

    public Confirmations(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    /** A new id for one request of this person (16 characters of A-Z a-z 0-9 - _, fit for callback data). */
    public String issue(long telegramUserId, String purpose, Duration lifetime) {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        jdbi.useHandle(h -> h.createUpdate("""
                INSERT INTO confirmations (id, telegram_user_id, purpose, created_at, expires_at)
                VALUES (:id, :user, :purpose, :now, :expires)
                """).bind("id", id).bind("user", telegramUserId).bind("purpose", purpose).bind("now", now)
                .bind("expires", now.plus(lifetime)).execute());
        return id;
    }

    /**
     * Uses an id: true only the first time, for the person it was issued to and the purpose it was issued for,
     * before it expires. Atomic: two taps at once confirm once.
     */
    public boolean use(String id, long telegramUserId, String purpose) {
        Instant now = clock.instant();
        return jdbi.withHandle(h -> h.createUpdate("""
                UPDATE confirmations SET used_at = :now
                WHERE id = :id AND telegram_user_id = :user AND purpose = :purpose AND used_at IS NULL
                  AND expires_at > :now
                """).bind("now", now).bind("id", id).bind("user", telegramUserId).bind("purpose", purpose)
                .execute()) == 1;
    }

    /**
     * The purpose a live id (issued to this person, unused, not expired) was issued for, without using it: lets a
     * caller whose purpose holds a fingerprint of what was shown tell "it changed since" from "used or forged".
     */
    public Optional<String> livePurpose(String id, long telegramUserId) {
        Instant now = clock.instant();
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT purpose FROM confirmations
                WHERE id = :id AND telegram_user_id = :user AND used_at IS NULL AND expires_at > :now
                """).bind("id", id).bind("user", telegramUserId).bind("now", now).mapTo(String.class).findOne());
    }
}
