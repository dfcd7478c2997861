package org.ccin.bot.newsletters;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.ccin.bot.access.Role;
import org.ccin.bot.i18n.Texts;
import java.util.function.Predicate;
import org.ccin.bot.routing.Context;
import org.ccin.bot.routing.ConversationFlow;
import org.ccin.bot.routing.FlowState;
import org.ccin.bot.routing.Keyboard;
import org.ccin.store.audit.AuditLog;
import org.ccin.store.conversations.Conversation;
import org.ccin.store.conversations.ConversationRepository;
import org.ccin.store.newsletters.Content;
import org.ccin.store.newsletters.LinkButton;
import org.ccin.store.newsletters.Newsletter;
import org.ccin.store.newsletters.NewsletterRepository;

/**
 * What staff type while preparing a newsletter: the newsletter itself (formatted text, or a photo or document with a
 * caption; right after /newsletter, whatever they send is a new one), and, when they ask for them from its card, its
 * link buttons and the time to send it. The step and the
 * newsletter's id ({@link Composing}) live in the conversation, so a restart in the middle loses nothing.
 */
final class ComposeFlow implements ConversationFlow {
    static final String FLOW = "nlcompose";
    private static final String CONTENT = "content";
    private static final String BUTTONS = "buttons";
    private static final String TIME = "time";

    /** What the flow is writing: a new newsletter ({@link #NEW}), or new content, links or a time for a draft. */
    record Composing(long draft) {
        static final Composing NEW = new Composing(0);

        static Composing of(long draft) {
            return new Composing(draft);
        }

        boolean startsNew() {
            return draft == 0;
        }
    }

    private final NewsletterRepository issues;
    private final AuditLog auditLog;
    private final FlowState<Composing> state;
    private final DeskScreens screens;
    private final DeskConfirmations confirmations;
    private final Clock clock;
    private final ZoneId zone;

