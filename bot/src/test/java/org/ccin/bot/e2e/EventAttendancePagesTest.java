package org.ccin.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ccin.bot.fakeapi.ApiCall;
import org.ccin.bot.fakeapi.FakeMessage;
import org.ccin.bot.fakeapi.FakeUser;
import org.ccin.store.events.Answer;
import org.ccin.store.events.EventRepository;
import org.ccin.store.events.ReplyRepository;
import org.ccin.store.members.Profile;
import org.ccin.store.members.WorkRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The attendance tap list of a big event comes a page at a time, since Telegram (and the fake) refuse a keyboard of
 * more than 100 buttons; marking works on any page, and a forged page number shows the nearest page there is.
 */
class EventAttendancePagesTest {
    /** The test clock stands at 25 November 2026, 12:00 UTC; the event is the next morning, and the test moves the
     * clock to after it once everyone has answered. */
    private static final Instant START = Instant.parse("2026-11-26T10:00:00Z");
    private static final int PEOPLE = 105;

    @RegisterExtension
    final BotExtension bots = new BotExtension();

    private final TestBot bot = bots.bot();
    private FakeUser staff;
    private long eventId;
    private final List<Long> members = new ArrayList<>();

    @BeforeEach
    void start() {
        staff = bot.user(TestBot.STAFF_ID, "Sam");
        EventRepository events = new EventRepository(bot.store().database(), bot.clock);
        ReplyRepository replies = new ReplyRepository(bot.store().database(), bot.clock);
        eventId = events.add("Annual assembly", "Everyone comes.", START, START.plus(Duration.ofHours(3)),
                Optional.of("Cardiff City Hall"), Optional.empty(), Optional.empty(), 1);
        for (int i = 1; i <= PEOPLE; i++) {
            long telegramId = 1000 + i;
            String name = String.format("Member %03d", i);
            bot.store().members().recordContact(telegramId, name, Optional.empty(), "en");
            long memberId = bot.store().members().saveProfile(telegramId, new Profile(Optional.empty(),
                    Optional.of("Oldham Council"), Optional.of("full"), Optional.of(WorkRole.OFFICER),
                    Optional.of("wales"))).id();
            assertThat(replies.answer(eventId, memberId, Answer.GOING)).isEqualTo(ReplyRepository.Outcome.SAVED);
            members.add(memberId);
        }
        bot.clock.set(START.plus(Duration.ofHours(4)));
    }

    @Test
    @DisplayName("With 105 going the tap list pages by 20; Next, marking on page 2 and Previous all work")
    void pagesAndMarksOnPageTwo() {
        // GIVEN staff open the list from /attendance
        bot.send(staff, "/attendance");
        bot.awaitText(TestBot.STAFF_ID, "Which event's attendance");
        bot.tap(staff, "26 Nov, 10:00 · Annual assembly");

        // THEN the first page holds the first 20 people and Next, with no Previous
        ApiCall first = bot.awaitText(TestBot.STAFF_ID, "tap each person who came");
        assertThat(first.text()).contains("(0 of 105 marked)").contains("Page 1 of 6");
        assertThat(TestBot.buttons(first)).hasSize(22).startsWith("▫️ Member 001 · Going")
                .contains("▫️ Member 020 · Going").doesNotContain("▫️ Member 021 · Going", "‹ Previous")
                .endsWith("Next ›", "« Back");

        // WHEN they go to page 2 and mark someone there
        bot.tap(staff, "Next ›");
        ApiCall second = bot.awaitText(TestBot.STAFF_ID, "Page 2 of 6");
        assertThat(TestBot.buttons(second)).startsWith("▫️ Member 021 · Going").contains("▫️ Member 040 · Going")
                .endsWith("‹ Previous", "Next ›", "« Back");
        bot.tap(staff, "▫️ Member 025 · Going");

        // THEN it is recorded, and the list stays on page 2 with that person ticked
        ApiCall marked = bot.awaitText(TestBot.STAFF_ID, "(1 of 105 marked)");
        assertThat(marked.text()).contains("Page 2 of 6");
        assertThat(TestBot.buttons(marked)).contains("✅ Member 025 · Going").startsWith("▫️ Member 021 · Going");
        assertThat(attended()).containsExactly(members.get(24));

        // and Previous goes back to page 1
        bot.tap(staff, "‹ Previous");
        assertThat(bot.awaitText(TestBot.STAFF_ID, "Page 1 of 6").text()).contains("(1 of 105 marked)");
        // no keyboard the bot sent was refused as too long
        assertThat(bot.telegram.calls()).noneMatch(c -> c.status() == 400);
    }

    @Test
    @DisplayName("A forged page number out of range shows the nearest page and changes nothing")
    void forgedPages() {
        bot.send(staff, "/attendance");
        bot.awaitText(TestBot.STAFF_ID, "Which event's attendance");
        bot.tap(staff, "26 Nov, 10:00 · Annual assembly");
        bot.awaitText(TestBot.STAFF_ID, "Page 1 of 6");
        int list = lastBotMessage();

        bot.forge(staff, TestBot.STAFF_ID, list, "ev:ap:" + eventId + ":99");
        ApiCall last = bot.awaitText(TestBot.STAFF_ID, "Page 6 of 6");
        assertThat(TestBot.buttons(last)).containsExactly("▫️ Member 101 · Going", "▫️ Member 102 · Going",
                "▫️ Member 103 · Going", "▫️ Member 104 · Going", "▫️ Member 105 · Going", "‹ Previous", "« Back");

        bot.forge(staff, TestBot.STAFF_ID, list, "ev:ap:" + eventId + ":-4");
        assertThat(bot.awaitText(TestBot.STAFF_ID, "Page 1 of 6").text()).contains("(0 of 105 marked)");

        // a mark with a forged page marks that person (staff may) and shows the nearest page
        bot.forge(staff, TestBot.STAFF_ID, list, "ev:amp:" + eventId + ":" + members.get(2) + ":77");
        ApiCall marked = bot.awaitText(TestBot.STAFF_ID, "(1 of 105 marked)");
        assertThat(marked.text()).contains("Page 6 of 6");
        assertThat(attended()).containsExactly(members.get(2));

        // a tap list sent before pages existed: the old button still marks, and shows that person's page
        bot.forge(staff, TestBot.STAFF_ID, list, "ev:am:" + eventId + ":" + members.get(49));
        ApiCall old = bot.awaitText(TestBot.STAFF_ID, "(2 of 105 marked)");
        assertThat(old.text()).contains("Page 3 of 6");
        assertThat(TestBot.buttons(old)).contains("✅ Member 050 · Going");

        // a page of an unknown event changes nothing
        bot.forge(staff, TestBot.STAFF_ID, list, "ev:ap:" + (eventId + 50) + ":1");
        bot.awaitAnswer(c -> c.is("answercallbackquery") && c.param("text").orElse("").length() > 0);
        assertThat(attended()).hasSize(2);
        assertThat(bot.telegram.calls()).noneMatch(c -> c.status() == 400);
    }

    private List<Long> attended() {
        return new ReplyRepository(bot.store().database(), bot.clock).repliers(eventId).stream()
                .filter(ReplyRepository.Replier::attended).map(ReplyRepository.Replier::memberId).toList();
    }

    private int lastBotMessage() {
        List<FakeMessage> messages = bot.telegram.messages(TestBot.STAFF_ID);
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).fromBot()) {
                return messages.get(i).messageId();
            }
        }
        throw new AssertionError("no bot message to staff");
    }
}
