package org.ccin.bot.newsletters;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.ccin.store.confirmations.Confirmations;
import org.ccin.store.newsletters.Content;
import org.ccin.store.newsletters.Newsletter;

/**
 * The one-time ids on the desk's Yes buttons: "Yes, delete" and "Yes, stop it" cannot be undone, and "Yes, send now"
 * and "Yes, schedule it" reach many people. Each Yes works once, for the person it was shown to, for the one
 * newsletter it was asked about (the id is in the purpose), for {@link #LIFETIME}. An old, used or forged Yes does
 * nothing. A send or schedule Yes confirms the draft as it was shown: its purpose also holds a fingerprint of the
 * draft's content, audience and time, so once any of them changed the Yes is {@link Outcome#CHANGED} (and spent),
 * and sends nothing.
 */
final class DeskConfirmations {
    static final Duration LIFETIME = Duration.ofMinutes(15);
    private static final String SEND = "newsletter-send:";
    private static final String SCHEDULE = "newsletter-schedule:";

    /** What is confirmed. */
    enum Purpose {
        DELETE("newsletter-delete:"), CANCEL("newsletter-cancel:");

        private final String prefix;

        Purpose(String prefix) {
            this.prefix = prefix;
        }
    }

    /** What a send or schedule Yes turned out to be. */
    enum Outcome {
        /** This person's own, unused, in time, for the draft as it is now. */
        CONFIRMED,
        /** This person's own and in time, but the draft changed since it was shown. */
        CHANGED,
        /** Used, expired, someone else's, another newsletter's or made up. */
        REFUSED
    }

    private final Confirmations confirmations;

    DeskConfirmations(Confirmations confirmations) {
        this.confirmations = confirmations;
    }

    String issue(long telegramUserId, Purpose purpose, long newsletterId) {
        return confirmations.issue(telegramUserId, purpose.prefix + newsletterId, LIFETIME);
    }

    /** True only the first time, for that person, purpose and newsletter, before it expires. */
    boolean use(String confirmation, long telegramUserId, Purpose purpose, long newsletterId) {
        return confirmations.use(confirmation, telegramUserId, purpose.prefix + newsletterId);
    }

    /** The id of a "Yes, send now" shown for the draft as it is. */
    String issueSend(long telegramUserId, Newsletter draft) {
        return confirmations.issue(telegramUserId, sendPrefix(draft) + fingerprint(draft), LIFETIME);
    }

    Outcome useSend(String confirmation, long telegramUserId, Newsletter now) {
        return use(confirmation, telegramUserId, sendPrefix(now), fingerprint(now));
    }

    /** The id of a "Yes, schedule it" shown for the draft as it is, to go out at {@code at}. */
    String issueSchedule(long telegramUserId, Newsletter draft, Instant at) {
        return confirmations.issue(telegramUserId, schedulePrefix(draft, at) + fingerprint(draft), LIFETIME);
    }

    /** As {@link #useSend}; a Yes issued for another time (a forged {@code at}) is refused. */
    Outcome useSchedule(String confirmation, long telegramUserId, Newsletter now, Instant at) {
        return use(confirmation, telegramUserId, schedulePrefix(now, at), fingerprint(now));
    }

    private Outcome use(String confirmation, long telegramUserId, String prefix, String fingerprint) {
        if (confirmations.use(confirmation, telegramUserId, prefix + fingerprint)) {
            return Outcome.CONFIRMED;
        }
        Optional<String> issuedFor = confirmations.livePurpose(confirmation, telegramUserId)
                .filter(purpose -> purpose.startsWith(prefix));
        if (issuedFor.isEmpty()) {
            return Outcome.REFUSED;
        }
        // spent, so that this Yes confirms nothing later either, even if the draft is changed back
        confirmations.use(confirmation, telegramUserId, issuedFor.get());
        return Outcome.CHANGED;
    }

    private static String sendPrefix(Newsletter newsletter) {
        return SEND + newsletter.id() + ":";
    }

    private static String schedulePrefix(Newsletter newsletter, Instant at) {
        return SCHEDULE + newsletter.id() + ":" + at.getEpochSecond() + ":";
    }

    /**
     * What staff confirm: the content, the audience and the time, in a form that is the same in every run (sets
     * sorted, since their order is not), hashed to keep the purpose short.
     */
    static String fingerprint(Newsletter newsletter) {
        Content content = newsletter.content();
        List<String> parts = List.of(content.title(), content.body(), content.media().name(),
                content.fileId().orElse(""), content.buttons().toString(), newsletter.audience().topic(),
                new TreeSet<>(newsletter.audience().groupIds()).toString(),
                new TreeSet<>(newsletter.audience().categories()).toString(),
                new TreeSet<>(newsletter.audience().regions()).toString(),
                newsletter.scheduledAt().map(Instant::toString).orElse(""));
        StringBuilder canonical = new StringBuilder();
        // each part with its length first: no two different drafts read as the same text
        parts.forEach(part -> canonical.append(part.length()).append(':').append(part).append(';'));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
