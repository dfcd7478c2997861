package org.ccin.bot.events;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.ccin.bot.access.Role;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.Context;
import org.ccin.bot.telegram.Lane;
import org.ccin.bot.telegram.Sender;
import org.ccin.store.events.Answer;
import org.ccin.store.events.Event;
import org.ccin.store.events.EventRepository;
import org.ccin.store.events.ReplyRepository;
import org.ccin.store.members.Member;
import org.ccin.store.members.MemberRepository;
import org.ccin.store.newsletters.Recipient;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.objects.InputFile;

/**
 * What members tap on an event: its card, Going / Maybe / Can't (changed as often as they like, Going refused when
 * the places are taken), and its .ics file. Answers are registered members' only; an event that is cancelled, over
 * or unknown takes none. An event narrowed to some members (groups, categories, regions) is shown and answered only
 * by them and staff: the event id in a button is the client's choice, so the rule is checked here, not by hiding.
 */
final class MemberTaps {
    private final EventRepository events;
    private final ReplyRepository replies;
    private final MemberRepository members;
    private final EventCards cards;
    private final IcsFiles ics;
    private final EventReminders reminders;
    private final Sender sender;
    private final Clock clock;

    MemberTaps(EventRepository events, ReplyRepository replies, MemberRepository members, EventCards cards,
               IcsFiles ics, EventReminders reminders, Sender sender, Clock clock) {
        this.events = events;
        this.replies = replies;
        this.members = members;
        this.cards = cards;
        this.ics = ics;
        this.reminders = reminders;
        this.sender = sender;
        this.clock = clock;
    }

    void open(Context context, EventButton.Open button) {
        visible(context, button.event()).ifPresent(event -> show(context, event));
    }

    void reply(Context context, EventButton.Reply button) {
        Texts texts = context.texts();
        Optional<Member> member = members.findByTelegramId(context.userId()).filter(Member::isRegistered);
        if (member.isEmpty()) {
            context.reply().alert(texts.plain("events.register.first"));
            return;
        }
        switch (replies.answer(button.event(), member.get().id(), button.answer())) {
            case FULL -> context.reply().alert(texts.plain("events.full"));
            case CLOSED -> context.reply().alert(texts.plain("events.closed"));
            case NOT_FOR_MEMBER -> context.reply().alert(texts.plain("events.not_for_you"));
            case SAVED -> {
                Optional<Event> event = events.find(button.event());
                context.reply().answer(button.answer() == Answer.GOING && event.isPresent()
                        ? goingText(event.get(), texts)
                        : texts.plain("events.answer.saved." + button.answer().name().toLowerCase(Locale.ROOT)));
                event.ifPresent(e -> {
                    show(context, e);
                    if (button.answer() == Answer.GOING) {
                        Member m = member.get();
                        reminders.linkNow(e, new Recipient(m.id(), m.telegramUserId(), m.language()));
                    }
                });
            }
        }
    }

    void ics(Context context, EventButton.Ics button) {
        Optional<Event> event = visible(context, button.event()).filter(e -> !e.isCancelled());
        if (event.isEmpty()) {
            return;
        }
        context.reply().answer("");
        byte[] file = ics.of(event.get(), context.texts()).getBytes(StandardCharsets.UTF_8);
        long chat = context.incoming().chatId();
        sender.sendDocument(Lane.INTERACTIVE, chat, SendDocument.builder().chatId(chat)
                .document(new InputFile(new ByteArrayInputStream(file), IcsFiles.fileName(event.get())))
                .caption(context.texts().get("events.ics.caption", "title", event.get().title()))
                .parseMode("HTML").build());
    }

    /** The event if this person may see it (staff, one it is for, anyone when it is for everyone); else says why. */
    private Optional<Event> visible(Context context, long id) {
        Optional<Event> event = events.find(id);
        if (event.isEmpty()) {
            context.reply().alert(context.texts().plain("events.unknown"));
            return Optional.empty();
        }
        boolean open = context.has(Role.STAFF) || !event.get().audience().isNarrowed() || members
                .findByTelegramId(context.userId()).filter(m -> events.isFor(event.get(), m.id())).isPresent();
        if (!open) {
            context.reply().alert(context.texts().plain("events.not_for_you"));
            return Optional.empty();
        }
        return event;
    }

    /** What a Going gets told: only the reminders still to come, and when the online link comes. */
    private String goingText(Event event, Texts texts) {
        Duration left = Duration.between(clock.instant(), event.startsAt());
        String next = left.compareTo(EventReminders.DAY) > 0 ? "events.answer.saved.going"
                : left.compareTo(EventReminders.HOUR) > 0 ? "events.answer.saved.going.today"
                : left.isNegative() ? "events.answer.saved.going.started" : "events.answer.saved.going.soon";
        String text = texts.plain(next);
        if (event.onlineLink().isPresent()) {
            text += " " + texts.plain(EventReminders.linkIsDue(event, clock.instant())
                    ? "events.answer.link.now" : "events.answer.link.later");
        }
        return text;
    }

    private void show(Context context, Event event) {
        Optional<Answer> answer = members.findByTelegramId(context.userId())
                .flatMap(m -> replies.answerOf(event.id(), m.id()));
        Texts texts = context.texts();
        boolean staff = context.has(Role.STAFF);
        context.reply().show(cards.text(event, answer, texts), cards.keyboard(event, answer, texts, staff));
    }
}
