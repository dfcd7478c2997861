package org.ccin.bot.labs;

import java.util.ArrayList;
import java.util.List;
import org.ccin.bot.delivery.OutboxDispatcher;
import org.ccin.bot.delivery.OutgoingMessage;
import org.ccin.bot.i18n.Language;
import org.ccin.bot.i18n.Messages;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.Keyboard;
import org.ccin.store.labs.Round;
import org.ccin.store.newsletters.Audience;
import org.ccin.store.newsletters.NewsletterRepository;
import org.ccin.store.newsletters.Recipient;
import org.ccin.store.outbox.OutboxLane;
import org.ccin.store.outbox.OutboxMessage;
import org.ccin.store.outbox.OutboxRepository;

/**
 * Tells the subscribers of a round's newsletter topic that it is open, through the outbox (one row per member, keyed
 * by round and member, so announcing twice sends nothing twice), not before the round opens.
 */
final class Announcer {
    static final String KIND = "labs-round";

    private final NewsletterRepository newsletters;
    private final OutboxRepository outbox;
    private final OutboxDispatcher dispatcher;
    private final Messages messages;
    private final RoundWords words;

    Announcer(NewsletterRepository newsletters, OutboxRepository outbox, OutboxDispatcher dispatcher,
              Messages messages, RoundWords words) {
        this.newsletters = newsletters;
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.messages = messages;
        this.words = words;
    }

    /** @return how many members it goes to */
    int announce(Round round) {
        List<OutboxMessage> rows = new ArrayList<>();
        for (Recipient recipient : newsletters.recipients(Audience.of(round.topic()))) {
            Texts texts = messages.in(Language.fromCode(recipient.language()).orElse(Language.EN));
            String html = texts.get("labs.announce", "round", words.name(texts, round),
                    "kind", round.kind().name(), "budget", Amounts.format(round.budget()),
                    "max", Amounts.format(round.maxAward()), "opens", words.when(texts, round.opensAt()),
                    "closes", words.when(texts, round.closesAt()));
            OutgoingMessage message = OutgoingMessage.text(html, Keyboard.create().button(
                    texts.plain("labs.button.apply", "round", words.name(texts, round)),
                    LabsButton.SET.data(new LabsButton.Apply(round.id()))).build());
            rows.add(new OutboxMessage(KIND + ":" + round.id() + ":member:" + recipient.memberId(),
                    OutboxLane.BROADCAST, KIND, round.id(), recipient.telegramUserId(), message.json(),
                    round.opensAt()));
        }
        outbox.enqueue(rows);
        dispatcher.wake();
        return rows.size();
    }
}
