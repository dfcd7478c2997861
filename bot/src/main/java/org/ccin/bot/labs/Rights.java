package org.ccin.bot.labs;

import org.ccin.config.BotConfig;
import org.ccin.store.labs.Application;
import org.ccin.store.labs.ApplicationStatus;
import org.ccin.store.labs.RoundRepository;

/**
 * Who may see and do what, asked of the database at each tap: staff everything; a reviewer only the rounds staff
 * named them for; an applicant only their own application.
 */
final class Rights {
    private final BotConfig config;
    private final RoundRepository rounds;

    Rights(BotConfig config, RoundRepository rounds) {
        this.config = config;
        this.rounds = rounds;
    }

    boolean isStaff(long userId) {
        return config.isStaff(userId);
    }

    boolean reviews(long userId, long roundId) {
        return isStaff(userId) || rounds.isReviewer(roundId, userId);
    }

    /**
     * Whether the person may read the application (its PDF): its applicant and staff always; a round's reviewer only
     * once it is submitted, since a draft is its author's own until then (the web answers 404 for drafts, too).
     */
    boolean sees(long userId, Application application) {
        if (application.telegramUserId() == userId || isStaff(userId)) {
            return true;
        }
        return application.status() != ApplicationStatus.DRAFT && reviews(userId, application.roundId());
    }
}
