package org.ccin.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.ccin.bot.fakeapi.FakeMessage;
import org.ccin.bot.fakeapi.FakeUser;
import org.ccin.store.events.Event;
import org.ccin.store.events.EventRepository;
import org.ccin.store.newsletters.Audience;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The buttons of an event's draft belong to that draft, through the fake Bot API: once staff start another event,
 * the older preview's Announce, toggles and Throw away (and a forged topic of it) are out of date and change nothing,
 * while the newer draft's own buttons work.
 */
class EventDraftsTest {
    @RegisterExtension
    final BotExtension bots = new BotExtension();

    private final TestBot bot = bots.bot();
    private FakeUser staff;

    @BeforeEach
    void start() {
        staff = bot.user(TestBot.STAFF_ID, "Sam");
    }

    @Test
    @DisplayName("An older draft's preview announces nothing and changes nothing once another event is started")
    void olderPreviewIsOutOfDate() {
        draft("Event A");
        bot.tap(staff, "Events and webinars");
        assertThat(bot.awaitText(TestBot.STAFF_ID, "Preview").text()).contains("Event A");
        int previewA = lastMessage();
        String announceA = message(previewA).callbackData("Announce");

        // a new /newevent: event B, still at "Who is it for?"; A's topic, forged with A's id, does not choose B's
        draft("Event B");
        String draftA = announceA.substring(announceA.lastIndexOf(':') + 1);
        bot.forge(staff, TestBot.STAFF_ID, previewA, "ev:dt:" + draftA + ":events");
        awaitAlert("out of date, so nothing was changed");
        bot.tap(staff, "Monthly newsletter");
        assertThat(bot.awaitText(TestBot.STAFF_ID, "Preview").text()).contains("Event B").contains("Monthly");
        int previewB = lastMessage();
        assertThat(previewB).isNotEqualTo(previewA);
        assertThat(message(previewB).callbackData("Announce")).isNotEqualTo(announceA);

        // A's old buttons, as still shown in the chat
        tapOn(previewA, "Announce");
        awaitAlert("out of date, so nothing was changed");
        assertThat(events().coming()).isEmpty();
        tapOn(previewA, "Wales");
        awaitAlert("out of date, so nothing was changed");
        tapOn(previewA, "Throw away");
        awaitAlert("out of date, so nothing was changed");
        assertThat(message(previewB).text()).contains("Event B").doesNotContain("Only: Wales.");

        // B's own Announce works, with B's audience untouched by A's toggle
        tapOn(previewB, "Announce");
        assertThat(bot.awaitText(TestBot.STAFF_ID, "Announced to").text()).contains("Event B");
        List<Event> coming = events().coming();
        assertThat(coming).extracting(Event::title).containsExactly("Event B");
        assertThat(coming.get(0).audience()).isEqualTo(new Audience("monthly", Set.of(), Set.of(), Set.of()));
        // and A's Announce, tapped again now that no event is being made, still announces nothing
        tapOn(previewA, "Announce");
        awaitAlert("no event being made");
        assertThat(events().coming()).hasSize(1);
    }

    @Test
    @DisplayName("A draft's own toggle still works, and its id stays the same through the preview's screens")
    void ownButtonsWork() {
        draft("Event C");
        bot.tap(staff, "Events and webinars");
        bot.awaitText(TestBot.STAFF_ID, "Preview");
        int preview = lastMessage();
        String announce = message(preview).callbackData("Announce");
        tapOn(preview, "Wales");
        assertThat(bot.awaitText(TestBot.STAFF_ID, "Only: Wales.").text()).contains("Event C");
        assertThat(message(preview).callbackData("Announce")).isEqualTo(announce);
        // an id no draft has is out of date as well
        bot.forge(staff, TestBot.STAFF_ID, preview, "ev:dgo:00000000");
        awaitAlert("out of date, so nothing was changed");
        assertThat(events().coming()).isEmpty();
        tapOn(preview, "Announce");
        bot.awaitText(TestBot.STAFF_ID, "Announced to");
        assertThat(events().coming().get(0).audience().regions()).containsExactly("wales");
    }

    // ------------------------------------------------------------------ helpers

    /** Staff answer every question of /newevent (online, no capacity) up to "Who is it for?". */
    private void draft(String title) {
        bot.send(staff, "/newevent");
        for (String answer : List.of(title, "-", "9/12/2026 10:00", "12:00", "-", "https://meet.example.org/x", "-")) {
            bot.awaitReply(TestBot.STAFF_ID, c -> c.is("sendmessage"));
            bot.send(staff, answer);
        }
        bot.awaitText(TestBot.STAFF_ID, "Who is it for?");
    }

    /** Taps a button of that message, even when newer messages have the same button. */
    private void tapOn(int messageId, String button) {
        bot.act(() -> bot.telegram.tapButton(staff, TestBot.STAFF_ID, messageId, button));
    }

    private FakeMessage message(int messageId) {
        return bot.telegram.messages(TestBot.STAFF_ID).stream().filter(m -> m.messageId() == messageId).findFirst()
                .orElseThrow();
    }

    private int lastMessage() {
        List<FakeMessage> messages = bot.telegram.messages(TestBot.STAFF_ID);
        return messages.get(messages.size() - 1).messageId();
    }

    private EventRepository events() {
        return new EventRepository(bot.store().database(), bot.clock);
    }

    private void awaitAlert(String fragment) {
        bot.awaitAnswer(c -> c.is("answercallbackquery") && c.param("text").orElse("").contains(fragment));
    }
}
