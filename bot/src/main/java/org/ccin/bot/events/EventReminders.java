package org.ccin.bot.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ccin.bot.delivery.OutboxDispatcher;
import org.ccin.bot.delivery.OutgoingMessage;
import org.ccin.bot.i18n.Language;
import org.ccin.bot.i18n.Messages;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.Keyboard;
import org.ccin.scheduler.Routine;
import org.ccin.store.events.Event;
import org.ccin.store.events.EventRepository;
import org.ccin.store.events.ReplyRepository;
import org.ccin.store.newsletters.Recipient;
import org.ccin.store.outbox.OutboxLane;
import org.ccin.store.outbox.OutboxMessage;
import org.ccin.store.outbox.OutboxRepository;

/**
 * Every five minutes (and at start, to catch up): to those going, a reminder the day before, another an hour before,
 * and the online link shortly before the start. Each is an outbox row whose dedupe key names the event, the kind of
 * message and the member, so a run after a restart, or a second run in the same window, sends nothing twice. A
 * window that has passed is skipped (no day-before reminder an hour before), so a late Going gets only what still
 * fits; the link still goes to one who says Going while the event is under way, at once.
 */
final class EventReminders implements Routine {
    static final String NAME = "event-reminders";
    static final Duration DAY = Duration.ofHours(24);
    static final Duration HOUR = Duration.ofHours(1);
    static final Duration LINK = Duration.ofMinutes(15);

    private final EventRepository events;
    private final ReplyRepository replies;
    private final OutboxRepository outbox;
    private final OutboxDispatcher dispatcher;
    private final EventCards cards;
    private final Messages messages;
    private final Language fallback;
    private final Clock clock;

    EventReminders(EventRepository events, ReplyRepository replies, OutboxRepository outbox,
                   OutboxDispatcher dispatcher, EventCards cards, Messages messages, Language fallback, Clock clock) {
        this.events = events;
        this.replies = replies;
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.cards = cards;
        this.messages = messages;
        this.fallback = fallback;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String cron() {
        return "0 */5 * * * ?";
    }

    @Override
    public boolean runsAtStart() {
        return true;
    }

    @Override
    public void run() {
        Instant now = clock.instant();
        List<OutboxMessage> messagesToSend = new ArrayList<>();
        for (Event event : events.notOverStartingBy(now.plus(DAY))) {
            Duration left = Duration.between(now, event.startsAt());
            for (Recipient recipient : replies.going(event.id())) {
                Texts texts = messages.in(Language.fromCode(recipient.language()).orElse(fallback));
                if (left.compareTo(HOUR) > 0) {
                    messagesToSend.add(message(event, recipient, "day", texts.get("events.remind.day", "title",
                            event.title(), "when", cards.when(event, texts)), texts, true));
                } else if (!left.isNegative() && (left.compareTo(LINK) > 0 || event.onlineLink().isEmpty())) {
                    messagesToSend.add(message(event, recipient, "hour", texts.get("events.remind.hour", "title",
                            event.title(), "when", cards.when(event, texts)), texts, true));
                }
                link(event, recipient, now).ifPresent(messagesToSend::add);
            }
        }
        if (outbox.enqueue(messagesToSend) > 0) {
            dispatcher.wake();
        }
    }

    /**
     * Sends the online link at once to someone who said Going once it is due (from shortly before the start until
     * the end), rather than at the next run; the dedupe key keeps it to one, whichever comes first.
     */
    void linkNow(Event event, Recipient recipient) {
        link(event, recipient, clock.instant()).ifPresent(message -> {
            if (outbox.enqueue(List.of(message)) > 0) {
                dispatcher.wake();
            }
        });
    }

    /** Whether the online link goes to those going now: it is online, due, and not over. */
    static boolean linkIsDue(Event event, Instant now) {
        return event.onlineLink().isPresent() && Duration.between(now, event.startsAt()).compareTo(LINK) <= 0
                && event.endsAt().isAfter(now);
    }

    private java.util.Optional<OutboxMessage> link(Event event, Recipient recipient, Instant now) {
        if (!linkIsDue(event, now)) {
            return java.util.Optional.empty();
        }
        Texts texts = messages.in(Language.fromCode(recipient.language()).orElse(fallback));
        return java.util.Optional.of(message(event, recipient, "link", texts.get("events.remind.link", "title",
                event.title(), "time", texts.time(event.startsAt().atZone(cards.zone())),
                "link", event.onlineLink().get()), texts, false));
    }

    /**
     * The outbox key of a reminder or link: "event:7:day:12", and after staff moved the event twice "event:7:day.v2:12",
     * so that the new time's reminders are new keys (the outbox never takes a key twice) while a restart or a second
     * run in one window still finds the same key.
     */
    static String key(Event event, String what, long memberId) {
        String versioned = event.scheduleVersion() == 0 ? what : what + ".v" + event.scheduleVersion();
        return Invitations.KIND + ":" + event.id() + ":" + versioned + ":" + memberId;
    }

    private OutboxMessage message(Event event, Recipient recipient, String what, String html, Texts texts,
                                  boolean withCard) {
        Keyboard keyboard = Keyboard.create();
        if (withCard) {
            keyboard.row().button(texts.plain("events.button.open"), EventButton.SET.data(new EventButton.Open(
                    event.id())));
        } else {
            keyboard.row().link(texts.plain("events.button.join"), event.onlineLink().orElseThrow());
        }
        return new OutboxMessage(key(event, what, recipient.memberId()),
                OutboxLane.REMINDER, Invitations.KIND, event.id(), recipient.telegramUserId(),
                OutgoingMessage.text(html, keyboard.build()).json(), clock.instant());
    }
}
