package org.ccin.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ccin.bot.fakeapi.ApiCall;
import org.ccin.bot.fakeapi.FakeUser;
import org.ccin.store.events.Answer;
import org.ccin.store.events.Event;
import org.ccin.store.events.EventRepository;
import org.ccin.store.events.NewEvent;
import org.ccin.store.events.ReplyRepository;
import org.ccin.store.members.Profile;
import org.ccin.store.members.WorkRole;
import org.ccin.store.newsletters.Audience;
import org.ccin.store.outbox.OutboxRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Staff move an announced event to another day and place, through the fake Bot API: one question at a time with
 * "=" to keep, a preview of before and after, Save; those going or perhaps going are told once each in their
 * language, those who cannot come are not; the new time's day-before reminder comes although the old time's was
 * sent; a member cannot start a change, and a Save from an older preview changes nothing.
 */
class EventChangeTest {
    @RegisterExtension
    final BotExtension bots = new BotExtension();

    private final TestBot bot = bots.bot();
    private FakeUser staff;
    private FakeUser ada;
    private long eventId;

    @BeforeEach
    void start() {
        staff = bot.user(TestBot.STAFF_ID, "Sam");
        ada = member(42, "Ada", "en");
        member(43, "Bryn", "cy");
        member(44, "Cai", "en");
        // Thursday 26 November 2026, 10:00–12:00 in London (GMT), online: 22 hours after the test clock's now
        Instant start = Instant.parse("2026-11-26T10:00:00Z");
        eventId = events().add(new NewEvent("Policy Lab showcase", "", start, start.plus(Duration.ofHours(2)),
                Optional.empty(), Optional.of("https://meet.example.org/showcase"), Optional.empty(),
                Audience.of("events")), TestBot.STAFF_ID);
        events().announce(eventId, List.of(), recipient -> null);
        ReplyRepository replies = new ReplyRepository(bot.store().database(), bot.clock);
        replies.answer(eventId, memberId(42), Answer.GOING);
        replies.answer(eventId, memberId(43), Answer.MAYBE);
        replies.answer(eventId, memberId(44), Answer.NOT_GOING);
    }

    private FakeUser member(long id, String name, String language) {
        FakeUser user = bot.telegram.addUser(FakeUser.of(id, name).withLanguage(language));
        bot.store().members().recordContact(id, name, Optional.empty(), language);
        bot.store().members().saveProfile(id, new Profile(Optional.empty(), Optional.of("Oldham Council"),
                Optional.of("full"), Optional.of(WorkRole.OFFICER), Optional.of("wales")));
        return user;
    }

    private long memberId(long telegramId) {
        return bot.store().members().findByTelegramId(telegramId).orElseThrow().id();
    }

    private EventRepository events() {
        return new EventRepository(bot.store().database(), bot.clock);
    }

    private void openCard() {
        bot.send(staff, "/events");
        bot.awaitText(TestBot.STAFF_ID, "Coming events");
        bot.tap(staff, "Policy Lab showcase");
        bot.awaitText(TestBot.STAFF_ID, "Policy Lab showcase");
    }

