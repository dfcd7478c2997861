package org.ccin.bot.newsletters;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.ccin.bot.delivery.OutboxDispatcher;
import org.ccin.bot.delivery.OutgoingMessage;
import org.ccin.bot.i18n.Language;
import org.ccin.bot.i18n.LanguagePreference;
import org.ccin.bot.i18n.Messages;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.telegram.Lane;
import org.ccin.bot.telegram.Sender;
import org.ccin.store.newsletters.Newsletter;
import org.ccin.store.newsletters.NewsletterRepository;
import org.ccin.store.newsletters.Recipient;
import org.ccin.store.outbox.OutboxLane;
import org.ccin.store.outbox.OutboxMessage;
import org.ccin.store.outbox.OutboxRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Starts newsletters (now or when their time comes), keeps the sender's delivery report up to date while they go
 * out, and closes them when every delivery is settled. What to send lives in the outbox, so all of this can be
 * done again after a restart: starting twice queues nothing twice, finishing twice reports once.
 */
final class Broadcasts {
    private static final Logger log = LoggerFactory.getLogger(Broadcasts.class);
    /**
     * Deliveries queued per transaction: each chunk holds the database's writer for a few milliseconds, so a
     * member's reply waiting behind it is never noticeably late.
     */
    private static final int QUEUE_CHUNK = 200;

    private final NewsletterRepository issues;
    private final OutboxRepository outbox;
    private final NewsletterMessages messages;
    private final DeliveryReports reports;
    private final Messages bundles;
    private final OutboxDispatcher dispatcher;
    private final Sender sender;
    private final Clock clock;
    private final Optional<Long> channelId;
    private final Duration reportEvery;
    private final LanguagePreference languages;
    /** When each running newsletter's report was last brought up to date (real time: it limits edits). */
    private final Map<Long, Long> lastReport = new ConcurrentHashMap<>();

    Broadcasts(NewsletterRepository issues, OutboxRepository outbox, NewsletterMessages messages,
               DeliveryReports reports, Messages bundles, OutboxDispatcher dispatcher, Sender sender, Clock clock,
               Optional<Long> channelId, Duration reportEvery, LanguagePreference languages) {
        this.issues = issues;
        this.outbox = outbox;
        this.messages = messages;
        this.reports = reports;
        this.bundles = bundles;
        this.dispatcher = dispatcher;
        this.sender = sender;
        this.clock = clock;
        this.channelId = channelId;
        this.reportEvery = reportEvery;
        this.languages = languages;
    }

    /**
     * Starts a newsletter: queues the channel's copy, then one delivery per recipient in short chunks (each its own
     * transaction, so members' replies never wait long for the database), shows the report to {@code by} as soon as
     * the first chunk is queued, and queues the rest. Killed in the middle, the next start carries on queueing
     * ({@link #sweep}); queueing twice adds nothing. @return how many recipients, or empty when it was started
     * already or is not a draft
     */
    Optional<Integer> start(long id, long by) {
        Optional<Newsletter> newsletter = issues.find(id);
        if (newsletter.isEmpty()) {
            return Optional.empty();
        }
        List<OutboxMessage> extra = new ArrayList<>();
        channelId.ifPresent(channel -> extra.add(new OutboxMessage("newsletter:" + id + ":channel", OutboxLane.BROADCAST,
                NewsletterRepository.CHANNEL_KIND, id, channel, messages.forChannel(newsletter.get()).json(),
                clock.instant())));
        Optional<Integer> started = issues.begin(id, by, extra);
        if (started.isPresent()) {
            log.info("newsletter {} started by {}: {} recipients", id, by, started.get());
            queue(newsletter.get(), () -> postReport(id, by));
        }
        return started;
    }

