package org.ccin.bot.events;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ccin.store.newsletters.Audience;

/**
 * What staff have given so far while making an event: the state of {@link NewEventFlow}, saved through the
 * conversation store after each answer. Fields not given yet are null (the step says which come next).
 */
record EventDraft(String title, String description, Instant startsAt, Instant endsAt, String place,
                  String onlineLink, Integer capacity, String topic, List<String> categories,
                  List<String> regions, List<Long> groups) {
    EventDraft {
        categories = categories == null ? List.of() : List.copyOf(categories);
        regions = regions == null ? List.of() : List.copyOf(regions);
        // a draft saved before events were narrowed by groups has none
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    static EventDraft empty() {
        return new EventDraft(null, null, null, null, null, null, null, null, List.of(), List.of(), List.of());
    }

    /** Who it is for: the topic's subscribers, narrowed as a newsletter's audience is. */
    Audience audience() {
        return new Audience(topic, Set.copyOf(groups), Set.copyOf(categories), Set.copyOf(regions));
    }

    EventDraft toggleCategory(String code) {
        return new EventDraft(title, description, startsAt, endsAt, place, onlineLink, capacity, topic,
                toggle(categories, code), regions, groups);
    }

    EventDraft toggleRegion(String code) {
        return new EventDraft(title, description, startsAt, endsAt, place, onlineLink, capacity, topic, categories,
                toggle(regions, code), groups);
    }

    EventDraft toggleGroup(long id) {
        return new EventDraft(title, description, startsAt, endsAt, place, onlineLink, capacity, topic, categories,
                regions, toggle(groups, id));
    }

    private static <T extends Comparable<T>> List<T> toggle(List<T> values, T value) {
        Set<T> changed = new HashSet<>(values);
        if (!changed.remove(value)) {
            changed.add(value);
        }
        return changed.stream().sorted().toList();
    }

    EventDraft withTitle(String value) {
        return new EventDraft(value, description, startsAt, endsAt, place, onlineLink, capacity,
                topic, categories, regions, groups);
    }

    EventDraft withDescription(String value) {
        return new EventDraft(title, value, startsAt, endsAt, place, onlineLink, capacity,
                topic, categories, regions, groups);
    }

    EventDraft withStart(Instant value) {
        return new EventDraft(title, description, value, endsAt, place, onlineLink, capacity,
                topic, categories, regions, groups);
    }

    EventDraft withEnd(Instant value) {
        return new EventDraft(title, description, startsAt, value, place, onlineLink, capacity,
                topic, categories, regions, groups);
    }

    EventDraft withPlace(String value) {
        return new EventDraft(title, description, startsAt, endsAt, value, onlineLink, capacity,
                topic, categories, regions, groups);
    }

    EventDraft withLink(String value) {
        return new EventDraft(title, description, startsAt, endsAt, place, value, capacity,
                topic, categories, regions, groups);
    }

    EventDraft withCapacity(Integer value) {
        return new EventDraft(title, description, startsAt, endsAt, place, onlineLink, value,
                topic, categories, regions, groups);
    }

    EventDraft withTopic(String value) {
        return new EventDraft(title, description, startsAt, endsAt, place, onlineLink, capacity,
                value, categories, regions, groups);
    }
}
