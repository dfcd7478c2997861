package org.ccin.bot.labs;

import org.ccin.config.BotConfig;
import org.ccin.store.labs.Application;
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

    boolean sees(long userId, Application application) {
        return application.telegramUserId() == userId || reviews(userId, application.roundId());
    }
}
