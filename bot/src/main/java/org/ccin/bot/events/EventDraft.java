package org.ccin.bot.events;

import java.time.Instant;

/**
 * What staff have given so far while making an event: the state of {@link NewEventFlow}, saved through the
 * conversation store after each answer. Fields not given yet are null (the step says which come next).
 */
record EventDraft(String title, String description, Instant startsAt, Instant endsAt, String place,
                  String onlineLink, Integer capacity, String topic) {
    static EventDraft empty() {
        return new EventDraft(null, null, null, null, null, null, null, null);
    }

    EventDraft withTitle(String value) {
        return new EventDraft(value, description, startsAt, endsAt, place, onlineLink, capacity, topic);
    }

    EventDraft withDescription(String value) {
        return new EventDraft(title, value, startsAt, endsAt, place, onlineLink, capacity, topic);
    }

    EventDraft withStart(Instant value) {
        return new EventDraft(title, description, value, endsAt, place, onlineLink, capacity, topic);
    }

    EventDraft withEnd(Instant value) {
        return new EventDraft(title, description, startsAt, value, place, onlineLink, capacity, topic);
    }

    EventDraft withPlace(String value) {
        return new EventDraft(title, description, startsAt, endsAt, value, onlineLink, capacity, topic);
    }

    EventDraft withLink(String value) {
        return new EventDraft(title, description, startsAt, endsAt, place, value, capacity, topic);
    }

    EventDraft withCapacity(Integer value) {
        return new EventDraft(title, description, startsAt, endsAt, place, onlineLink, value, topic);
    }

    EventDraft withTopic(String value) {
        return new EventDraft(title, description, startsAt, endsAt, place, onlineLink, capacity, value);
    }
}
