package org.ccin.bot.fakeapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A message text as Telegram stores it: plain text plus entities. With {@code parse_mode=HTML} the markup is
 * parsed as Telegram does, including its errors, so that a bot that forgets to escape "&lt;" fails here as it
 * would in production. Markdown modes are taken as they are (not parsed).
 */
record FormattedText(String text, ArrayNode entities) {

    private static final Map<String, String> ENTITY_TYPES = Map.ofEntries(
            Map.entry("b", "bold"), Map.entry("strong", "bold"), Map.entry("i", "italic"), Map.entry("em", "italic"),
            Map.entry("u", "underline"), Map.entry("ins", "underline"), Map.entry("s", "strikethrough"),
            Map.entry("strike", "strikethrough"), Map.entry("del", "strikethrough"),
            Map.entry("tg-spoiler", "spoiler"), Map.entry("span", "spoiler"), Map.entry("a", "text_link"),
            Map.entry("code", "code"), Map.entry("pre", "pre"), Map.entry("blockquote", "blockquote"),
            Map.entry("tg-emoji", "custom_emoji"));
    private static final Map<String, String> CHARACTER_NAMES = Map.of("lt", "<", "gt", ">", "amp", "&", "quot", "\"");

    /** Length of the text as Telegram counts it (characters, after entities parsing). */
    int length() {
        return text.codePointCount(0, text.length());
    }

    boolean isBlank() {
        return text.isBlank();
    }

    /**
     * The formatted text of a {@code text}/{@code caption} parameter.
     *
     * @param explicitEntities the {@code entities}/{@code caption_entities} parameter, used without a parse mode
     */
    static FormattedText of(String raw, Optional<String> parseMode, Optional<JsonNode> explicitEntities) {
        if (parseMode.filter(mode -> mode.equalsIgnoreCase("HTML")).isPresent()) {
            return parseHtml(raw);
        }
        ArrayNode entities = Json.array();
        explicitEntities.filter(JsonNode::isArray).ifPresent(given -> given.forEach(entities::add));
        return new FormattedText(raw, entities);
    }

