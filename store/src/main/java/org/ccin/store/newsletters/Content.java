package org.ccin.store.newsletters;

import java.util.List;
import java.util.Optional;

/**
 * What a newsletter says.
 *
 * @param title a short name for lists and the archive
 * @param body the text (or caption) as Telegram HTML
 * @param fileId the photo or document, as Telegram's file id, when {@code media} is not TEXT
 */
public record Content(String title, String body, Media media, Optional<String> fileId, List<LinkButton> buttons) {

    public Content {
        buttons = List.copyOf(buttons);
        if ((media == Media.TEXT) != fileId.isEmpty()) {
            throw new IllegalArgumentException("a photo or document needs its file, and a text has none");
        }
    }

    public Content withButtons(List<LinkButton> newButtons) {
        return new Content(title, body, media, fileId, newButtons);
    }
}
