package org.ccin.bot.newsletters;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.ccin.bot.access.Role;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.CallbackAction;
import org.ccin.bot.routing.CallbackData;
import org.ccin.bot.routing.CommandAdapter;
import org.ccin.bot.routing.Context;
import org.ccin.bot.telegram.Lane;
import org.ccin.bot.telegram.Sender;
import org.ccin.store.Store;
import org.ccin.store.newsletters.Newsletter;
import org.ccin.store.newsletters.NewsletterRepository;

/**
 * /newsletter, for staff in the private chat: the desk of newsletters, and every button on it. Buttons are chosen
 * by the client: each tap is checked for staff rights and against the newsletter's state now (a draft's buttons do
 * nothing once it is sending; a second tap on "Yes, send now" starts nothing twice).
 */
final class NewsletterDesk extends CommandAdapter implements CallbackAction {
    static final String FEATURE = "nl";

    private final Store store;
    private final DeskScreens screens;
    private final ComposeFlow compose;
    private final Broadcasts broadcasts;
    private final NewsletterMessages messages;
    private final NewsletterTopics topics;
    private final Sender sender;
    private final Clock clock;

    NewsletterDesk(Store store, DeskScreens screens, ComposeFlow compose, Broadcasts broadcasts,
                   NewsletterMessages messages, NewsletterTopics topics, Sender sender, Clock clock) {
        super("newsletter", Role.STAFF);
        this.store = store;
        this.screens = screens;
        this.compose = compose;
        this.broadcasts = broadcasts;
        this.messages = messages;
        this.topics = topics;
        this.sender = sender;
        this.clock = clock;
    }

    @Override
    public String feature() {
        return FEATURE;
    }

    private NewsletterRepository issues() {
        return store.newsletters().issues();
    }

    @Override
    public void handle(Context context) {
        DeskScreens.Screen desk = screens.desk(context.texts(), "");
        // the common case is a new newsletter: whatever staff send next is it, with no button to find first
        compose.awaitNew(context);
        context.reply().send(desk.html() + "\n\n" + context.texts().get("nl.desk.typenow", "maxText",
                ContentReader.MAX_TEXT), desk.keyboard());
    }

    @Override
    public void handle(Context context, CallbackData data) {
        Texts texts = context.texts();
        if (!context.has(Role.STAFF) || !context.incoming().isPrivateChat()) {
            context.reply().alert(texts.plain("nl.staff.only"));
            return;
        }
        compose.forgetNew(context);
        switch (data.action()) {
            case "desk":
                show(context, screens.desk(texts, ""));
                return;
            case "new":
                context.reply().answer("");
                compose.askContent(context, Optional.empty());
                return;
            default:
                break;
        }
        Optional<Newsletter> found = data.number(0).flatMap(issues()::find);
        if (found.isEmpty()) {
            context.reply().alert(texts.plain("nl.gone"));
            return;
        }
        Newsletter newsletter = found.get();
        long id = newsletter.id();
        switch (data.action()) {
            case "o":
                show(context, screens.card(newsletter, texts, ""));
                break;
            case "rf":
                context.reply().answer(texts.plain("nl.refreshed"));
                show(context, screens.card(newsletter, texts, ""));
                break;
            case "pv":
                preview(context, newsletter);
                break;
            case "au":
                ifDraft(context, newsletter, () -> show(context, screens.audience(newsletter, texts)));
                break;
            case "ag": case "ac": case "ar":
                ifDraft(context, newsletter, () -> show(context,
                        screens.narrowing(newsletter, data.action().substring(1), texts)));
                break;
            case "tp": case "g": case "c": case "r":
                changeAudience(context, newsletter, data);
                break;
            case "et":
                ifDraft(context, newsletter, () -> compose.askContent(context, Optional.of(id)));
                break;
            case "eb":
                ifDraft(context, newsletter, () -> compose.askButtons(context, id));
                break;
            case "nob":
                compose.stop(context);
                ifDraft(context, newsletter, () -> show(context, screens.card(newsletter, texts, "")));
                break;
            case "keep":
                ifDraft(context, newsletter, () -> show(context, screens.desk(texts, texts.get("nl.kept",
                        "title", newsletter.content().title()) + "\n\n")));
                break;
            case "dl":
                ifDraft(context, newsletter, () -> show(context, screens.confirm("nl.delete.confirm", newsletter,
                        "nl.button.confirm.delete", "dly", texts)));
                break;
            case "dly":
                if (issues().deleteDraft(id)) {
                    audit(context, "newsletter.delete", newsletter);
                    show(context, screens.desk(texts, texts.get("nl.deleted", "title", newsletter.content().title())
                            + "\n\n"));
                } else {
                    refuse(context, newsletter);
                }
                break;
            case "s":
                ifDraft(context, newsletter, () -> show(context, screens.confirmSend(newsletter, texts)));
                break;
            case "go":
                send(context, newsletter);
                break;
            case "sc":
                ifDraft(context, newsletter, () -> compose.askTime(context, id));
                break;
            case "sco":
                schedule(context, newsletter, data);
                break;
            case "un":
                if (issues().unschedule(id)) {
                    audit(context, "newsletter.unschedule", newsletter);
                    showFresh(context, id, texts.get("nl.unscheduled") + "\n\n");
                } else {
                    refuse(context, newsletter);
                }
                break;
            case "pa":
                move(context, newsletter, issues().pause(id), "newsletter.pause", "nl.paused");
                break;
            case "re":
                move(context, newsletter, issues().resume(id), "newsletter.resume", "nl.resumed");
                break;
            case "ca":
                show(context, screens.confirm("nl.cancel.confirm", newsletter, "nl.button.confirm.cancel", "cay", texts));
                break;
            case "cay":
                move(context, newsletter, issues().cancel(id), "newsletter.cancel", "nl.cancelled");
                break;
            default:
                context.reply().alert(texts.plain("nl.stale"));
        }
    }

