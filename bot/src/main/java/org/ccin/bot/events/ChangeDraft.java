package org.ccin.bot.events;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.ccin.store.events.Event;
import org.ccin.store.events.EventRepository;

/**
 * Staff moving an announced event, kept in the conversation store between questions: the event, the schedule
 * version the change starts from (a change made meanwhile by another staff member makes this one stale), the new
 * time and place as typed so far, and an id carried by the preview's buttons (an older preview's Save finds another).
 */
record ChangeDraft(long event, int version, Instant startsAt, Instant endsAt, String place, String onlineLink,
                   String id) {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A change starting from the event as it stands: every value kept until staff type another. */
    static ChangeDraft of(Event event) {
        return new ChangeDraft(event.id(), event.scheduleVersion(), event.startsAt(), event.endsAt(),
                event.place().orElse(null), event.onlineLink().orElse(null),
                HexFormat.of().toHexDigits(RANDOM.nextInt()));
    }

    /** A new start; the end moves with it, keeping the length, until staff type an end. */
    ChangeDraft withStart(Instant start, Duration length) {
        return new ChangeDraft(event, version, start, start.plus(length), place, onlineLink, id);
    }

    ChangeDraft withEnd(Instant end) {
        return new ChangeDraft(event, version, startsAt, end, place, onlineLink, id);
    }

    ChangeDraft withPlace(String newPlace) {
        return new ChangeDraft(event, version, startsAt, endsAt, newPlace, onlineLink, id);
    }

    ChangeDraft withLink(String newLink) {
        return new ChangeDraft(event, version, startsAt, endsAt, place, newLink, id);
    }

    EventRepository.Schedule schedule() {
        return new EventRepository.Schedule(startsAt, endsAt, Optional.ofNullable(place),
                Optional.ofNullable(onlineLink));
    }

    /** Whether anything differs from the event as it stands. */
    boolean changes(Event current) {
        return !startsAt.equals(current.startsAt()) || !endsAt.equals(current.endsAt())
                || !Objects.equals(place, current.place().orElse(null))
                || !Objects.equals(onlineLink, current.onlineLink().orElse(null));
    }

    /** The event as it will stand, for the preview's card and the notices. */
    Event applyTo(Event current) {
        return new Event(current.id(), current.title(), current.description(), startsAt, endsAt,
                Optional.ofNullable(place), Optional.ofNullable(onlineLink), current.capacity(), current.audience(),
                current.announcedAt(), current.cancelledAt(), current.scheduleVersion() + 1);
    }
}
