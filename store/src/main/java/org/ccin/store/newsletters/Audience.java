package org.ccin.store.newsletters;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who a newsletter goes to: the subscribers of one topic, who are also in one of the chosen groups (if any), of one
 * of the chosen membership categories (if any), and in one of the chosen regions (if any). Everyone who receives a
 * newsletter has subscribed to its topic.
 */
public record Audience(String topic, Set<Long> groupIds, Set<String> categories, Set<String> regions) {

    public Audience {
        groupIds = Set.copyOf(new TreeSet<>(groupIds));
        categories = Set.copyOf(categories);
        regions = Set.copyOf(regions);
    }

    public static Audience of(String topic) {
        return new Audience(topic, Set.of(), Set.of(), Set.of());
    }

    public Audience withTopic(String newTopic) {
        return new Audience(newTopic, groupIds, categories, regions);
    }

    public Audience toggleGroup(long groupId) {
        return new Audience(topic, toggle(groupIds, groupId), categories, regions);
    }

    public Audience toggleCategory(String code) {
        return new Audience(topic, groupIds, toggle(categories, code), regions);
    }

    public Audience toggleRegion(String code) {
        return new Audience(topic, groupIds, categories, toggle(regions, code));
    }

    public boolean isNarrowed() {
        return !groupIds.isEmpty() || !categories.isEmpty() || !regions.isEmpty();
    }

    private static <T> Set<T> toggle(Set<T> set, T value) {
        Set<T> changed = new java.util.HashSet<>(set);
        if (!changed.remove(value)) {
            changed.add(value);
        }
        return changed;
    }

    static String join(Set<?> values) {
        List<String> texts = new ArrayList<>();
        new TreeSet<>(values.stream().map(String::valueOf).toList()).forEach(texts::add);
        return String.join(",", texts);
    }

    static List<String> split(String text) {
        return text.isBlank() ? List.of() : Arrays.asList(text.split(","));
    }
}
