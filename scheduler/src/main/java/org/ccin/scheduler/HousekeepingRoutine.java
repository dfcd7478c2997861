package org.ccin.scheduler;

import org.ccin.store.conversations.ConversationRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every hour: forgets conversations that expired (a flow nobody finished). */
public final class HousekeepingRoutine implements Routine {
    private static final Logger log = LoggerFactory.getLogger(HousekeepingRoutine.class);

    private final ConversationRepository conversations;

    public HousekeepingRoutine(ConversationRepository conversations) {
        this.conversations = conversations;
    }

    @Override
    public String name() {
        return "housekeeping";
    }

    @Override
    public String cron() {
        return "0 7 * * * ?";
    }

    @Override
    public void run() {
        int removed = conversations.deleteExpired();
        if (removed > 0) {
            log.info("housekeeping removed {} expired conversations", removed);
        }
    }
}
