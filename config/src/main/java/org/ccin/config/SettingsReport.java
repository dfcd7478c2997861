package org.ccin.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The settings as loaded, written back as YAML with the file's own names: each value as one would write it in the
 * file, where it came from (default, file, or the environment variable), secrets hidden. What {@code check-config}
 * prints, so that an operator can copy a line into the file.
 */
public final class SettingsReport {
    /** Settings whose values are never printed. */
    public static final Set<String> SECRETS = Set.of("telegram.token", "telegram.webhook.secret");
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./+@-][A-Za-z0-9_ ./+@,-]*");

    /** One setting: its dotted path, its value as written ({@code null}: not set) and its source. */
    public record Entry(String path, String value, String source) {
    }

    private final List<Entry> entries;

    SettingsReport(List<Entry> entries) {
        this.entries = entries;
    }

    public List<Entry> entries() {
        return entries;
    }

    /** A value as one would write it in the file: durations as 90s / 10m / 24h / 14d, lists in brackets. */
    static String written(Object value) {
        if (value instanceof Duration duration) {
            long seconds = duration.getSeconds();
            if (seconds % 86_400 == 0) {
                return seconds / 86_400 + "d";
            }
            if (seconds % 3_600 == 0) {
                return seconds / 3_600 + "h";
            }
            return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(value);
    }

    /** The whole report as YAML, nested as in the file, a comment on each line saying where the value came from. */
    public String yaml() {
        Map<String, Object> tree = new LinkedHashMap<>();
        for (Entry entry : entries) {
            Map<String, Object> node = tree;
            String[] parts = entry.path().split("\\.");
            for (int i = 0; i < parts.length - 1; i++) {
                Object child = node.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>());
                if (!(child instanceof Map)) {
                    break; // a value and a section of the same name cannot both be read; keep the value
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> section = (Map<String, Object>) child;
                node = section;
            }
            node.put(parts[parts.length - 1], entry);
        }
        List<String> lines = new ArrayList<>();
        write(tree, "", lines);
        return String.join("\n", lines) + "\n";
    }

    private static void write(Map<String, Object> node, String indent, List<String> lines) {
        node.forEach((name, child) -> {
            if (child instanceof Entry entry) {
                lines.add(indent + name + ": " + shown(entry) + "  # " + (entry.value() == null
                        ? "not set" : entry.source()));
            } else {
                lines.add(indent + name + ":");
                @SuppressWarnings("unchecked")
                Map<String, Object> section = (Map<String, Object>) child;
                write(section, indent + "  ", lines);
            }
        });
    }

    private static String shown(Entry entry) {
        if (entry.value() == null) {
            return "~";
        }
        if (SECRETS.contains(entry.path())) {
            return "\"(hidden)\"";
        }
        String value = entry.value();
        if (value.startsWith("[") && value.endsWith("]")) {
            return value;
        }
        // a colon is quoted always: YAML 1.1 reads 09:00 as a number of minutes
        boolean plain = PLAIN.matcher(value).matches() && value.equals(value.strip());
        return plain ? value : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
