package org.ccin.bot.events;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ccin.bot.access.Role;
import org.ccin.bot.delivery.OutboxDispatcher;
import org.ccin.bot.delivery.OutgoingMessage;
import org.ccin.bot.i18n.Html;
import org.ccin.bot.i18n.LanguagePreference;
import org.ccin.bot.i18n.Messages;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.Context;
import org.ccin.bot.routing.ConversationFlow;
import org.ccin.bot.routing.FlowState;
import org.ccin.bot.routing.Keyboard;
import org.ccin.store.audit.AuditLog;
import org.ccin.store.conversations.Conversation;
import org.ccin.store.events.Answer;
import org.ccin.store.events.Event;
import org.ccin.store.events.EventRepository;
import org.ccin.store.events.ReplyRepository;
import org.ccin.store.outbox.OutboxLane;
import org.ccin.store.outbox.OutboxMessage;

/**
 * Staff move an announced event: new start, end, place and online link, one question at a time ("=" keeps what is
 * there), then a preview of before and after with Save. Saving withdraws the reminders queued for the old time (the
 * new time's come from the routine, under new keys) and tells those who said Going or Maybe, once each. Nothing
 * changes before Save; a change started from an older version of the event (another staff member moved it
 * meanwhile), or an event cancelled or over since, is refused.
 */
final class ChangeEventFlow implements ConversationFlow {
    static final String FLOW = "change-event";
    private static final String START = "start";
    private static final String END = "end";
    private static final String PLACE = "place";
    private static final String LINK = "link";
    private static final String CONFIRM = "confirm";

    private final FlowState<ChangeDraft> changes;
    private final EventRepository events;
    private final ReplyRepository replies;
    private final EventCards cards;
    private final Messages messages;
    private final LanguagePreference languages;
    private final OutboxDispatcher dispatcher;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;

    ChangeEventFlow(FlowState<ChangeDraft> changes, EventRepository events, ReplyRepository replies, EventCards cards,
                    Messages messages, LanguagePreference languages, OutboxDispatcher dispatcher, AuditLog audit,
                    Clock clock) {
        this.changes = changes;
        this.events = events;
        this.replies = replies;
        this.cards = cards;
        this.messages = messages;
        this.languages = languages;
        this.dispatcher = dispatcher;
        this.audit = audit;
        this.clock = clock;
        this.zone = cards.zone();
    }

    @Override
    public String flow() {
        return FLOW;
    }

    @Override
    public boolean awaitsText(Conversation conversation) {
        return !conversation.step().equals(CONFIRM);
    }

    /** The staff card's Change button: the first question, with the start as it stands. */
    void start(Context context, EventButton.Change button) {
        Optional<Event> event = events.find(button.event()).filter(e -> e.takesAnswers(clock.instant()));
        Texts texts = context.texts();
        if (event.isEmpty()) {
            context.reply().alert(texts.plain("events.closed"));
            return;
        }
        changes.save(context, START, ChangeDraft.of(event.get()));
        context.reply().answer("");
        context.reply().send(texts.get("events.change.start", "title", event.get().title(), "now",
                cards.when(event.get(), texts)));
    }

    @Override
    public void onMessage(Context context, Conversation conversation) {
        Texts texts = context.texts();
        Optional<ChangeDraft> read = changes.read(conversation);
        Optional<Event> event = read.flatMap(d -> events.find(d.event())).filter(e -> e.takesAnswers(clock.instant()));
        if (event.isEmpty()) {
            changes.end(context);
            context.reply().send(texts.get("events.change.gone"));
            return;
        }
        String text = context.incoming().text().map(String::trim).orElse("");
        if (text.isEmpty()) {
            context.reply().send(texts.get("events.new.text.please"));
            return;
        }
        ChangeDraft draft = read.get();
        boolean keep = text.equals("=");
        switch (conversation.step()) {
            case START -> {
                Optional<ZonedDateTime> start = keep ? Optional.of(draft.startsAt().atZone(zone))
                        : EventInput.dateTime(text, zone);
                if (start.isEmpty()) {
                    context.reply().send(texts.get("events.new.date.bad"));
                } else if (!start.get().toInstant().isAfter(clock.instant())) {
                    context.reply().send(texts.get("events.new.start.past"));
                } else {
                    Duration length = Duration.between(event.get().startsAt(), event.get().endsAt());
                    ChangeDraft moved = draft.withStart(start.get().toInstant(), length);
                    next(context, END, moved, texts.get("events.change.end", "end",
                            texts.dateTime(moved.endsAt().atZone(zone))));
                }
            }
            case END -> {
                Optional<ZonedDateTime> end = keep ? Optional.of(draft.endsAt().atZone(zone))
                        : EventInput.end(text, draft.startsAt().atZone(zone));
                if (end.isEmpty()) {
                    context.reply().send(texts.get("events.new.date.bad"));
                } else if (!end.get().toInstant().isAfter(draft.startsAt())) {
                    context.reply().send(texts.get("events.new.end.before"));
                } else {
                    next(context, PLACE, draft.withEnd(end.get().toInstant()), texts.get("events.change.place",
                            "now", Objects.requireNonNullElse(draft.place(), "-")));
                }
            }
            case PLACE -> {
                if (text.length() > EventInput.MAX_TITLE * 2) {
                    context.reply().send(texts.get("events.new.place.long"));
                    return;
                }
                ChangeDraft placed = keep ? draft : draft.withPlace(EventInput.isNone(text) ? null : text);
                next(context, LINK, placed, texts.get("events.change.link", "now",
                        Objects.requireNonNullElse(draft.onlineLink(), "-")));
            }
            case LINK -> {
                Optional<String> link = keep || EventInput.isNone(text) ? Optional.empty() : EventInput.link(text);
                if (!keep && !EventInput.isNone(text) && link.isEmpty()) {
                    context.reply().send(texts.get("events.new.link.bad"));
                    return;
                }
                ChangeDraft linked = keep ? draft : draft.withLink(link.orElse(null));
                if (linked.onlineLink() == null && linked.place() == null) {
                    context.reply().send(texts.get("events.new.where.needed"));
                    return;
                }
                preview(context, event.get(), linked);
            }
            default -> context.reply().send(texts.get("events.new.buttons.please"));
        }
    }

