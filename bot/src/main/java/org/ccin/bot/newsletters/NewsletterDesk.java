package org.ccin.bot.newsletters;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.ccin.bot.access.Role;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.ButtonHandlers;
import org.ccin.bot.routing.CallbackAction;
import org.ccin.bot.routing.CommandAdapter;
import org.ccin.bot.routing.Context;
import org.ccin.bot.telegram.Lane;
import org.ccin.bot.telegram.Sender;
import org.ccin.store.newsletters.Newsletter;
import org.ccin.store.newsletters.NewsletterRepository;

/**
 * /newsletter, for staff in the private chat: the desk of newsletters, and every button on it ({@link DeskButton}).
 * Buttons are chosen by the client: each tap is checked for staff rights and against the newsletter's state now (a
 * draft's buttons do nothing once it is sending), and every Yes ("send now", "schedule it", "delete", "stop it")
 * carries a one-time id ({@link DeskConfirmations}): a second tap does nothing, and a send or schedule Yes tapped
 * after the draft changed sends nothing.
 */
final class NewsletterDesk extends CommandAdapter {
    private final NewslettersData data;
    private final DeskScreens screens;
    private final DeskReplies replies;
    private final DeskAudience audience;
    private final DeskConfirmations confirmations;
    private final ComposeFlow compose;
    private final Broadcasts broadcasts;
    private final NewsletterMessages messages;
    private final Sender sender;
    private final Clock clock;

    NewsletterDesk(NewslettersData data, DeskScreens screens, DeskConfirmations confirmations, ComposeFlow compose,
                   Broadcasts broadcasts, NewsletterMessages messages, NewsletterTopics topics, Sender sender,
                   Clock clock) {
        super("newsletter", Role.STAFF);
        this.data = data;
        this.screens = screens;
        this.replies = new DeskReplies(data.issues(), screens);
        this.audience = new DeskAudience(data, topics, screens, replies);
        this.confirmations = confirmations;
        this.compose = compose;
        this.broadcasts = broadcasts;
        this.messages = messages;
        this.sender = sender;
        this.clock = clock;
    }

    private NewsletterRepository issues() {
        return data.issues();
    }

    @Override
    public void handle(Context context) {
        DeskScreens.Screen desk = screens.desk(context.texts(), "");
        // the common case is a new newsletter: whatever staff send next is it, with no button to find first
        compose.awaitNew(context);
        context.reply().send(desk.html() + "\n\n" + context.texts().get("nl.desk.typenow", "maxText",
                ContentReader.MAX_TEXT), desk.keyboard());
    }

    /** A tap on a button about one newsletter, once the newsletter is found. */
    @FunctionalInterface
    private interface OnNewsletter<T> {
        void handle(Context context, T button, Newsletter newsletter) throws Exception;
    }