    ComposeFlow(NewsletterRepository issues, AuditLog auditLog, ConversationRepository conversations,
                DeskScreens screens, DeskConfirmations confirmations, Clock clock, ZoneId zone) {
        this.issues = issues;
        this.auditLog = auditLog;
        this.state = new FlowState<>(conversations, FLOW, Composing.class);
        this.screens = screens;
        this.confirmations = confirmations;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public String flow() {
        return FLOW;
    }

    /** Asks for the newsletter (a new one, or new content for a draft). */
    void askContent(Context context, Optional<Long> draft) {
        state.save(context, CONTENT, draft.map(Composing::of).orElse(Composing.NEW));
        context.reply().send(context.texts().get("nl.compose.ask", "maxText", ContentReader.MAX_TEXT,
                "maxCaption", ContentReader.MAX_CAPTION));
    }

    /** After /newsletter: what staff send next is a new newsletter (the desk's text says so). */
    void awaitNew(Context context) {
        state.save(context, CONTENT, Composing.NEW);
    }

    /**
     * Any tap on the desk ends the wait for a new newsletter that /newsletter began: text typed after opening a draft
     * or the audience must not become a newsletter of its own.
     */
    void forgetNew(Context context) {
        // a state that no longer reads is stale: ended too
        stopIf(context, c -> c.step().equals(CONTENT) && state.read(c).map(Composing::startsNew).orElse(true));
    }

    void askButtons(Context context, long id) {
        state.save(context, BUTTONS, Composing.of(id));
        context.reply().send(context.texts().get("nl.buttons.ask", "max", ContentReader.MAX_BUTTONS),
                Keyboard.create().button(context.texts().plain("nl.button.nolinks"),
                        DeskButton.SET.data(new DeskButton.NoLinks(id))).build());
    }

    void askTime(Context context, long id) {
        state.save(context, TIME, Composing.of(id));
        context.reply().send(context.texts().get("nl.schedule.ask", "zone", zone.getId(),
                "example", LocalDate.now(clock.withZone(zone)).plusDays(1) + " 09:00"));
    }

    /** Leaves the flow (e.g. "No link buttons" was tapped instead of typing them). */
    void stop(Context context) {
        stopIf(context, c -> true);
    }

    /** Ends this person's compose flow, when it is the one open and in the state asked for. */
    private void stopIf(Context context, Predicate<Conversation> which) {
        if (state.current(context).filter(which).isPresent()) {
            state.end(context);
        }
    }

    @Override
    public void onMessage(Context context, Conversation conversation) {
        Texts texts = context.texts();
        if (!context.has(Role.STAFF)) {
            stop(context);
            context.reply().send(texts.get("nl.staff.only"));
            return;
        }
        // a state that no longer reads (saved by an older version) is answered as a stale one: the draft is gone
        Optional<Composing> composing = state.read(conversation);
        Optional<Newsletter> draft = composing.filter(c -> !c.startsNew()).flatMap(c -> issues.find(c.draft()));
        if (composing.isEmpty() || !composing.get().startsNew() && (draft.isEmpty() || !draft.get().isEditable())) {
            stop(context);
            context.reply().send(texts.get("nl.gone.typed"));
            return;
        }
        switch (conversation.step()) {
            case CONTENT:
                content(context, draft);
                break;
            case BUTTONS:
                buttons(context, draft.orElseThrow());
                break;
            default:
                time(context, draft.orElseThrow());
        }
    }

    private void content(Context context, Optional<Newsletter> draft) {
        Texts texts = context.texts();
        List<LinkButton> kept = draft.map(n -> n.content().buttons()).orElse(List.of());
        ContentReader.Outcome<Content> read = ContentReader.content(context.incoming().message().orElseThrow(), kept);
        if (read.value().isEmpty()) {
            context.reply().send(texts.get(read.problemKey(), read.values()));
            return;
        }
        if (draft.isPresent()) {
            issues.updateContent(draft.get().id(), read.value().get());
            stop(context);
            Newsletter changed = issues.find(draft.get().id()).orElseThrow();
            DeskScreens.Screen card = screens.card(changed, texts, texts.get("nl.compose.changed") + "\n\n");
            context.reply().send(card.html(), card.keyboard());
            return;
        }
        long id = issues.createDraft(read.value().get(), NewsletterTopics.MONTHLY, context.userId());
        auditLog.record(Optional.of(context.userId()), "newsletter.draft", String.valueOf(id),
                read.value().get().title());
        stop(context);
        // straight to its card: Send to the default audience is the first button; links, audience and time one tap away
        DeskScreens.Screen card = screens.card(issues.find(id).orElseThrow(), texts,
                texts.get("nl.compose.saved") + "\n\n");
        context.reply().send(card.html(), card.keyboard());
    }

    private void buttons(Context context, Newsletter draft) {
        Texts texts = context.texts();
        Optional<String> typed = context.incoming().text();
        if (typed.isEmpty() || typed.get().startsWith("/")) {
            context.reply().send(texts.get("nl.buttons.ask", "max", ContentReader.MAX_BUTTONS));
            return;
        }
        ContentReader.Outcome<List<LinkButton>> read = ContentReader.buttons(typed.get());
        if (read.value().isEmpty()) {
            context.reply().send(texts.get(read.problemKey(), read.values()));
            return;
        }
        issues.updateContent(draft.id(), draft.content().withButtons(read.value().get()));
        stop(context);
        Newsletter changed = issues.find(draft.id()).orElseThrow();
        DeskScreens.Screen card = screens.card(changed, texts,
                texts.get("nl.buttons.saved", "count", read.value().get().size()) + "\n\n");
        context.reply().send(card.html(), card.keyboard());
    }

    private void time(Context context, Newsletter draft) {
        Texts texts = context.texts();
        Optional<Instant> at = context.incoming().text().flatMap(this::parseTime);
        if (at.isEmpty()) {
            context.reply().send(texts.get("nl.schedule.bad", "example",
                    LocalDate.now(clock.withZone(zone)).plusDays(1) + " 09:00"));
            return;
        }
        if (!at.get().isAfter(clock.instant())) {
            context.reply().send(texts.get("nl.schedule.past"));
            return;
        }
        stop(context);
        DeskScreens.Screen confirm = screens.confirmSchedule(draft, at.get(),
                confirmations.issueSchedule(context.userId(), draft, at.get()), texts);
        context.reply().send(confirm.html(), confirm.keyboard());
    }

    /** "2026-12-01 09:00" (or "2026-12-01T09:00") in the bot's zone. */
    private Optional<Instant> parseTime(String text) {
        String[] parts = text.strip().split("[ T]+");
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(parts[0]).atTime(LocalTime.parse(parts[1])).atZone(zone).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
