package org.ccin.bot.newsletters;

import java.util.Map;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.Keyboard;
import org.ccin.store.newsletters.Newsletter;
import org.ccin.store.newsletters.NewsletterRepository;
import org.ccin.store.outbox.OutboxRepository;
import org.ccin.store.outbox.OutboxStatus;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * A newsletter's delivery report: delivered, pending, blocked the bot, failed (and, after a crash, uncertain), the
 * deliveries cancelled, and engagement (taps on its buttons), with the controls its state allows.
 */
final class DeliveryReports {
    private final OutboxRepository outbox;
    private final NewsletterRepository issues;

    DeliveryReports(OutboxRepository outbox, NewsletterRepository issues) {
        this.outbox = outbox;
        this.issues = issues;
    }

    /** The counts that make up a report. */
    record Counts(int delivered, int pending, int blocked, int failed, int uncertain, int cancelled) {
        int total() {
            return delivered + pending + blocked + failed + uncertain + cancelled;
        }
    }

    Counts counts(long newsletterId) {
        Map<OutboxStatus, Integer> byStatus = outbox.counts(NewsletterRepository.KIND, newsletterId);
        return new Counts(get(byStatus, OutboxStatus.SENT),
                get(byStatus, OutboxStatus.PENDING) + get(byStatus, OutboxStatus.SENDING) + get(byStatus, OutboxStatus.HELD),
                get(byStatus, OutboxStatus.BLOCKED),
                get(byStatus, OutboxStatus.FAILED) + get(byStatus, OutboxStatus.DEAD),
                get(byStatus, OutboxStatus.UNCERTAIN), get(byStatus, OutboxStatus.CANCELLED));
    }

    private static int get(Map<OutboxStatus, Integer> counts, OutboxStatus status) {
        return counts.getOrDefault(status, 0);
    }

    String text(Newsletter newsletter, Texts texts) {
        Counts counts = counts(newsletter.id());
        if (counts.total() == 0 && newsletter.delivered().isPresent()) {
            // its delivery rows were pruned (retention): only the delivered count was kept when it ended
            counts = new Counts(newsletter.delivered().get(), 0, 0, 0, 0, 0);
        }
        Map<String, Integer> taps = issues.taps(newsletter.id());
        StringBuilder html = new StringBuilder(texts.get("nl.report.title", "title", newsletter.content().title(),
                "status", texts.plain("nl.status." + newsletter.status().name().toLowerCase(java.util.Locale.ROOT))));
        html.append('\n').append(texts.get("nl.report.counts", "recipients", newsletter.recipients(),
                "delivered", counts.delivered(), "pending", counts.pending(), "blocked", counts.blocked(),
                "failed", counts.failed()));
        if (counts.uncertain() > 0) {
            html.append('\n').append(texts.get("nl.report.uncertain", "count", counts.uncertain()));
        }
        int repeated = outbox.resentAfterCrash(NewsletterRepository.KIND, newsletter.id());
        if (repeated > 0) {
            html.append('\n').append(texts.get("nl.report.repeated", "count", repeated));
        }
        if (counts.cancelled() > 0) {
            html.append('\n').append(texts.get("nl.report.cancelled", "count", counts.cancelled()));
        }
        html.append('\n').append(texts.get("nl.report.taps", "useful", taps.getOrDefault("useful", 0),
                "unsubscribed", taps.getOrDefault("unsubscribe", 0) + taps.getOrDefault("unsubscribe-all", 0)));
        return html.toString();
    }

    InlineKeyboardMarkup controls(Newsletter newsletter, Texts texts) {
        Keyboard keyboard = Keyboard.create();
        long id = newsletter.id();
        switch (newsletter.status()) {
            case SENDING:
                keyboard.button(texts.plain("nl.button.pause"), DeskButton.SET.data(new DeskButton.Pause(id)))
                        .button(texts.plain("nl.button.cancel"), DeskButton.SET.data(new DeskButton.Cancel(id)));
                break;
            case PAUSED:
                keyboard.button(texts.plain("nl.button.resume"), DeskButton.SET.data(new DeskButton.Resume(id)))
                        .button(texts.plain("nl.button.cancel"), DeskButton.SET.data(new DeskButton.Cancel(id)));
                break;
            default:
                // sent or cancelled: the counts no longer change (the report was brought up to date as it ended),
                // so a Refresh button would only promise news that cannot come
                return keyboard.build();
        }
        keyboard.row().button(texts.plain("nl.button.refresh"), DeskButton.SET.data(new DeskButton.Refresh(id)));
        return keyboard.build();
    }
}
