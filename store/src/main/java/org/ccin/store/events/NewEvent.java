package org.ccin.store.events;

import java.time.Instant;
import java.util.Optional;
import org.ccin.store.newsletters.Audience;

/** What staff give to make an event. */
public record NewEvent(String title, String description, Instant startsAt, Instant endsAt, Optional<String> place,
                       Optional<String> onlineLink, Optional<Integer> capacity, Audience audience) {
}
