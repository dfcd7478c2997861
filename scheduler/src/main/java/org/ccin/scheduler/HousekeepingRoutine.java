package org.ccin.scheduler;

import java.time.Duration;
import org.ccin.store.conversations.ConversationRepository;
import org.ccin.store.search.SavedSearchRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every hour: forgets conversations that expired (flows nobody finished) and searches older than a day. */
public final class HousekeepingRoutine implements Routine {
    private static final Logger log = LoggerFactory.getLogger(HousekeepingRoutine.class);
    private static final Duration SEARCH_LIFETIME = Duration.ofDays(1);

    private final ConversationRepository conversations;
    private final SavedSearchRepository searches;

    public HousekeepingRoutine(ConversationRepository conversations, SavedSearchRepository searches) {
        this.conversations = conversations;
        this.searches = searches;
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
        int conversationsRemoved = conversations.deleteExpired();
        int searchesRemoved = searches.pruneOlderThan(SEARCH_LIFETIME);
        if (conversationsRemoved + searchesRemoved > 0) {
            log.info("housekeeping removed {} expired conversations and {} old searches", conversationsRemoved,
                    searchesRemoved);
        }
    }
}
