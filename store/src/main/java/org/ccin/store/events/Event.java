package org.ccin.store.events;

import java.time.Instant;
import java.util.Optional;
import org.ccin.store.newsletters.Audience;

/**
 * One of the network's events.
 *
 * @param capacity how many may answer Going; empty for any number
 * @param announcedAt when it was announced to its audience; empty while it is being made
 * @param scheduleVersion how many times staff changed its time or place since it was made
 */
public record Event(long id, String title, String description, Instant startsAt, Instant endsAt,
                    Optional<String> place, Optional<String> onlineLink, Optional<Integer> capacity,
                    Audience audience, Optional<Instant> announcedAt, Optional<Instant> cancelledAt,
                    int scheduleVersion) {

    public boolean isCancelled() {
        return cancelledAt.isPresent();
    }

    /** Whether answers are taken: announced, not cancelled, not over. */
    public boolean takesAnswers(Instant now) {
        return cancelledAt.isEmpty() && endsAt.isAfter(now);
    }
}