    private void next(Context context, String step, ChangeDraft draft, String question) {
        changes.save(context, step, draft);
        context.reply().send(question);
    }

    private void preview(Context context, Event event, ChangeDraft draft) {
        Texts texts = context.texts();
        if (!draft.changes(event)) {
            changes.end(context);
            context.reply().send(texts.get("events.change.nothing"));
            return;
        }
        changes.save(context, CONFIRM, draft);
        Event after = draft.applyTo(event);
        context.reply().send(texts.get("events.change.preview", "title", event.title(),
                "before", Html.trusted(where(event, texts)), "after", Html.trusted(where(after, texts)),
                "count", told(event).size()),
                Keyboard.create().row()
                        .button(texts.plain("events.button.change.save"),
                                EventButton.SET.data(new EventButton.ChangeSave(draft.id())))
                        .button(texts.plain("events.button.discard"),
                                EventButton.SET.data(new EventButton.ChangeDiscard(draft.id()))).build());
    }

    /** When and where, on two or three lines, as HTML (each line escaped by its own text). */
    private String where(Event event, Texts texts) {
        StringBuilder text = new StringBuilder(cards.when(event, texts));
        event.place().ifPresent(place -> text.append("\n").append(texts.get("events.place", "place", place)));
        if (event.onlineLink().isPresent()) {
            text.append("\n").append(texts.get("events.online"));
        }
        return text.toString();
    }

    /** Save: the preview's own change, from the event as it was then, by someone who is staff now. */
    void save(Context context, EventButton.ChangeSave button) {
        Texts texts = context.texts();
        Optional<ChangeDraft> draft = changes.current(context).filter(c -> c.step().equals(CONFIRM))
                .flatMap(changes::read).filter(d -> d.id().equals(button.change()));
        if (draft.isEmpty()) {
            context.reply().alert(texts.plain("button.stale"));
            return;
        }
        changes.end(context);
        Optional<Event> event = events.find(draft.get().event());
        if (event.isEmpty() || !context.has(Role.STAFF) || !draft.get().startsAt().isAfter(clock.instant())
                || event.get().scheduleVersion() != draft.get().version()) {
            context.reply().show(texts.get("events.change.stale"), null);
            return;
        }
        Event after = draft.get().applyTo(event.get());
        List<OutboxMessage> notices = notices(event.get(), after);
        if (!events.reschedule(event.get().id(), draft.get().version(), draft.get().schedule(), notices)) {
            context.reply().show(texts.get("events.change.stale"), null);
            return;
        }
        dispatcher.wake();
        audit.record(Optional.of(context.userId()), "event.changed", "event " + after.id() + ": " + after.title(),
                texts.dateTime(event.get().startsAt().atZone(zone)) + " → "
                        + texts.dateTime(after.startsAt().atZone(zone)) + ", " + notices.size() + " told");
        Event saved = events.find(after.id()).orElse(after);
        context.reply().answer(texts.plain("events.change.saved.short"));
        context.reply().show(texts.get("events.change.saved", "count", notices.size()) + "\n\n"
                + cards.text(saved, Optional.empty(), texts), cards.keyboard(saved, Optional.empty(), texts, true));
    }

    void discard(Context context, EventButton.ChangeDiscard button) {
        Optional<ChangeDraft> draft = changes.current(context).flatMap(changes::read);
        if (draft.isPresent() && !draft.get().id().equals(button.change())) {
            context.reply().alert(context.texts().plain("button.stale"));
            return;
        }
        changes.end(context);
        context.reply().show(context.texts().get("events.change.discarded"), null);
    }

    /** Those going or perhaps going, told of the new time and place, each in their language, once per change. */
    private List<OutboxMessage> notices(Event before, Event after) {
        List<OutboxMessage> notices = new ArrayList<>();
        for (ReplyRepository.Replier replier : told(before)) {
            Texts texts = messages.in(languages.of(replier.telegramUserId()));
            String html = texts.get("events.changed.notice", "title", after.title(), "before", cards.when(before,
                    texts), "after", Html.trusted(where(after, texts)));
            Keyboard keyboard = Keyboard.create();
            keyboard.row().button(texts.plain("events.button.open"), EventButton.SET.data(new EventButton.Open(
                    after.id())));
            notices.add(new OutboxMessage(Invitations.KIND + ":" + after.id() + ":changed.v" + after.scheduleVersion()
                    + ":" + replier.memberId(), OutboxLane.REMINDER, Invitations.KIND, after.id(),
                    replier.telegramUserId(), OutgoingMessage.text(html, keyboard.build()).json(), clock.instant()));
        }
        return notices;
    }

    private List<ReplyRepository.Replier> told(Event event) {
        return replies.repliers(event.id()).stream().filter(r -> r.answer() != Answer.NOT_GOING).toList();
    }
}