    private void preview(Context context, Newsletter newsletter) {
        Texts texts = context.texts();
        context.reply().answer(texts.plain("nl.preview.sent"));
        context.reply().send(texts.get("nl.preview.above"));
        messages.forReader(newsletter, texts).sendWith(sender, Lane.INTERACTIVE, context.incoming().chatId())
                .exceptionally(error -> {
                    context.reply().send(texts.get("nl.preview.failed", "reason", String.valueOf(error.getMessage())));
                    return null;
                });
        DeskScreens.Screen card = screens.card(newsletter, texts, "");
        context.reply().send(card.html(), card.keyboard());
    }

    private void changeAudience(Context context, Newsletter newsletter, CallbackData data) {
        Texts texts = context.texts();
        Optional<String> value = data.arg(1);
        if (!newsletter.isEditable() || value.isEmpty()) {
            refuse(context, newsletter);
            return;
        }
        org.ccin.store.newsletters.Audience audience = newsletter.audience();
        String screen;
        switch (data.action()) {
            case "tp":
                if (!topics.exists(value.get())) {
                    context.reply().alert(texts.plain("nl.subscribe.unknown"));
                    return;
                }
                audience = audience.withTopic(value.get());
                screen = "";
                break;
            case "g": {
                Optional<Long> group = data.number(1).filter(g -> store.groups().catalogue().find(g).isPresent());
                if (group.isEmpty()) {
                    context.reply().alert(texts.plain("nl.gone"));
                    return;
                }
                audience = audience.toggleGroup(group.get());
                screen = "g";
                break;
            }
            case "c":
                if (store.referenceData().category(value.get()).isEmpty()) {
                    context.reply().alert(texts.plain("nl.gone"));
                    return;
                }
                audience = audience.toggleCategory(value.get());
                screen = "c";
                break;
            default:
                if (store.referenceData().region(value.get()).isEmpty()) {
                    context.reply().alert(texts.plain("nl.gone"));
                    return;
                }
                audience = audience.toggleRegion(value.get());
                screen = "r";
        }
        if (!issues().updateAudience(newsletter.id(), audience)) {
            refuse(context, newsletter);
            return;
        }
        Newsletter changed = issues().find(newsletter.id()).orElseThrow();
        context.reply().answer(texts.plain("nl.audience.now", "count", issues().countRecipients(audience)));
        show(context, screen.isEmpty() ? screens.audience(changed, texts) : screens.narrowing(changed, screen, texts));
    }

    private void send(Context context, Newsletter newsletter) {
        Texts texts = context.texts();
        Optional<Integer> started = broadcasts.start(newsletter.id(), context.userId());
        if (started.isEmpty()) {
            refuse(context, newsletter);
            return;
        }
        audit(context, "newsletter.send", newsletter);
        context.reply().show(texts.get("nl.started", "title", newsletter.content().title(), "count", started.get()),
                null);
    }

    private void schedule(Context context, Newsletter newsletter, CallbackData data) {
        Texts texts = context.texts();
        Optional<Instant> at = data.number(1).map(Instant::ofEpochSecond);
        if (at.isEmpty() || !at.get().isAfter(clock.instant())) {
            context.reply().alert(texts.plain("nl.schedule.past"));
            return;
        }
        if (!issues().schedule(newsletter.id(), at.get(), context.userId())) {
            refuse(context, newsletter);
            return;
        }
        audit(context, "newsletter.schedule", newsletter);
        showFresh(context, newsletter.id(), texts.get("nl.scheduled", "when", screens.when(at.get(), texts)) + "\n\n");
    }

    private void move(Context context, Newsletter newsletter, boolean moved, String audit, String noteKey) {
        if (!moved) {
            refuse(context, newsletter);
            return;
        }
        audit(context, audit, newsletter);
        if (audit.equals("newsletter.resume")) {
            broadcasts.wakeDeliveries();
        }
        showFresh(context, newsletter.id(), context.texts().get(noteKey) + "\n\n");
    }

    /** Runs the action only on a draft; otherwise says what the newsletter is now. */
    private void ifDraft(Context context, Newsletter newsletter, Runnable action) {
        if (newsletter.isEditable()) {
            action.run();
        } else {
            refuse(context, newsletter);
        }
    }

    /** The tap does not fit the newsletter's state now: say so and show it as it is. */
    private void refuse(Context context, Newsletter newsletter) {
        Newsletter now = issues().find(newsletter.id()).orElse(newsletter);
        Texts texts = context.texts();
        context.reply().alert(texts.plain("nl.state.now", "status",
                texts.plain("nl.status." + now.status().name().toLowerCase(java.util.Locale.ROOT))));
        show(context, screens.card(now, texts, ""));
    }

    private void showFresh(Context context, long id, String note) {
        issues().find(id).ifPresentOrElse(n -> show(context, screens.card(n, context.texts(), note)),
                () -> show(context, screens.desk(context.texts(), "")));
    }

    private static void show(Context context, DeskScreens.Screen screen) {
        context.reply().show(screen.html(), screen.keyboard());
    }

    private void audit(Context context, String what, Newsletter newsletter) {
        store.auditLog().record(Optional.of(context.userId()), what, String.valueOf(newsletter.id()),
                newsletter.content().title());
    }
}
