package org.ccin.bot.events;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.ccin.bot.delivery.OutboxDispatcher;
import org.ccin.bot.delivery.OutgoingMessage;
import org.ccin.bot.i18n.Language;
import org.ccin.bot.i18n.Messages;
import org.ccin.bot.i18n.Texts;
import org.ccin.store.events.Event;
import org.ccin.store.events.EventRepository;
import org.ccin.store.newsletters.NewsletterRepository;
import org.ccin.store.newsletters.Recipient;
import org.ccin.store.outbox.OutboxLane;
import org.ccin.store.outbox.OutboxMessage;

/**
 * Announces an event to its audience, found as a newsletter's is (the subscribers of its topic, narrowed by groups,
 * categories and regions), each in their language, with the answer buttons: one outbox row per member, on the
 * broadcast lane, so that a big audience never slows the bot's answers; the dedupe key announces each once.
 */
final class Invitations {
    static final String KIND = "event";

    private final EventRepository events;
    private final NewsletterRepository audiences;
    private final EventCards cards;
    private final Messages messages;
    private final Language fallback;
    private final OutboxDispatcher dispatcher;
    private final Clock clock;

    Invitations(EventRepository events, NewsletterRepository audiences, EventCards cards, Messages messages,
                Language fallback, OutboxDispatcher dispatcher, Clock clock) {
        this.events = events;
        this.audiences = audiences;
        this.cards = cards;
        this.messages = messages;
        this.fallback = fallback;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /** How many would be invited now. */
    int audienceSize(org.ccin.store.newsletters.Audience audience) {
        return audiences.countRecipients(audience);
    }

    /** @return how many were invited; empty when it was announced before (or cancelled) */
    Optional<Integer> announce(Event event) {
        List<Recipient> recipients = audiences.recipients(event.audience());
        Optional<Integer> invited = events.announce(event.id(), recipients, recipient -> {
            Texts texts = messages.in(Language.fromCode(recipient.language()).orElse(fallback));
            String html = texts.get("events.invite.heading") + "\n\n" + cards.text(event, Optional.empty(), texts);
            return new OutboxMessage(KIND + ":" + event.id() + ":invite:" + recipient.memberId(), OutboxLane.BROADCAST,
                    KIND, event.id(), recipient.telegramUserId(),
                    OutgoingMessage.text(html, cards.keyboard(event, Optional.empty(), texts, false)).json(),
                    clock.instant());
        });
        invited.filter(count -> count > 0).ifPresent(count -> dispatcher.wake());
        return invited;
    }
}
