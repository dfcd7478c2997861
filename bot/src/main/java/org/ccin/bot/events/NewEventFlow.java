package org.ccin.bot.events;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.newsletters.NewsletterTopics;
import org.ccin.bot.routing.Context;
import org.ccin.bot.routing.ConversationFlow;
import org.ccin.bot.routing.FlowState;
import org.ccin.bot.routing.Keyboard;
import org.ccin.store.audit.AuditLog;
import org.ccin.store.casestudies.TopicRepository;
import org.ccin.store.conversations.Conversation;
import org.ccin.store.events.Event;
import org.ccin.store.events.EventRepository;
import org.ccin.store.events.NewEvent;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * Making an event in chat: title, description, start and end (in the network's zone), place, online link, capacity,
 * then the audience by button (a newsletter topic, narrowed by groups, categories and regions; {@link EventPreview})
 * and a preview with Announce. A typed answer that does not fit is explained and asked
 * again; nothing is stored as an event before Announce. The draft lives in the conversation store, so a restart
 * loses nothing.
 */
final class NewEventFlow implements ConversationFlow {
    static final String FLOW = "new-event";
    static final String TITLE = "title";
    private static final String DESCRIPTION = "description";
    private static final String START = "start";
    private static final String END = "end";
    private static final String PLACE = "place";
    private static final String LINK = "link";
    private static final String CAPACITY = "capacity";
    private static final String AUDIENCE = "audience";
    private static final String CONFIRM = "confirm";
    /** The newsletter topics an event is usually for, first; the library's themes follow. */
    private static final List<String> FIXED_TOPICS = List.of("events", "monthly", "policy-labs");

    private final FlowState<EventDraft> drafts;
    private final EventRepository events;
    private final Invitations invitations;
    private final EventCards cards;
    private final TopicRepository themes;
    private final EventPreview screens;
    private final AuditLog audit;
    private final NewsletterTopics topicNames;
    private final Clock clock;
    private final ZoneId zone;

    NewEventFlow(FlowState<EventDraft> drafts, EventRepository events, Invitations invitations, EventCards cards,
                 TopicRepository themes, EventPreview screens, AuditLog audit, Clock clock, ZoneId zone) {
        this.drafts = drafts;
        this.events = events;
        this.invitations = invitations;
        this.cards = cards;
        this.themes = themes;
        this.screens = screens;
        this.audit = audit;
        this.topicNames = new NewsletterTopics(themes);
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public String flow() {
        return FLOW;
    }

    @Override
    public boolean awaitsText(Conversation conversation) {
        return !conversation.step().equals(AUDIENCE) && !conversation.step().equals(CONFIRM);
    }

    @Override
    public void onMessage(Context context, Conversation conversation) {
        Texts texts = context.texts();
        Optional<EventDraft> read = drafts.read(conversation);
        Optional<String> typed = context.incoming().text().map(String::trim);
        if (read.isEmpty()) {
            drafts.end(context);
            context.reply().send(texts.get("events.new.lost"));
            return;
        }
        if (typed.isEmpty() || typed.get().isEmpty()) {
            context.reply().send(texts.get("events.new.text.please"));
            return;
        }
        EventDraft draft = read.get();
        String text = typed.get();
        switch (conversation.step()) {
            case TITLE -> {
                if (text.length() > EventInput.MAX_TITLE) {
                    context.reply().send(texts.get("events.new.title.long", "max", EventInput.MAX_TITLE));
                    return;
                }
                next(context, DESCRIPTION, draft.withTitle(text), "events.new.description");
            }
            case DESCRIPTION -> {
                if (text.length() > EventInput.MAX_TEXT) {
                    context.reply().send(texts.get("events.new.description.long", "max", EventInput.MAX_TEXT));
                    return;
                }
                next(context, START, draft.withDescription(EventInput.isNone(text) ? "" : text), "events.new.start");
            }
            case START -> {
                Optional<ZonedDateTime> start = EventInput.dateTime(text, zone);
                if (start.isEmpty()) {
                    context.reply().send(texts.get("events.new.date.bad"));
                } else if (!start.get().toInstant().isAfter(clock.instant())) {
                    context.reply().send(texts.get("events.new.start.past"));
                } else {
                    next(context, END, draft.withStart(start.get().toInstant()), "events.new.end");
                }
            }
            case END -> {
                Optional<ZonedDateTime> end = EventInput.end(text, draft.startsAt().atZone(zone));
                if (end.isEmpty()) {
                    context.reply().send(texts.get("events.new.date.bad"));
                } else if (!end.get().toInstant().isAfter(draft.startsAt())) {
                    context.reply().send(texts.get("events.new.end.before"));
                } else {
                    next(context, PLACE, draft.withEnd(end.get().toInstant()), "events.new.place");
                }
            }
            case PLACE -> {
                if (text.length() > EventInput.MAX_TITLE * 2) {
                    context.reply().send(texts.get("events.new.place.long"));
                    return;
                }
                next(context, LINK, draft.withPlace(EventInput.isNone(text) ? null : text), "events.new.link");
            }
            case LINK -> {
                Optional<String> link = EventInput.isNone(text) ? Optional.empty() : EventInput.link(text);
                if (!EventInput.isNone(text) && link.isEmpty()) {
                    context.reply().send(texts.get("events.new.link.bad"));
                } else if (link.isEmpty() && draft.place() == null) {
                    context.reply().send(texts.get("events.new.where.needed"));
                } else {
                    next(context, CAPACITY, draft.withLink(link.orElse(null)), "events.new.capacity");
                }
            }
            case CAPACITY -> {
                Optional<Integer> capacity = EventInput.isNone(text) ? Optional.empty() : EventInput.capacity(text);
                if (!EventInput.isNone(text) && capacity.isEmpty()) {
                    context.reply().send(texts.get("events.new.capacity.bad", "max", EventInput.MAX_CAPACITY));
                    return;
                }
                EventDraft withCapacity = draft.withCapacity(capacity.orElse(null)).identified();
                drafts.save(context, AUDIENCE, withCapacity);
                context.reply().send(texts.get("events.new.audience"), audienceKeyboard(withCapacity.id(), texts));
            }
            default -> context.reply().send(texts.get("events.new.buttons.please"));
        }
    }

    private void next(Context context, String step, EventDraft draft, String questionKey) {
        drafts.save(context, step, draft);
        context.reply().send(context.texts().get(questionKey));
    }

    private List<String> topics() {
        List<String> codes = new ArrayList<>(FIXED_TOPICS);
        themes.all().forEach(theme -> codes.add("theme-" + theme.code()));
        return codes;
    }

    private InlineKeyboardMarkup audienceKeyboard(String draft, Texts texts) {
        Keyboard keyboard = Keyboard.create();
        for (String topic : topics()) {
            keyboard.row().button(topicNames.name(topic, texts),
                    EventButton.SET.data(new EventButton.Topic(draft, topic)));
        }
        keyboard.row().button(texts.plain("events.button.discard"),
                EventButton.SET.data(new EventButton.Discard(draft)));
        return keyboard.build();
    }

    /** The topic is chosen: the preview, with how many would be invited, and the narrowing buttons. */
    void topic(Context context, EventButton.Topic button) {
        Optional<EventDraft> draft = at(context, AUDIENCE, button);
        if (draft.isEmpty() || !topics().contains(button.topic())) {
            refuse(context);
            return;
        }
        preview(context, draft.get().withTopic(button.topic()));
    }

    /** Narrows the audience to (or widens it from) one of the network's groups. */
    void toggleGroup(Context context, EventButton.ToggleGroup button) {
        Optional<EventDraft> draft = confirming(context, button);
        if (draft.isEmpty() || !screens.canToggleGroup(draft.get(), button.group())) {
            refuse(context);
            return;
        }
        toggled(context, draft.get().toggleGroup(button.group()), EventPreview.Narrowing.GROUPS);
    }

    /** Narrows the audience to (or widens it from) one membership category. */
    void toggleCategory(Context context, EventButton.ToggleCategory button) {
        Optional<EventDraft> draft = confirming(context, button);
        if (draft.isEmpty() || !screens.hasCategory(button.code())) {
            refuse(context);
            return;
        }
        toggled(context, draft.get().toggleCategory(button.code()), EventPreview.Narrowing.CATEGORIES);
    }

    /** Narrows the audience to (or widens it from) one region or nation. */
    void toggleRegion(Context context, EventButton.ToggleRegion button) {
        Optional<EventDraft> draft = confirming(context, button);
        if (draft.isEmpty() || !screens.hasRegion(button.code())) {
            refuse(context);
            return;
        }
        toggled(context, draft.get().toggleRegion(button.code()), EventPreview.Narrowing.REGIONS);
    }

    /** One list of toggles, when the preview has too many to show them all. */
    void narrow(Context context, EventButton.Narrow button) {
        Optional<EventDraft> draft = confirming(context, button);
        if (draft.isEmpty()) {
            refuse(context);
            return;
        }
        show(context, screens.list(draft.get(), button.list(), context.texts()));
    }

    /** From a list of toggles back to the preview. */
    void backToPreview(Context context, EventButton.Preview button) {
        Optional<EventDraft> draft = confirming(context, button);
        if (draft.isEmpty()) {
            refuse(context);
            return;
        }
        preview(context, draft.get());
    }

    /**
     * A stale or forged button of the preview changes nothing: it came before the preview, or from an old one (of this
     * draft's or an older draft's), or names what is not offered. Said so, as it is when no event is being made at all.
     */
    private void refuse(Context context) {
        context.reply().alert(context.texts().plain(drafts.current(context).isPresent() ? "events.new.gone"
                : "events.new.none"));
    }

    private Optional<EventDraft> confirming(Context context, EventButton.OfDraft button) {
        return at(context, CONFIRM, button);
    }

    /**
     * The draft being made, when it is at that step and the button is of it: a button of an older draft's messages
     * carries another id (one sent before drafts had ids carries none, and acts only on a draft saved then).
     */
    private Optional<EventDraft> at(Context context, String step, EventButton.OfDraft button) {
        return drafts.current(context).filter(c -> c.step().equals(step)).flatMap(drafts::read)
                .filter(draft -> Objects.equals(draft.id(), button.draft()));
    }

    /** Saves the changed draft and shows the list the toggle was in (the preview, while it holds the toggles). */
    private void toggled(Context context, EventDraft changed, EventPreview.Narrowing list) {
        if (!screens.inLists()) {
            preview(context, changed);
            return;
        }
        EventDraft saved = changed.identified();
        drafts.save(context, CONFIRM, saved);
        show(context, screens.list(saved, list, context.texts()));
    }

    /** Saves and shows the preview; a draft saved before drafts had ids gets one here, for the buttons shown. */
    private void preview(Context context, EventDraft chosen) {
        EventDraft saved = chosen.identified();
        drafts.save(context, CONFIRM, saved);
        show(context, screens.preview(saved, context.texts()));
    }

    private static void show(Context context, EventPreview.Screen screen) {
        context.reply().answer("");
        context.reply().show(screen.html(), screen.keyboard());
    }

    /**
     * Announce: the event is stored and announced, once (a second tap finds no draft), and only the draft whose
     * preview it is (an older draft's Announce finds another id).
     */
    void announce(Context context, EventButton.Announce button) {
        Optional<EventDraft> draft = confirming(context, button);
        Texts texts = context.texts();
        if (draft.isEmpty()) {
            refuse(context);
            return;
        }
        drafts.end(context);
        EventDraft d = draft.get();
        if (!d.startsAt().isAfter(clock.instant())) {
            context.reply().show(texts.get("events.new.start.passed"), null);
            return;
        }
        long id = events.add(new NewEvent(d.title(), d.description(), d.startsAt(), d.endsAt(),
                Optional.ofNullable(d.place()), Optional.ofNullable(d.onlineLink()), Optional.ofNullable(d.capacity()),
                d.audience()), context.userId());
        Event event = events.find(id).orElseThrow();
        int invited = invitations.announce(event).orElse(0);
        audit.record(Optional.of(context.userId()), "event.announced", "event " + id + ": " + event.title(),
                invited + " invited");
        context.reply().answer(texts.plain("events.new.announced.short"));
        context.reply().show(texts.get("events.new.announced", "count", invited) + "\n\n"
                + cards.text(event, Optional.empty(), texts), cards.keyboard(event, Optional.empty(), texts, true));
    }

    /** Throws the draft away, when the button is of it: an older draft's Throw away leaves the newer one be. */
    void discard(Context context, EventButton.Discard button) {
        Optional<EventDraft> current = drafts.current(context).flatMap(drafts::read);
        if (current.isPresent() && !Objects.equals(current.get().id(), button.draft())) {
            refuse(context);
            return;
        }
        boolean had = drafts.current(context).isPresent();
        drafts.end(context);
        context.reply().show(context.texts().get(had ? "events.new.discarded" : "events.new.none"), null);
    }
}