    @Test
    @DisplayName("Moved to another day and place: preview, Save, Going and Maybe told once, new reminders follow")
    void moveAndTell() {
        // the old time's day-before reminder went to Ada already
        bot.runRoutine("event-reminders");
        bot.awaitText(42, "Reminder");

        openCard();
        bot.tap(staff, "✏️ Change time or place");
        assertThat(bot.awaitText(TestBot.STAFF_ID, "When does it start?").text())
                .contains("Thursday 26 November 2026, 10:00");
        bot.send(staff, "next week");
        bot.awaitText(TestBot.STAFF_ID, "couldn't read");
        bot.send(staff, "3/12/2026 18:30");
        assertThat(bot.awaitText(TestBot.STAFF_ID, "When does it end?").text()).contains("20:30");
        bot.send(staff, "=");
        bot.awaitText(TestBot.STAFF_ID, "Where is it?");
        bot.send(staff, "Oldham Civic Centre");
        bot.awaitText(TestBot.STAFF_ID, "The online link?");
        bot.send(staff, "=");
        ApiCall preview = bot.awaitText(TestBot.STAFF_ID, "Move Policy Lab showcase?");
        assertThat(preview.text()).contains("Thursday 26 November 2026, 10:00 – 12:00")
                .contains("Thursday 3 December 2026, 18:30 – 20:30").contains("Where: Oldham Civic Centre")
                .contains("The 2 members going or perhaps going are told.");
        assertThat(events().find(eventId).orElseThrow().startsAt()).as("nothing before Save")
                .isEqualTo(Instant.parse("2026-11-26T10:00:00Z"));

        bot.tap(staff, "Save and tell them");
        assertThat(bot.awaitText(TestBot.STAFF_ID, "Saved.").text()).contains("2 members are told");
        Event moved = events().find(eventId).orElseThrow();
        assertThat(moved.startsAt()).isEqualTo(Instant.parse("2026-12-03T18:30:00Z"));
        assertThat(moved.place()).contains("Oldham Civic Centre");
        assertThat(moved.onlineLink()).contains("https://meet.example.org/showcase");
        assertThat(moved.scheduleVersion()).isEqualTo(1);
        assertThat(bot.awaitText(42, "has moved").text()).contains("Thursday 3 December 2026, 18:30");
        assertThat(bot.awaitText(43, "wedi symud").text()).contains("3 Rhagfyr 2026");
        assertThat(bot.store().outbox().byRef("event", eventId)).filteredOn(r -> r.dedupeKey().contains("changed"))
                .extracting(OutboxRow::chatId).containsExactlyInAnyOrder(42L, 43L);

        // a day before the new time, the new day-before reminder comes, once
        bot.clock.set(Instant.parse("2026-12-02T20:00:00Z"));
        bot.runRoutine("event-reminders");
        bot.runRoutine("event-reminders");
        assertThat(bot.awaitText(42, "Reminder").text()).contains("Thursday 3 December 2026, 18:30");
        assertThat(bot.store().outbox().byRef("event", eventId)).filteredOn(r -> r.chatId() == 42L
                && r.dedupeKey().contains(":day")).extracting(OutboxRow::dedupeKey)
                .containsExactlyInAnyOrder("event:" + eventId + ":day:" + memberId(42),
                        "event:" + eventId + ":day.v1:" + memberId(42));
        assertThat(bot.store().auditLog().recent(10)).anySatisfy(e -> assertThat(e.action()).isEqualTo("event.changed"));
    }

    @Test
    @DisplayName("A member cannot start a change; a Save from an older preview, or after a restart, changes once")
    void rights() {
        bot.send(ada, "/events");
        bot.awaitText(42, "Coming events");
        int message = bot.telegram.lastBotMessage(42).orElseThrow().messageId();
        bot.forge(ada, 42, message, "ev:ch:" + eventId);
        bot.awaitAnswer(c -> c.is("answercallbackquery") && c.param("text").orElse("").contains("staff"));
        bot.forge(ada, 42, message, "ev:chs:00000000");
        bot.awaitAnswer(c -> c.is("answercallbackquery") && c.param("text").orElse("").contains("staff"));

        openCard();
        bot.tap(staff, "✏️ Change time or place");
        bot.awaitText(TestBot.STAFF_ID, "When does it start?");
        bot.send(staff, "=");
        bot.awaitText(TestBot.STAFF_ID, "When does it end?");
        bot.send(staff, "21:00");
        bot.awaitText(TestBot.STAFF_ID, "Where is it?");
        bot.send(staff, "=");
        bot.awaitText(TestBot.STAFF_ID, "The online link?");
        bot.send(staff, "=");
        ApiCall preview = bot.awaitText(TestBot.STAFF_ID, "Move Policy Lab showcase?");
        String save = preview.callbackData("Save and tell them");
        int previewMessage = preview.resultMessageId().orElseThrow();
        bot.restart();
        bot.tap(staff, "Save and tell them");
        bot.awaitText(TestBot.STAFF_ID, "Saved.");
        assertThat(events().find(eventId).orElseThrow().endsAt()).isEqualTo(Instant.parse("2026-11-26T21:00:00Z"));
        // the same preview's Save again (its message now shows the card) finds no change to save
        bot.forge(staff, TestBot.STAFF_ID, previewMessage, save);
        bot.awaitAnswer(c -> c.is("answercallbackquery") && c.param("text").orElse("").contains("out of date"));
        assertThat(events().find(eventId).orElseThrow().scheduleVersion()).isEqualTo(1);
    }
}
