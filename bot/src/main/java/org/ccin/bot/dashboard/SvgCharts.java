package org.ccin.bot.dashboard;

import java.util.List;
import java.util.Map;
import org.ccin.bot.i18n.Html;

/**
 * Charts drawn as SVG by the bot itself (no chart library, no CDN, nothing for the Content-Security-Policy to
 * allow): horizontal bars with their numbers, and stacked bars for parts of a whole. Labels are escaped.
 */
final class SvgCharts {
    private static final int ROW = 24;
    private static final int LABEL = 170;
    private static final int WIDTH = 460;

    private SvgCharts() {
    }

    /** A label, its value, and the CSS class of its bar. */
    record Bar(String label, int value, String cssClass) {
        Bar(String label, int value) {
            this(label, value, "bar");
        }
    }

    static String bars(String title, List<Bar> bars) {
        if (bars.isEmpty()) {
            return "";
        }
        int max = Math.max(1, bars.stream().mapToInt(Bar::value).max().orElse(1));
        int height = bars.size() * ROW + 4;
        StringBuilder svg = open(title, height);
        int y = 2;
        for (Bar bar : bars) {
            int length = (int) Math.round((WIDTH - LABEL - 50) * (double) bar.value() / max);
            svg.append("<text x=\"0\" y=\"").append(y + 16).append("\">").append(Html.escape(shorten(bar.label())))
                    .append("</text><rect class=\"").append(bar.cssClass()).append("\" x=\"").append(LABEL)
                    .append("\" y=\"").append(y + 4).append("\" width=\"").append(Math.max(length, bar.value() > 0 ? 2 : 0))
                    .append("\" height=\"").append(ROW - 8).append("\"/><text x=\"").append(LABEL + length + 6)
                    .append("\" y=\"").append(y + 16).append("\">").append(bar.value()).append("</text>");
            y += ROW;
        }
        return svg.append("</svg>").toString();
    }

    /** One stacked bar per row: each part its class (e.g. a traffic light) and count. */
    static String stacked(String title, Map<String, Map<String, Integer>> rows, List<String> parts) {
        if (rows.isEmpty()) {
            return "";
        }
        int max = Math.max(1, rows.values().stream().mapToInt(r -> r.values().stream().mapToInt(Integer::intValue).sum())
                .max().orElse(1));
        StringBuilder svg = open(title, rows.size() * ROW + 4);
        int y = 2;
        for (Map.Entry<String, Map<String, Integer>> row : rows.entrySet()) {
            svg.append("<text x=\"0\" y=\"").append(y + 16).append("\">").append(Html.escape(row.getKey()))
                    .append("</text>");
            double x = LABEL;
            for (String part : parts) {
                int value = row.getValue().getOrDefault(part, 0);
                double length = (WIDTH - LABEL - 10) * (double) value / max;
                if (value > 0) {
                    svg.append("<rect class=\"").append(Html.escape(part.toLowerCase(java.util.Locale.ROOT)))
                            .append("\" x=\"").append(Math.round(x)).append("\" y=\"").append(y + 4)
                            .append("\" width=\"").append(Math.max(1, Math.round(length))).append("\" height=\"")
                            .append(ROW - 8).append("\"><title>").append(Html.escape(part)).append(": ").append(value)
                            .append("</title></rect>");
                }
                x += length;
            }
            y += ROW;
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String title, int height) {
        return new StringBuilder("<svg class=\"chart\" role=\"img\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\" xmlns=\"http://www.w3.org/2000/svg\"><title>").append(Html.escape(title))
                .append("</title>");
    }

    private static String shorten(String label) {
        return label.length() <= 26 ? label : label.substring(0, 25) + "…";
    }
}
