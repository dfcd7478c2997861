package org.ccin.bot.events;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ccin.bot.access.Role;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.CommandAdapter;
import org.ccin.bot.routing.Context;
import org.ccin.bot.routing.Keyboard;
import org.ccin.store.events.Answer;
import org.ccin.store.events.Event;
import org.ccin.store.events.EventRepository;
import org.ccin.store.events.ReplyRepository;
import org.ccin.store.members.MemberRepository;

/**
 * /events: the network's coming events open to the reader (see MemberTaps), soonest first, each with when and where
 * and, for a member, their own answer; in a private chat a button per event opens its card to answer.
 */
final class EventsCommand extends CommandAdapter {
    private final EventRepository events;
    private final ReplyRepository replies;
    private final MemberRepository members;
    private final ZoneId zone;

    EventsCommand(EventRepository events, ReplyRepository replies, MemberRepository members, ZoneId zone) {
        super("events", Role.EVERYONE, Where.ANYWHERE);
        this.events = events;
        this.replies = replies;
        this.members = members;
        this.zone = zone;
    }

    @Override
    public void handle(Context context) {
        Texts texts = context.texts();
        boolean privateChat = context.incoming().isPrivateChat();
        Optional<Long> member = members.findByTelegramId(context.userId()).map(m -> m.id());
        // in a private chat staff see every coming event and a member those open to them; in a group, where others
        // read the answer, and for anyone else, only those for everyone
        List<Event> coming = !privateChat ? events.comingForEveryone() : context.has(Role.STAFF) ? events.coming()
                : member.map(events::comingFor).orElseGet(events::comingForEveryone);
        if (coming.isEmpty()) {
            context.reply().send(texts.get("events.none"));
            return;
        }
        Map<Long, Answer> answers = privateChat ? member.map(replies::answersOf).orElse(Map.of()) : Map.of();
        StringBuilder text = new StringBuilder(texts.get("events.heading"));
        Keyboard keyboard = Keyboard.create();
        for (Event event : coming) {
            text.append("\n\n").append(texts.get("events.line", "title", event.title(),
                    "when", texts.dateTime(event.startsAt().atZone(zone))));
            event.place().ifPresent(place -> text.append("\n").append(texts.get("events.place", "place", place)));
            if (event.onlineLink().isPresent()) {
                text.append("\n").append(texts.get("events.online"));
            }
            Optional.ofNullable(answers.get(event.id())).ifPresent(answer -> text.append("\n").append(
                    texts.get("events.card.yours", "answer", texts.plain(EventCards.answerKey(answer)))));
            keyboard.row().button(event.title().length() > 40 ? event.title().substring(0, 39) + "…" : event.title(),
                    EventButton.SET.data(new EventButton.Open(event.id())));
        }
        if (privateChat) {
            text.append("\n\n").append(texts.get("events.open.hint"));
            context.reply().send(text.toString(), keyboard.build());
        } else {
            context.reply().send(text.toString());
        }
    }
}
