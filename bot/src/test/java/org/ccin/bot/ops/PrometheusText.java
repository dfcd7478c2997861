package org.ccin.bot.ops;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A strict reader of Prometheus' text exposition format 0.0.4, as a scraper reads it: every sample must belong to a
 * family declared by {@code # TYPE} before it, label values are unescaped, a line that does not parse fails the
 * whole scrape (Prometheus drops such a scrape too). For tests: no Java parser of the format ships in a library.
 */
public final class PrometheusText {
    /** One sample line: its name, its labels (in any order) and its value. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private final Map<String, String> types;
    private final List<Sample> samples;

    private PrometheusText(Map<String, String> types, List<Sample> samples) {
        this.types = types;
        this.samples = samples;
    }

    public static PrometheusText parse(String text) {
        Map<String, String> types = new LinkedHashMap<>();
        List<Sample> samples = new ArrayList<>();
        int number = 0;
        for (String line : text.split("\n", -1)) {
            number++;
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("# TYPE ")) {
                String[] parts = line.substring(7).split(" ");
                if (parts.length != 2 || !List.of("counter", "gauge", "histogram", "summary", "untyped")
                        .contains(parts[1]) || types.put(parts[0], parts[1]) != null) {
                    throw new IllegalArgumentException("line " + number + ": bad or repeated TYPE: " + line);
                }
            } else if (line.startsWith("#")) {
                continue; // HELP and comments
            } else {
                Sample sample = sample(line, number);
                if (family(types, sample.name()).isEmpty()) {
                    throw new IllegalArgumentException("line " + number + ": sample of no declared family: " + line);
                }
                samples.add(sample);
            }
        }
        return new PrometheusText(types, samples);
    }

    private static Optional<String> family(Map<String, String> types, String name) {
        if (types.containsKey(name)) {
            return Optional.of(name);
        }
        for (String suffix : List.of("_total", "_bucket", "_sum", "_count", "_created", "_info")) {
            if (name.endsWith(suffix) && types.containsKey(name.substring(0, name.length() - suffix.length()))) {
                return Optional.of(name.substring(0, name.length() - suffix.length()));
            }
        }
        return Optional.empty();
    }

    private static Sample sample(String line, int number) {
        int at = 0;
        while (at < line.length() && (Character.isLetterOrDigit(line.charAt(at)) || line.charAt(at) == '_'
                || line.charAt(at) == ':')) {
            at++;
        }
        String name = line.substring(0, at);
        if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
            throw new IllegalArgumentException("line " + number + ": bad metric name: " + line);
        }
        Map<String, String> labels = new HashMap<>();
        if (at < line.length() && line.charAt(at) == '{') {
            at++;
            while (line.charAt(at) != '}') {
                int equals = line.indexOf("=\"", at);
                String label = line.substring(at, equals);
                StringBuilder value = new StringBuilder();
                int i = equals + 2;
                for (; line.charAt(i) != '"'; i++) {
                    char c = line.charAt(i);
                    if (c == '\\') {
                        char next = line.charAt(++i);
                        value.append(next == 'n' ? '\n' : next);
                    } else {
                        value.append(c);
                    }
                }
                if (!label.matches("[a-zA-Z_][a-zA-Z0-9_]*") || labels.put(label, value.toString()) != null) {
                    throw new IllegalArgumentException("line " + number + ": bad or repeated label: " + line);
                }
                at = i + 1;
                if (line.charAt(at) == ',') {
                    at++;
                }
            }
            at++;
        }
        String[] rest = line.substring(at).trim().split(" ");
        if (rest.length < 1 || rest.length > 2 || !line.substring(at).startsWith(" ")) {
            throw new IllegalArgumentException("line " + number + ": bad value: " + line);
        }
        double value = switch (rest[0]) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(rest[0]);
        };
        return new Sample(name, Map.copyOf(labels), value);
    }

    /** The TYPE a family was declared with, if it was. */
    public Optional<String> type(String family) {
        return Optional.ofNullable(types.get(family));
    }

    /** The value of the sample with this name and exactly these labels; 0 when there is none (a counter not yet hit). */
    public double value(String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name().equals(name) && s.labels().equals(labels)).findFirst()
                .map(Sample::value).orElse(0.0);
    }

    public double value(String name) {
        return value(name, Map.of());
    }

    public List<Sample> samples() {
        return samples;
    }
}