    static FormattedText parseHtml(String html) {
        StringBuilder text = new StringBuilder();
        Deque<OpenTag> open = new ArrayDeque<>();
        List<ObjectNode> entities = new ArrayList<>();
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '&') {
                i = appendCharacterReference(html, i, text);
            } else if (c != '<') {
                text.append(c);
                i++;
            } else if (i + 1 < html.length() && html.charAt(i + 1) == '/') {
                i = closeTag(html, i, open, text.length(), entities);
            } else {
                i = openTag(html, i, open, text.length());
            }
        }
        if (!open.isEmpty()) {
            throw cantParse("Can't find end tag corresponding to start tag \"" + open.peek().name() + "\"");
        }
        entities.sort(Comparator.<ObjectNode>comparingInt(e -> e.get("offset").asInt())
                .thenComparing(e -> -e.get("length").asInt()));
        ArrayNode array = Json.array();
        entities.forEach(array::add);
        return new FormattedText(text.toString(), array);
    }

    private record OpenTag(String name, Map<String, String> attributes, int offset) {

        Optional<ObjectNode> toEntity(int end) {
            if (end == offset) {
                return Optional.empty();
            }
            ObjectNode entity = Json.object().put("type", ENTITY_TYPES.get(name)).put("offset", offset)
                    .put("length", end - offset);
            switch (name) {
                case "a" -> {
                    String href = attributes.getOrDefault("href", "");
                    if (href.isEmpty()) {
                        return Optional.empty();
                    }
                    entity.put("url", href);
                }
                case "blockquote" -> {
                    if (attributes.containsKey("expandable")) {
                        entity.put("type", "expandable_blockquote");
                    }
                }
                case "tg-emoji" -> entity.put("custom_emoji_id", attributes.getOrDefault("emoji-id", ""));
                default -> {
                }
            }
            return Optional.of(entity);
        }
    }

    private static int openTag(String html, int start, Deque<OpenTag> open, int textOffset) {
        int end = start + 1;
        while (end < html.length() && !Character.isWhitespace(html.charAt(end)) && html.charAt(end) != '>') {
            end++;
        }
        String name = html.substring(start + 1, end).toLowerCase(Locale.ROOT);
        if (!ENTITY_TYPES.containsKey(name)) {
            throw cantParse("Unsupported start tag \"" + name + "\" at byte offset " + byteOffset(html, start));
        }
        Map<String, String> attributes = new HashMap<>();
        int close = readAttributes(html, end, start, attributes);
        if (name.equals("span") && !"tg-spoiler".equals(attributes.get("class"))) {
            throw cantParse("Tag \"span\" must have class \"tg-spoiler\" at byte offset " + byteOffset(html, start));
        }
        open.push(new OpenTag(name, attributes, textOffset));
        return close + 1;
    }

    private static int closeTag(String html, int start, Deque<OpenTag> open, int textOffset, List<ObjectNode> out) {
        int close = html.indexOf('>', start);
        if (close < 0) {
            throw cantParse("Can't find end of tag at byte offset " + byteOffset(html, start));
        }
        String name = html.substring(start + 2, close).trim().toLowerCase(Locale.ROOT);
        if (open.isEmpty()) {
            throw cantParse("Unexpected end tag at byte offset " + byteOffset(html, start));
        }
        OpenTag tag = open.pop();
        if (!tag.name().equals(name)) {
            throw cantParse("Unmatched end tag at byte offset " + byteOffset(html, start) + ", expected \"</"
                    + tag.name() + ">\", found \"</" + name + ">\"");
        }
        tag.toEntity(textOffset).ifPresent(out::add);
        return close + 1;
    }

    /** Reads {@code name="value"} pairs up to the tag's '>' and answers the position of that '>'. */
    private static int readAttributes(String html, int from, int tagStart, Map<String, String> attributes) {
        int i = from;
        while (true) {
            while (i < html.length() && Character.isWhitespace(html.charAt(i))) {
                i++;
            }
            if (i >= html.length()) {
                throw cantParse("Unclosed start tag at byte offset " + byteOffset(html, tagStart));
            }
            if (html.charAt(i) == '>') {
                return i;
            }
            int nameStart = i;
            while (i < html.length() && "=> \t\n\r".indexOf(html.charAt(i)) < 0) {
                i++;
            }
            String name = html.substring(nameStart, i).toLowerCase(Locale.ROOT);
            String value = "";
            if (i < html.length() && html.charAt(i) == '=') {
                i++;
                int valueEnd;
                if (i < html.length() && (html.charAt(i) == '"' || html.charAt(i) == '\'')) {
                    valueEnd = html.indexOf(html.charAt(i), i + 1);
                    if (valueEnd < 0) {
                        throw cantParse("Unclosed start tag at byte offset " + byteOffset(html, tagStart));
                    }
                    value = html.substring(i + 1, valueEnd);
                    i = valueEnd + 1;
                } else {
                    valueEnd = i;
                    while (valueEnd < html.length() && "> \t\n\r".indexOf(html.charAt(valueEnd)) < 0) {
                        valueEnd++;
                    }
                    value = html.substring(i, valueEnd);
                    i = valueEnd;
                }
            }
            attributes.put(name, decodeCharacterReferences(value));
        }
    }

    /** Telegram decodes {@code &lt; &gt; &amp; &quot;} and numeric references, and keeps any other '&' as it is. */
    private static int appendCharacterReference(String html, int ampersand, StringBuilder out) {
        int semicolon = html.indexOf(';', ampersand);
        if (semicolon > ampersand + 1 && semicolon - ampersand <= 10) {
            String name = html.substring(ampersand + 1, semicolon);
            Optional<String> decoded = decode(name);
            if (decoded.isPresent()) {
                out.append(decoded.get());
                return semicolon + 1;
            }
        }
        out.append('&');
        return ampersand + 1;
    }

    private static Optional<String> decode(String name) {
        if (name.startsWith("#")) {
            try {
                int codePoint = name.startsWith("#x") || name.startsWith("#X")
                        ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
                return Optional.of(new String(Character.toChars(codePoint)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(CHARACTER_NAMES.get(name));
    }

    private static String decodeCharacterReferences(String value) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < value.length()) {
            if (value.charAt(i) == '&') {
                i = appendCharacterReference(value, i, out);
            } else {
                out.append(value.charAt(i++));
            }
        }
        return out.toString();
    }

    private static int byteOffset(String html, int index) {
        return html.substring(0, index).getBytes(StandardCharsets.UTF_8).length;
    }

    private static ApiError cantParse(String detail) {
        return ApiError.badRequest("can't parse entities: " + detail);
    }
}
