package org.ccin.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads typed values out of the merged settings tree (file plus environment) and turns every bad value into a
 * {@link ConfigException} that names the setting, and the environment variable when the value came from one.
 * It remembers which settings were read, so that a misspelt key in the file is reported instead of ignored.
 *
 * <p>Not thread-safe; used once while loading.
 */
final class SettingsTree {
    private final ObjectNode root;
    private final Map<String, String> environmentSources = new HashMap<>();
    private final Set<String> readPaths = new TreeSet<>();
    /** What each setting read came to, in the order read: for check-config. */
    private final Map<String, SettingsReport.Entry> effective = new LinkedHashMap<>();

    SettingsTree(ObjectNode root) {
        this.root = root;
    }

    /** Puts an environment value at a dotted path, remembering its source for error messages. */
    void override(String path, String envName, JsonNode value) {
        ObjectNode parent = root;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = parent.get(parts[i]);
            if (!(child instanceof ObjectNode)) {
                child = parent.putObject(parts[i]);
            }
            parent = (ObjectNode) child;
        }
        parent.set(parts[parts.length - 1], value);
        environmentSources.put(path, envName);
    }

    Optional<String> optionalText(String path) {
        JsonNode node = node(path);
        if (node == null || node.isNull()) {
            shownAsDefault(path, null);
            return Optional.empty();
        }
        if (!node.isValueNode()) {
            throw invalid(path, "expected a single value, found a " + node.getNodeType().name().toLowerCase());
        }
        String text = node.asText().trim();
        if (text.isEmpty()) {
            shownAsDefault(path, null);
            return Optional.empty();
        }
        effective.put(path, new SettingsReport.Entry(path, text, source(path)));
        return Optional.of(text);
    }

    String text(String path, String defaultValue) {
        return optionalText(path).orElseGet(() -> shownAsDefault(path, defaultValue));
    }

    /** Records that a setting was not given and what its default is ({@code null}: not set), for check-config. */
    <T> T shownAsDefault(String path, T defaultValue) {
        effective.put(path, new SettingsReport.Entry(path, defaultValue == null ? null
                : SettingsReport.written(defaultValue), "default"));
        return defaultValue;
    }

    private String source(String path) {
        String env = environmentSources.get(path);
        return env == null ? "file" : "environment " + env;
    }

    /** Every setting read, with its value as one would write it and where it came from. */
    SettingsReport report() {
        return new SettingsReport(List.copyOf(effective.values()));
    }

    int integer(String path, int defaultValue, int min, int max) {
        Optional<String> text = optionalText(path);
        if (text.isEmpty()) {
            return shownAsDefault(path, defaultValue);
        }
        int value;
        try {
            value = new BigDecimal(text.get()).intValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw invalid(path, "'" + text.get() + "' is not a whole number");
        }
        if (value < min || value > max) {
            throw invalid(path, value + " is out of range; use " + min + " to " + max);
        }
        return value;
    }

    double decimal(String path, double defaultValue, double min, double max) {
        Optional<String> text = optionalText(path);
        if (text.isEmpty()) {
            return shownAsDefault(path, defaultValue);
        }
        double value;
        try {
            value = Double.parseDouble(text.get());
        } catch (NumberFormatException e) {
            throw invalid(path, "'" + text.get() + "' is not a number");
        }
        if (!(value >= min && value <= max)) {
            throw invalid(path, text.get() + " is out of range; use " + min + " to " + max);
        }
        return value;
    }

    boolean bool(String path, boolean defaultValue) {
        Optional<String> text = optionalText(path);
        if (text.isEmpty()) {
            return shownAsDefault(path, defaultValue);
        }
        switch (text.get().toLowerCase()) {
            case "true": case "yes": case "on": case "1": return true;
            case "false": case "no": case "off": case "0": return false;
            default: throw invalid(path, "'" + text.get() + "' is not true or false");
        }
    }

    /** A duration written as ISO-8601 (PT10M) or as a number with a unit: 90s, 10m, 24h, 7d. */
    Duration duration(String path, Duration defaultValue) {
        Optional<String> text = optionalText(path);
        if (text.isEmpty()) {
            return shownAsDefault(path, defaultValue);
        }
        String value = text.get().toLowerCase();
        try {
            if (value.startsWith("p")) {
                return positive(path, Duration.parse(value.toUpperCase()));
            }
            long amount = Long.parseLong(value.substring(0, value.length() - 1).trim());
            switch (value.charAt(value.length() - 1)) {
                case 's': return positive(path, Duration.ofSeconds(amount));
                case 'm': return positive(path, Duration.ofMinutes(amount));
                case 'h': return positive(path, Duration.ofHours(amount));
                case 'd': return positive(path, Duration.ofDays(amount));
                default: break;
            }
        } catch (DateTimeParseException | NumberFormatException | StringIndexOutOfBoundsException e) {
            // fall through to the message below
        }
        throw invalid(path, "'" + text.get() + "' is not a duration; write e.g. 90s, 10m, 24h, 7d or PT10M");
    }

    LocalTime time(String path, LocalTime defaultValue) {
        Optional<String> text = optionalText(path);
        if (text.isEmpty()) {
            return shownAsDefault(path, defaultValue);
        }
        try {
            return LocalTime.parse(text.get());
        } catch (DateTimeParseException e) {
            throw invalid(path, "'" + text.get() + "' is not a time of day; write e.g. 09:00");
        }
    }

    private Duration positive(String path, Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw invalid(path, duration + " must be longer than zero");
        }
        return duration;
    }

    ZoneId zone(String path, ZoneId defaultValue) {
        Optional<String> text = optionalText(path);
        if (text.isEmpty()) {
            return shownAsDefault(path, defaultValue);
        }
        try {
            return ZoneId.of(text.get());
        } catch (DateTimeException e) {
            throw invalid(path, "'" + text.get() + "' is not a time zone; write e.g. Europe/London");
        }
    }

    /** An absolute http(s) URL. */
    Optional<URI> optionalUrl(String path) {
        Optional<String> text = optionalText(path);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text.get());
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null || uri.getHost().isBlank()) {
                throw invalid(path, "'" + text.get() + "' is not an http(s) URL like https://api.telegram.org");
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            throw invalid(path, "'" + text.get() + "' is not an http(s) URL like https://api.telegram.org");
        }
    }

    /** A list written as a YAML list or as one comma-separated string. */
    List<String> list(String path) {
        JsonNode node = node(path);
        List<String> values = new ArrayList<>();
        if (node == null || node.isNull()) {
            shownAsDefault(path, null);
            return values;
        }
        if (node.isArray()) {
            node.forEach(item -> values.add(item.asText().trim()));
        } else if (node.isValueNode()) {
            for (String part : node.asText().split(",")) {
                values.add(part.trim());
            }
        } else {
            throw invalid(path, "expected a list");
        }
        values.removeIf(String::isEmpty);
        effective.put(path, new SettingsReport.Entry(path, values.isEmpty() ? null : SettingsReport.written(values),
                source(path)));
        return values;
    }

    /** Marks a whole subtree as known: its keys are read by someone else (e.g. a map of names). */
    JsonNode subtree(String path) {
        JsonNode node = node(path);
        if (node != null) {
            markBelow(path, node);
        }
        return node == null ? JsonNodeFactory.instance.objectNode() : node;
    }

    private void markBelow(String path, JsonNode node) {
        readPaths.add(path);
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                markBelow(path + "." + field.getKey(), field.getValue());
            }
        }
    }

    ConfigException invalid(String path, String problem) {
        String env = environmentSources.get(path);
        String name = env == null ? "setting " + path : env + " (setting " + path + ")";
        return new ConfigException(name + ": " + problem);
    }

    /** Fails on the first key in the file that no setting reads: a typo would otherwise be silently ignored. */
    void rejectUnknownKeys() {
        List<String> unknown = new ArrayList<>();
        collectUnknown("", root, unknown);
        if (!unknown.isEmpty()) {
            throw new ConfigException("unknown setting " + unknown.get(0)
                    + ": check its spelling against config/ccin-bot.example.yml");
        }
    }

    private void collectUnknown(String prefix, JsonNode node, List<String> unknown) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            if (field.getValue().isObject() && !readPaths.contains(path)) {
                collectUnknown(path, field.getValue(), unknown);
            } else if (!readPaths.contains(path)) {
                unknown.add(path);
            }
        }
    }

    private JsonNode node(String path) {
        readPaths.add(path);
        JsonNode node = root;
        for (String part : path.split("\\.")) {
            if (node == null || !node.isObject()) {
                return null;
            }
            node = node.get(part);
        }
        return node;
    }
}
