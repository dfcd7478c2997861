package org.ccin.bot.labs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.ccin.bot.delivery.OutboxDispatcher;
import org.ccin.bot.delivery.OutgoingMessage;
import org.ccin.bot.i18n.Language;
import org.ccin.bot.i18n.Messages;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.Keyboard;
import org.ccin.scheduler.Routine;
import org.ccin.store.labs.Application;
import org.ccin.store.labs.Round;
import org.ccin.store.members.Member;
import org.ccin.store.outbox.OutboxLane;
import org.ccin.store.outbox.OutboxMessage;
import org.ccin.store.outbox.OutboxRepository;

/**
 * Every quarter of an hour (and at start): reminds the authors of unfinished drafts 7 days and 1 day before their
 * round closes. Each reminder's outbox key names the draft and the slot, so a run after downtime sends a missed one
 * once and a repeated run nothing. The text says the time really left (a late one has less than its slot); a draft
 * begun after a slot had passed does not get that slot's reminder (begun 3 days before closing: only the 1-day one).
 */
final class DraftReminders implements Routine {
    static final String KIND = "labs-draft";
    private static final List<Integer> DAYS = List.of(7, 1);

    private final LabRecords records;
    private final OutboxRepository outbox;
    private final OutboxDispatcher dispatcher;
    private final Messages messages;
    private final RoundWords words;
    private final Clock clock;

    DraftReminders(LabRecords records, OutboxRepository outbox, OutboxDispatcher dispatcher, Messages messages,
                   RoundWords words, Clock clock) {
        this.records = records;
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.messages = messages;
        this.words = words;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "labs-draft-reminders";
    }

    @Override
    public String cron() {
        return "0 */15 * * * ?";
    }

    @Override
    public boolean runsAtStart() {
        return true;
    }

    @Override
    public void run() {
        Instant now = clock.instant();
        List<OutboxMessage> rows = new ArrayList<>();
        for (Round round : records.rounds().openAt(now)) {
            // the nearest slot that has come: 1 day before once within the last day, else 7 days before
            Integer due = null;
            for (int days : DAYS) {
                if (!now.isBefore(round.closesAt().minus(Duration.ofDays(days)))) {
                    due = days;
                }
            }
            if (due == null) {
                continue;
            }
            Instant slot = round.closesAt().minus(Duration.ofDays(due));
            for (Application draft : records.applications().draftsOf(round.id())) {
                // a draft begun after the slot had passed is being written now: a reminder the moment it is
                // started would only tell its author what they know (the next slot reminds them, if one is left)
                if (draft.createdAt().isAfter(slot)) {
                    continue;
                }
                rows.add(reminder(round, draft, due, now));
            }
        }
        if (outbox.enqueue(rows) > 0) {
            dispatcher.wake();
        }
    }

    /**
     * Calendar days from today to the closing day, in the network's zone: 0 today, 1 tomorrow. What the text says,
     * rather than the slot's number, since a reminder sent late (after downtime) has less time left than its slot.
     */
    private long daysLeft(Round round, Instant now) {
        return ChronoUnit.DAYS.between(LocalDate.ofInstant(now, words.zone()),
                LocalDate.ofInstant(round.closesAt(), words.zone()));
    }

    private OutboxMessage reminder(Round round, Application draft, int slot, Instant now) {
        String language = records.members().findById(draft.memberId()).map(Member::language).orElse("en");
        Texts texts = messages.in(Language.fromCode(language).orElse(Language.EN));
        long answered = round.questions().stream().filter(q -> draft.answer(q).isPresent()).count();
        String html = texts.get("labs.remind.draft", "days", daysLeft(round, now), "round", words.name(texts, round),
                "closes", words.when(texts, round.closesAt()), "answered", answered,
                "questions", round.questions().size());
        OutgoingMessage message = OutgoingMessage.text(html, Keyboard.create().button(
                texts.plain("labs.button.continue", "round", words.name(texts, round)),
                LabsButton.SET.data(new LabsButton.Apply(round.id()))).build());
        return new OutboxMessage(KIND + ":" + draft.id() + ":" + slot + "d", OutboxLane.REMINDER, KIND, draft.id(),
                draft.telegramUserId(), message.json(), clock.instant());
    }
}
