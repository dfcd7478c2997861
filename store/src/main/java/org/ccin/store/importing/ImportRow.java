package org.ccin.store.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One record of an import file, from a CSV line or a YAML/JSON list item, with where it came from so that every
 * problem can be reported as "file line 5: …". Field names are matched ignoring case, spaces, dashes and
 * underscores, so a spreadsheet's "Network member" column is {@code networkMember}.
 */
public final class ImportRow {
    private final String where;
    private final ObjectNode fields;
    private final List<String> problems;

    ImportRow(String where, ObjectNode fields, List<String> problems) {
        this.where = where;
        this.fields = fields;
        this.problems = problems;
    }

    public String where() {
        return where;
    }

    /** A non-blank text value, or a recorded problem (and an empty string) when missing. */
    public String required(String name) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            problem("'" + name + "' is missing");
            return "";
        }
        return value.get();
    }

    public Optional<String> optional(String name) {
        JsonNode node = field(name);
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Optional.empty();
        }
        if (!node.isValueNode()) {
            problem("'" + name + "' must be a single value");
            return Optional.empty();
        }
        String text = node.asText().trim();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    public boolean flag(String name, boolean defaultValue) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        switch (value.get().toLowerCase(Locale.ROOT)) {
            case "true": case "yes": case "y": case "1": return true;
            case "false": case "no": case "n": case "0": return false;
            default:
                problem("'" + name + "' must be yes or no, not '" + value.get() + "'");
                return defaultValue;
        }
    }

    public int integer(String name, int defaultValue) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.get());
        } catch (NumberFormatException e) {
            problem("'" + name + "' must be a whole number, not '" + value.get() + "'");
            return defaultValue;
        }
    }

    /** A list: a YAML/JSON list, or in CSV one cell with items separated by semicolons. */
    public List<String> list(String name) {
        JsonNode node = field(name);
        List<String> items = new ArrayList<>();
        if (node == null || node.isNull()) {
            return items;
        }
        if (node.isArray()) {
            node.forEach(item -> items.add(item.asText().trim()));
        } else if (node.isValueNode()) {
            for (String part : node.asText().split(";")) {
                items.add(part.trim());
            }
        } else {
            problem("'" + name + "' must be a list");
        }
        items.removeIf(String::isEmpty);
        return items;
    }

    /** A nested list of records (YAML/JSON only), e.g. an action's milestones. */
    public List<ImportRow> children(String name) {
        JsonNode node = field(name);
        List<ImportRow> rows = new ArrayList<>();
        if (node == null || node.isNull()) {
            return rows;
        }
        if (!node.isArray()) {
            problem("'" + name + "' must be a list of entries");
            return rows;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode child = node.get(i);
            if (child.isObject()) {
                rows.add(new ImportRow(where + ", " + name + " " + (i + 1), (ObjectNode) child, problems));
            } else {
                problem("entry " + (i + 1) + " of '" + name + "' must have named fields");
            }
        }
        return rows;
    }

    public void problem(String text) {
        problems.add(where + ": " + text);
    }

    public boolean has(String name) {
        JsonNode node = field(name);
        return node != null && !node.isNull();
    }

    private JsonNode field(String name) {
        String wanted = simplify(name);
        Iterator<String> names = fields.fieldNames();
        while (names.hasNext()) {
            String candidate = names.next();
            if (simplify(candidate).equals(wanted)) {
                return fields.get(candidate);
            }
        }
        return null;
    }

    static String simplify(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
    }
}
