package org.ccin.bot.newsletters;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.ccin.bot.i18n.Html;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;

/**
 * Turns what a person wrote with formatting in their Telegram app (plain text plus entities) back into Telegram
 * HTML, so that a newsletter goes out looking as staff wrote it. Entity offsets count UTF-16 units, as Java strings
 * do. Entities that overlap without nesting are closed and reopened around each other. Formatting HTML cannot carry
 * (mentions of people, custom emoji, a code block's language, an expandable quote) is kept as plain text or
 * simple formatting.
 */
final class FormattedInput {
    private static final Map<String, String> TAGS = Map.of("bold", "b", "italic", "i", "underline", "u",
            "strikethrough", "s", "spoiler", "tg-spoiler", "code", "code", "pre", "pre", "text_link", "a",
            "blockquote", "blockquote", "expandable_blockquote", "blockquote");

    private FormattedInput() {
    }

    static String toHtml(String text, List<MessageEntity> entities) {
        if (text == null) {
            return "";
        }
        List<Span> spans = new ArrayList<>();
        if (entities != null) {
            for (MessageEntity entity : entities) {
                String tag = TAGS.get(entity.getType());
                int start = entity.getOffset() == null ? -1 : entity.getOffset();
                int end = start + (entity.getLength() == null ? 0 : entity.getLength());
                if (tag != null && start >= 0 && end > start && end <= text.length()) {
                    spans.add(new Span(tag, start, end, openingTag(tag, entity)));
                }
            }
        }
        spans.sort(Comparator.comparingInt(Span::start).thenComparing(Comparator.comparingInt(Span::end).reversed()));
        StringBuilder html = new StringBuilder();
        Deque<Span> open = new ArrayDeque<>();
        int next = 0;
        for (int i = 0; i <= text.length(); i++) {
            closeEndingAt(i, open, html);
            while (next < spans.size() && spans.get(next).start() == i) {
                Span span = spans.get(next++);
                html.append(span.opening());
                open.push(span);
            }
            if (i < text.length()) {
                html.append(Html.escape(String.valueOf(text.charAt(i))));
            }
        }
        return html.toString();
    }

    /** Closes the spans that end here; spans opened inside them that go on are closed first and opened again. */
    private static void closeEndingAt(int position, Deque<Span> open, StringBuilder html) {
        if (open.stream().noneMatch(span -> span.end() == position)) {
            return;
        }
        Deque<Span> reopen = new ArrayDeque<>();
        while (open.stream().anyMatch(span -> span.end() == position)) {
            Span top = open.pop();
            html.append("</").append(top.tag()).append('>');
            if (top.end() != position) {
                reopen.push(top);
            }
        }
        while (!reopen.isEmpty()) {
            Span span = reopen.pop();
            html.append(span.opening());
            open.push(span);
        }
    }

    private static String openingTag(String tag, MessageEntity entity) {
        if (tag.equals("a")) {
            return "<a href=\"" + Html.escape(entity.getUrl() == null ? "" : entity.getUrl()) + "\">";
        }
        return "<" + tag + ">";
    }

    private record Span(String tag, int start, int end, String opening) {
    }
}
