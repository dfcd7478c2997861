package org.ccin.bot.events;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.ccin.store.newsletters.Audience;

/**
 * What staff have given so far while making an event: the state of {@link NewEventFlow}, saved through the
 * conversation store after each answer. Fields not given yet are null (the step says which come next). The id is
 * made when /newevent starts the draft; a draft saved before drafts had ids has none until its preview is shown again.
 */
record EventDraft(String title, String description, Instant startsAt, Instant endsAt, String place,
                  String onlineLink, Integer capacity, String topic, List<String> categories,
                  List<String> regions, List<Long> groups, String id) {
    private static final SecureRandom RANDOM = new SecureRandom();

    EventDraft {
        categories = categories == null ? List.of() : List.copyOf(categories);
        regions = regions == null ? List.of() : List.copyOf(regions);
        // a draft saved before events were narrowed by groups has none
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    static EventDraft empty() {
        return new EventDraft(null, null, null, null, null, null, null, null, List.of(), List.of(), List.of(),
                newId());
    }

    /**
     * A new draft's id, carried by every button of its preview, so that a button of an older draft's preview (or a
     * forged one) is seen to be out of date rather than acting on the draft being made now. Eight hex digits: short
     * in the buttons' 64 bytes, and two drafts of one person in a row share one by chance once in four billion.
     */
    private static String newId() {
        return HexFormat.of().toHexDigits(RANDOM.nextInt());
    }

    /** This draft, with an id if it was saved before drafts had one (its preview's buttons then carried none). */
    EventDraft identified() {
        if (id != null) {
            return this;
        }
        return new EventDraft(title, description, startsAt, endsAt, place, onlineLink, capacity, topic, categories,
                regions, groups, newId());
    }

    /** Who it is for: the topic's subscribers, narrowed as a newsletter's audience is. */
    Audience audience() {
        return new Audience(topic, Set.copyOf(groups), Set.copyOf(categories), Set.copyOf(regions));
    }

    EventDraft toggleCategory(String code) {
        return new EventDraft(title, description, startsAt, endsAt, place, onlineLink, capacity, topic,
                toggle(categories, code), regions, groups, id);
    }

    EventDraft toggleRegion(String code) {
        return new EventDraft(title, description, startsAt, endsAt, place, onlineLink, capacity, topic, categories,
                toggle(regions, code), groups, id);
    }

    EventDraft toggleGroup(long group) {
        return new EventDraft(title, description, startsAt, endsAt, place, onlineLink, capacity, topic, categories,
                regions, toggle(groups, group), id);
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
                topic, categories, regions, groups, id);
    }

    EventDraft withDescription(String value) {
        return new EventDraft(title, value, startsAt, endsAt, place, onlineLink, capacity,
                topic, categories, regions, groups, id);
    }

    EventDraft withStart(Instant value) {
        return new EventDraft(title, description, value, endsAt, place, onlineLink, capacity,
                topic, categories, regions, groups, id);
    }

    EventDraft withEnd(Instant value) {
        return new EventDraft(title, description, startsAt, value, place, onlineLink, capacity,
                topic, categories, regions, groups, id);
    }

    EventDraft withPlace(String value) {
        return new EventDraft(title, description, startsAt, endsAt, value, onlineLink, capacity,
                topic, categories, regions, groups, id);
    }

    EventDraft withLink(String value) {
        return new EventDraft(title, description, startsAt, endsAt, place, value, capacity,
                topic, categories, regions, groups, id);
    }

    EventDraft withCapacity(Integer value) {
        return new EventDraft(title, description, startsAt, endsAt, place, onlineLink, value,
                topic, categories, regions, groups, id);
    }

    EventDraft withTopic(String value) {
        return new EventDraft(title, description, startsAt, endsAt, place, onlineLink, capacity,
                value, categories, regions, groups, id);
    }
}
