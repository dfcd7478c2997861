package org.ccin.bot.newsletters;

import java.time.Duration;
import org.ccin.store.confirmations.Confirmations;

/**
 * The one-time ids on the desk's "Yes, delete" and "Yes, stop it": neither can be undone, so each Yes works once,
 * for the person it was shown to, for the one newsletter it was asked about (the id is in the purpose), for
 * {@link #LIFETIME}. An old, used or forged Yes does nothing.
 */
final class DeskConfirmations {
    static final Duration LIFETIME = Duration.ofMinutes(15);

    /** What is confirmed. */
    enum Purpose {
        DELETE("newsletter-delete:"), CANCEL("newsletter-cancel:");

        private final String prefix;

        Purpose(String prefix) {
            this.prefix = prefix;
        }
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
}
