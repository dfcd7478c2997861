package org.ccin.bot.newsletters;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.ccin.bot.i18n.Html;
import org.ccin.store.newsletters.Content;
import org.ccin.store.newsletters.LinkButton;
import org.ccin.store.newsletters.Media;
import org.telegram.telegrambots.meta.api.objects.photo.PhotoSize;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Reads what staff send while composing: the newsletter itself (formatted text, or a photo or document with a
 * caption) and its link buttons. Refuses, with the reason's bundle key, what Telegram would refuse at sending time.
 */
final class ContentReader {
    /** Telegram's limits, in characters after formatting is taken out. */
    static final int MAX_TEXT = 4096;
    static final int MAX_CAPTION = 1024;
    static final int MAX_BUTTONS = 6;
    static final int MAX_LABEL = 40;
    private static final int TITLE_LENGTH = 60;

    private ContentReader() {
    }

    /** What was read, or why not: a bundle key with its values. */
    record Outcome<T>(Optional<T> value, String problemKey, Object[] values) {
        static <T> Outcome<T> ok(T value) {
            return new Outcome<>(Optional.of(value), "", new Object[0]);
        }

        static <T> Outcome<T> problem(String key, Object... values) {
            return new Outcome<>(Optional.empty(), key, values);
        }
    }

    static Outcome<Content> content(Message message, List<LinkButton> keptButtons) {
        if (message.hasPhoto() || message.hasDocument()) {
            String caption = message.getCaption() == null ? "" : message.getCaption();
            int length = caption.codePointCount(0, caption.length());
            if (length > MAX_CAPTION) {
                return Outcome.problem("nl.compose.caption.long", "max", MAX_CAPTION, "length", length);
            }
            Media media = message.hasPhoto() ? Media.PHOTO : Media.DOCUMENT;
            String fileId = message.hasPhoto()
                    ? message.getPhoto().stream().max(Comparator.comparing(p -> area(p))).orElseThrow().getFileId()
                    : message.getDocument().getFileId();
            String title = caption.isBlank() && message.hasDocument() && message.getDocument().getFileName() != null
                    ? message.getDocument().getFileName() : caption;
            return Outcome.ok(new Content(title(title), FormattedInput.toHtml(caption, message.getCaptionEntities()),
                    media, Optional.of(fileId), keptButtons));
        }
        if (!message.hasText() || message.getText().isBlank() || message.getText().startsWith("/")) {
            return Outcome.problem("nl.compose.what");
        }
        String text = message.getText();
        int length = text.codePointCount(0, text.length());
        if (length > MAX_TEXT) {
            return Outcome.problem("nl.compose.text.long", "max", MAX_TEXT, "length", length);
        }
        return Outcome.ok(new Content(title(text), FormattedInput.toHtml(text, message.getEntities()), Media.TEXT,
                Optional.empty(), keptButtons));
    }

    private static long area(PhotoSize photo) {
        return (long) (photo.getWidth() == null ? 0 : photo.getWidth()) * (photo.getHeight() == null ? 0 : photo.getHeight());
    }

    private static String title(String text) {
        String firstLine = text.strip().lines().findFirst().orElse("").strip();
        if (firstLine.isEmpty()) {
            return "…";
        }
        return firstLine.length() <= TITLE_LENGTH ? firstLine : firstLine.substring(0, TITLE_LENGTH - 1) + "…";
    }

    /** Link buttons, one per line: {@code Label | https://address}. */
    static Outcome<List<LinkButton>> buttons(String text) {
        List<LinkButton> buttons = new ArrayList<>();
        for (String raw : text.strip().split("\n")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            int bar = line.lastIndexOf('|');
            if (bar <= 0) {
                return Outcome.problem("nl.buttons.shape", "line", line);
            }
            String label = line.substring(0, bar).strip();
            String url = line.substring(bar + 1).strip();
            if (label.isEmpty() || label.length() > MAX_LABEL) {
                return Outcome.problem("nl.buttons.label", "line", line, "max", MAX_LABEL);
            }
            if (!isWebAddress(url)) {
                return Outcome.problem("nl.buttons.url", "url", url);
            }
            buttons.add(new LinkButton(label, url));
        }
        if (buttons.isEmpty()) {
            return Outcome.problem("nl.buttons.shape", "line", text.strip());
        }
        if (buttons.size() > MAX_BUTTONS) {
            return Outcome.problem("nl.buttons.many", "max", MAX_BUTTONS);
        }
        return Outcome.ok(buttons);
    }

    private static boolean isWebAddress(String url) {
        try {
            URI uri = new URI(url);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && !uri.getHost().isBlank() && Html.escape(url).length() < 2000;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
