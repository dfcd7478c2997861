package org.ccin.bot.newsletters;

import org.ccin.bot.delivery.OutgoingMessage;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.Keyboard;
import org.ccin.store.newsletters.Content;
import org.ccin.store.newsletters.LinkButton;
import org.ccin.store.newsletters.Newsletter;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * A newsletter as its readers get it: the content staff wrote, its link buttons, and in the reader's language a
 * "Useful" button and the Unsubscribe buttons (for the newsletter's topic, or for everything).
 */
final class NewsletterMessages {
    private final NewsletterTopics topics;

    NewsletterMessages(NewsletterTopics topics) {
        this.topics = topics;
    }

    /** The message to a subscriber (also the preview staff see). */
    OutgoingMessage forReader(Newsletter newsletter, Texts texts) {
        long id = newsletter.id();
        Keyboard keyboard = links(newsletter.content());
        keyboard.row().button(texts.plain("nl.reader.useful"), ReaderButton.SET.data(new ReaderButton.Useful(id)))
                .button(texts.plain("nl.reader.unsubscribe", "topic", topics.name(newsletter.audience().topic(), texts)),
                        ReaderButton.SET.data(new ReaderButton.Unsubscribe(id)))
                .row().button(texts.plain("nl.reader.unsubscribe.all"),
                        ReaderButton.SET.data(new ReaderButton.UnsubscribeAll(id)));
        return message(newsletter.content(), keyboard.build());
    }

    /** The copy posted to the network's channel: the content and its links only. */
    OutgoingMessage forChannel(Newsletter newsletter) {
        Keyboard keyboard = links(newsletter.content());
        return message(newsletter.content(), keyboard.isEmpty() ? null : keyboard.build());
    }

    private static Keyboard links(Content content) {
        Keyboard keyboard = Keyboard.create();
        for (LinkButton button : content.buttons()) {
            keyboard.row().link(button.label(), button.url());
        }
        return keyboard;
    }

    private static OutgoingMessage message(Content content, InlineKeyboardMarkup keyboard) {
        switch (content.media()) {
            case PHOTO:
                return new OutgoingMessage(OutgoingMessage.Kind.PHOTO, content.body(), content.fileId().orElseThrow(),
                        keyboard, null);
            case DOCUMENT:
                return new OutgoingMessage(OutgoingMessage.Kind.DOCUMENT, content.body(),
                        content.fileId().orElseThrow(), keyboard, null);
            default:
                return OutgoingMessage.text(content.body(), keyboard);
        }
    }
}
