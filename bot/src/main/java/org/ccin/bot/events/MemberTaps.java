package org.ccin.bot.events;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
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
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.objects.InputFile;

/**
 * What members tap on an event: its card, Going / Maybe / Can't (changed as often as they like, Going refused when
 * the places are taken), and its .ics file. Answers are registered members' only; an event that is cancelled, over
 * or unknown takes none.
 */
final class MemberTaps {
    private final EventRepository events;
    private final ReplyRepository replies;
    private final MemberRepository members;
    private final EventCards cards;
    private final IcsFiles ics;
    private final Sender sender;

    MemberTaps(EventRepository events, ReplyRepository replies, MemberRepository members, EventCards cards,
               IcsFiles ics, Sender sender) {
        this.events = events;
        this.replies = replies;
        this.members = members;
        this.cards = cards;
        this.ics = ics;
        this.sender = sender;
    }

    void open(Context context, EventButton.Open button) {
        Optional<Event> event = events.find(button.event());
        if (event.isEmpty()) {
            context.reply().alert(context.texts().plain("events.unknown"));
            return;
        }
        show(context, event.get());
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
            case SAVED -> {
                context.reply().answer(texts.plain("events.answer.saved." + button.answer().name().toLowerCase(
                        java.util.Locale.ROOT)));
                events.find(button.event()).ifPresent(event -> show(context, event));
            }
        }
    }

    void ics(Context context, EventButton.Ics button) {
        Optional<Event> event = events.find(button.event()).filter(e -> !e.isCancelled());
        if (event.isEmpty()) {
            context.reply().alert(context.texts().plain("events.unknown"));
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

    private void show(Context context, Event event) {
        Optional<Answer> answer = members.findByTelegramId(context.userId())
                .flatMap(m -> replies.answerOf(event.id(), m.id()));
        Texts texts = context.texts();
        boolean staff = context.has(Role.STAFF);
        context.reply().show(cards.text(event, answer, texts), cards.keyboard(event, answer, texts, staff));
    }
}