    /**
     * The desk's buttons. Who taps is checked before the data is even read: for anyone but staff in the private
     * chat, every "nl" button, well-formed, old or forged, gets the same "staff only" and changes nothing.
     */
    CallbackAction buttons() {
        return DeskButton.SET.handlers().unknown("nl.stale")
                .before(context -> {
                    if (!context.has(Role.STAFF) || !context.incoming().isPrivateChat()) {
                        context.reply().alert(context.texts().plain("nl.staff.only"));
                        return false;
                    }
                    compose.forgetNew(context); // any tap on the desk ends a new newsletter's waiting for its text
                    return true;
                })
                .on(DeskButton.Desk.class, (context, button) -> show(context, screens.desk(context.texts(), "")))
                .on(DeskButton.New.class, (context, button) -> {
                    context.reply().answer("");
                    compose.askContent(context, Optional.empty());
                })
                .on(DeskButton.Open.class, found((context, button, n) -> show(context, card(n, context))))
                .on(DeskButton.Refresh.class, found((context, button, n) -> {
                    context.reply().answer(context.texts().plain("nl.refreshed"));
                    show(context, card(n, context));
                }))
                .on(DeskButton.Preview.class, found((context, button, n) -> preview(context, n)))
                .on(DeskButton.Audience.class, draft((context, button, n) ->
                        show(context, screens.audience(n, context.texts()))))
                .on(DeskButton.ListGroups.class, draft(narrowing(DeskScreens.Narrowing.GROUPS)))
                .on(DeskButton.ListCategories.class, draft(narrowing(DeskScreens.Narrowing.CATEGORIES)))
                .on(DeskButton.ListRegions.class, draft(narrowing(DeskScreens.Narrowing.REGIONS)))
                .on(DeskButton.Topic.class, draft(audience::topic))
                .on(DeskButton.ToggleGroup.class, draft(audience::group))
                .on(DeskButton.ToggleCategory.class, draft(audience::category))
                .on(DeskButton.ToggleRegion.class, draft(audience::region))
                .on(DeskButton.EditText.class, draft((context, button, n) ->
                        compose.askContent(context, Optional.of(n.id()))))
                .on(DeskButton.EditLinks.class, draft((context, button, n) -> compose.askButtons(context, n.id())))
                .on(DeskButton.NoLinks.class, found((context, button, n) -> {
                    compose.stop(context);
                    ifDraft(context, n, () -> show(context, card(n, context)));
                }))
                .on(DeskButton.Keep.class, draft((context, button, n) -> show(context, screens.desk(context.texts(),
                        context.texts().get("nl.kept", "title", n.content().title()) + "\n\n"))))
                .on(DeskButton.Delete.class, draft(this::askDelete))
                .on(DeskButton.DeleteConfirmed.class, found(this::delete))
                .on(DeskButton.Send.class, draft((context, button, n) ->
                        show(context, screens.confirmSend(n, () -> confirmations.issueSend(context.userId(), n),
                                context.texts()))))
                .on(DeskButton.SendConfirmed.class, found(this::send))
                .on(DeskButton.Schedule.class, draft((context, button, n) -> compose.askTime(context, n.id())))
                .on(DeskButton.ScheduleConfirmed.class, found(this::schedule))
                .on(DeskButton.Unschedule.class, found((context, button, n) -> move(context, n,
                        issues().unschedule(n.id()), "newsletter.unschedule", "nl.unscheduled")))
                .on(DeskButton.Pause.class, found((context, button, n) -> move(context, n, issues().pause(n.id()),
                        "newsletter.pause", "nl.paused")))
                .on(DeskButton.Resume.class, found((context, button, n) -> move(context, n, issues().resume(n.id()),
                        "newsletter.resume", "nl.resumed")))
                .on(DeskButton.Cancel.class, found(this::askCancel))
                .on(DeskButton.CancelConfirmed.class, found(this::cancel))
                .build();
    }

    /** Finds the button's newsletter; when it is gone, says so. */
    private <T extends DeskButton.OfNewsletter> ButtonHandlers.Tap<T> found(OnNewsletter<T> action) {
        return (context, button) -> {
            Optional<Newsletter> newsletter = issues().find(button.id());
            if (newsletter.isEmpty()) {
                context.reply().alert(context.texts().plain("nl.gone"));
                return;
            }
            action.handle(context, button, newsletter.get());
        };
    }

    /** As {@link #found}, for what only a draft allows; otherwise says what the newsletter is now. */
    private <T extends DeskButton.OfNewsletter> ButtonHandlers.Tap<T> draft(OnNewsletter<T> action) {
        return found((context, button, newsletter) -> {
            if (newsletter.isEditable()) {
                action.handle(context, button, newsletter);
            } else {
                replies.refuse(context, newsletter);
            }
        });
    }

    private <T extends DeskButton.OfNewsletter> OnNewsletter<T> narrowing(DeskScreens.Narrowing which) {
        return (context, button, newsletter) -> show(context, screens.narrowing(newsletter, which, context.texts()));
    }

    private DeskScreens.Screen card(Newsletter newsletter, Context context) {
        return screens.card(newsletter, context.texts(), "");
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
        DeskScreens.Screen card = card(newsletter, context);
        context.reply().send(card.html(), card.keyboard());
    }

    private void askDelete(Context context, DeskButton.Delete button, Newsletter newsletter) {
        String confirmation = confirmations.issue(context.userId(), DeskConfirmations.Purpose.DELETE, newsletter.id());
        show(context, screens.confirm("nl.delete.confirm", newsletter, "nl.button.confirm.delete",
                new DeskButton.DeleteConfirmed(newsletter.id(), confirmation), context.texts()));
    }

    private void delete(Context context, DeskButton.DeleteConfirmed button, Newsletter newsletter) {
        if (!confirmed(context, button.confirmation(), DeskConfirmations.Purpose.DELETE, newsletter)) {
            return;
        }
        if (!issues().deleteDraft(newsletter.id())) {
            replies.refuse(context, newsletter);
            return;
        }
        audit(context, "newsletter.delete", newsletter);
        Texts texts = context.texts();
        show(context, screens.desk(texts, texts.get("nl.deleted", "title", newsletter.content().title()) + "\n\n"));
    }