    /** Queues the deliveries not queued yet, chunk by chunk; {@code afterFirstChunk} runs once the first is in. */
    private void queue(Newsletter newsletter, Runnable afterFirstChunk) {
        long id = newsletter.id();
        Map<Language, String> payloads = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            payloads.put(language, messages.forReader(newsletter, bundles.in(language)).json());
        }
        Function<Recipient, OutboxMessage> delivery = recipient -> new OutboxMessage(
                "newsletter:" + id + ":member:" + recipient.memberId(), OutboxLane.BROADCAST,
                NewsletterRepository.KIND, id, recipient.telegramUserId(),
                payloads.get(Language.fromCode(recipient.language()).orElse(languages.fallback())), clock.instant());
        boolean first = true;
        int queued = 0;
        NewsletterRepository.Chunk chunk;
        do {
            chunk = issues.queueNext(id, delivery, QUEUE_CHUNK);
            queued += chunk.queued();
            dispatcher.wake();
            if (first) {
                afterFirstChunk.run();
                first = false;
            }
        } while (!chunk.done());
        log.info("newsletter {}: {} deliveries queued", id, queued);
        delivered(id);
    }

    /** The sender's report, as a new message whose id is kept for later edits. */
    private void postReport(long id, long by) {
        issues.find(id).ifPresent(newsletter -> {
            Texts texts = textsOf(by);
            sender.send(Lane.INTERACTIVE, by, SendMessage.builder().chatId(by).text(reports.text(newsletter, texts))
                    .parseMode(ParseMode.HTML).replyMarkup(reports.controls(newsletter, texts)).build())
                    // null: Telegram took it but its answer could not be read; the final report comes as a new message
                    .thenAccept((Message message) -> Optional.ofNullable(message)
                            .ifPresent(m -> issues.setReportMessage(id, by, m.getMessageId())))
                    .exceptionally(error -> {
                        log.warn("the report of newsletter {} could not be shown to {}: {}", id, by, error.toString());
                        return null;
                    });
        });
    }

    /** A delivery of the newsletter settled: close it if it was the last, else refresh its report now and then. */
    void delivered(long id) {
        if (issues.finishIfDelivered(id)) {
            finished(id);
            return;
        }
        long now = System.nanoTime();
        Long last = lastReport.get(id);
        // only the thread whose swap succeeds refreshes: settles arrive on many threads at once
        boolean due = last == null ? lastReport.putIfAbsent(id, now) == null
                : now - last >= reportEvery.toNanos() && lastReport.replace(id, last, now);
        if (due) {
            refresh(id);
        }
    }

    /**
     * Brings the report message up to date. One at a time: reading the figures and queueing the edit together means
     * the last edit queued shows the latest figures (the sender keeps a chat's order), so a slow refresh cannot
     * overwrite the final report.
     */
    synchronized void refresh(long id) {
        issues.find(id).ifPresent(newsletter -> {
            if (newsletter.reportChatId().isEmpty() || newsletter.reportMessageId().isEmpty()) {
                return;
            }
            long chat = newsletter.reportChatId().get();
            Texts texts = textsOf(chat);
            sender.send(Lane.INTERACTIVE, chat, EditMessageText.builder().chatId(chat)
                    .messageId(newsletter.reportMessageId().get()).text(reports.text(newsletter, texts))
                    .parseMode(ParseMode.HTML).replyMarkup(reports.controls(newsletter, texts)).build())
                    .exceptionally(error -> null);
        });
    }

    /** The final report, once, through the outbox, to whoever started it. */
    private void finished(long id) {
        lastReport.remove(id);
        refresh(id);
        issues.find(id).ifPresent(newsletter -> {
            long to = issues.startedBy(id).orElse(newsletter.createdBy());
            Texts texts = textsOf(to);
            String html = texts.get("nl.report.done") + "\n\n" + reports.text(newsletter, texts);
            if (outbox.enqueue(List.of(new OutboxMessage("newsletter:" + id + ":report", OutboxLane.REMINDER,
                    "newsletter-report", id, to, OutgoingMessage.text(html, null).json(), clock.instant()))) > 0) {
                log.info("newsletter {} delivered: {}", id, reports.counts(id));
                dispatcher.wake();
            }
        });
    }

    /** Deliveries released (a resumed newsletter) are due now. */
    void wakeDeliveries() {
        dispatcher.wake();
    }

    /** The scheduled work: starts what is due, closes what is delivered, refreshes reports. */
    void sweep() {
        for (long id : issues.queueing()) {
            // the bot stopped while queueing its deliveries: carry on where it stopped
            issues.find(id).ifPresent(newsletter -> queue(newsletter, () -> { }));
        }
        for (long id : issues.dueScheduled()) {
            long by = issues.startedBy(id).orElse(0L);
            start(id, by);
        }
        for (Newsletter newsletter : issues.sending()) {
            if (issues.finishIfDelivered(newsletter.id())) {
                finished(newsletter.id());
            } else {
                refresh(newsletter.id());
            }
        }
    }

    Texts textsOf(long telegramUserId) {
        return bundles.in(languages.of(telegramUserId));
    }
}
