package org.ccin.store.newsletters;

import java.time.Instant;
import java.util.Optional;

/** A subscription and the consent behind it; {@code endedAt} once the member unsubscribed. */
public record Subscription(long id, long memberId, String topic, String consentWording, String language,
                           Instant subscribedAt, Optional<Instant> endedAt, Optional<String> endedHow) {
}