    private void askCancel(Context context, DeskButton.Cancel button, Newsletter newsletter) {
        String confirmation = confirmations.issue(context.userId(), DeskConfirmations.Purpose.CANCEL, newsletter.id());
        show(context, screens.confirm("nl.cancel.confirm", newsletter, "nl.button.confirm.cancel",
                new DeskButton.CancelConfirmed(newsletter.id(), confirmation), context.texts()));
    }

    private void cancel(Context context, DeskButton.CancelConfirmed button, Newsletter newsletter) {
        if (confirmed(context, button.confirmation(), DeskConfirmations.Purpose.CANCEL, newsletter)) {
            move(context, newsletter, issues().cancel(newsletter.id()), "newsletter.cancel", "nl.cancelled");
        }
    }

    /** Uses the Yes's one-time id; an old, used or forged one is refused, with the newsletter as it is now. */
    private boolean confirmed(Context context, String confirmation, DeskConfirmations.Purpose purpose,
                              Newsletter newsletter) {
        if (confirmations.use(confirmation, context.userId(), purpose, newsletter.id())) {
            return true;
        }
        context.reply().alert(context.texts().plain("nl.confirm.stale"));
        show(context, card(newsletter, context));
        return false;
    }

    /**
     * A send or schedule Yes: true when it confirms the draft as it is now. One shown before the draft changed says
     * so (or, when it is no longer a draft, what it is now); an old, used or forged one is refused as any other Yes.
     */
    private boolean confirmedAsShown(Context context, DeskConfirmations.Outcome outcome, Newsletter newsletter,
                                     String changedKey) {
        switch (outcome) {
            case CONFIRMED:
                return true;
            case CHANGED:
                if (!newsletter.isEditable()) {
                    replies.refuse(context, newsletter);
                } else {
                    context.reply().alert(context.texts().plain(changedKey));
                    show(context, card(newsletter, context));
                }
                return false;
            default:
                context.reply().alert(context.texts().plain("nl.confirm.stale"));
                show(context, card(newsletter, context));
                return false;
        }
    }

    private void send(Context context, DeskButton.SendConfirmed button, Newsletter newsletter) {
        if (!confirmedAsShown(context, confirmations.useSend(button.confirmation(), context.userId(), newsletter),
                newsletter, "nl.confirm.changed.send")) {
            return;
        }
        Texts texts = context.texts();
        Optional<Integer> started = broadcasts.start(newsletter.id(), context.userId());
        if (started.isEmpty()) {
            replies.refuse(context, newsletter);
            return;
        }
        audit(context, "newsletter.send", newsletter);
        context.reply().show(texts.get("nl.started", "title", newsletter.content().title(), "count", started.get()),
                null);
    }

    private void schedule(Context context, DeskButton.ScheduleConfirmed button, Newsletter newsletter) {
        Texts texts = context.texts();
        Instant at = Instant.ofEpochSecond(button.at());
        if (!confirmedAsShown(context, confirmations.useSchedule(button.confirmation(), context.userId(), newsletter,
                at), newsletter, "nl.confirm.changed.schedule")) {
            return;
        }
        if (!at.isAfter(clock.instant())) {
            context.reply().alert(texts.plain("nl.schedule.past"));
            return;
        }
        if (!issues().schedule(newsletter.id(), at, context.userId())) {
            replies.refuse(context, newsletter);
            return;
        }
        audit(context, "newsletter.schedule", newsletter);
        replies.showFresh(context, newsletter.id(), texts.get("nl.scheduled", "when", screens.when(at, texts))
                + "\n\n");
    }

    /** A change of state the store made ({@code moved}) or refused; resuming releases the held deliveries. */
    private void move(Context context, Newsletter newsletter, boolean moved, String audit, String noteKey) {
        if (!moved) {
            replies.refuse(context, newsletter);
            return;
        }
        audit(context, audit, newsletter);
        if (audit.equals("newsletter.resume")) {
            broadcasts.wakeDeliveries();
        }
        replies.showFresh(context, newsletter.id(), context.texts().get(noteKey) + "\n\n");
    }

    /** Runs the action only on a draft; otherwise says what the newsletter is now. */
    private void ifDraft(Context context, Newsletter newsletter, Runnable action) {
        if (newsletter.isEditable()) {
            action.run();
        } else {
            replies.refuse(context, newsletter);
        }
    }

    private static void show(Context context, DeskScreens.Screen screen) {
        DeskReplies.show(context, screen);
    }

    private void audit(Context context, String what, Newsletter newsletter) {
        data.auditLog().record(Optional.of(context.userId()), what, String.valueOf(newsletter.id()),
                newsletter.content().title());
    }
}
