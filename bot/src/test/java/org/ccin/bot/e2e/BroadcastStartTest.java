package org.ccin.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.ccin.bot.fakeapi.FakeUser;
import org.ccin.store.newsletters.Content;
import org.ccin.store.newsletters.Media;
import org.ccin.store.newsletters.NewsletterRepository;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Starting a newsletter for 10,000 people queues its deliveries in short chunks: the report comes with the first,
 * members are answered meanwhile, and every delivery is queued once. (How fast the replies are is measured by the
 * broadcast benchmark, not asserted here.)
 */
class BroadcastStartTest {
    private static final int RECIPIENTS = 10_000;

    @RegisterExtension
    final BotExtension bots = BotExtension.startedByTheTest();

    @Test
    @DisplayName("A member asking while a 10,000-recipient newsletter starts is answered; all 10,000 are queued once")
    void memberAnsweredDuringALargeStart() {
        // the deliveries themselves would take minutes at Telegram's pace: here only their queueing matters
        TestBot bot = bots.start("sending:\n  globalPerSecond: 5\n  privateChatPerSecond: 50\n");
        FakeUser staff = bot.user(TestBot.STAFF_ID, "Sam");
        FakeUser member = bot.user(42, "Ada");
        Subscribers.add(bot.store(), bot.telegram, RECIPIENTS);
        long id = bot.store().newsletters().issues().createDraft(new Content("Big news", "<b>Big news</b> for all",
                Media.TEXT, Optional.empty(), List.of()), "monthly", staff.id());

        // the Yes of the confirmation shown (its one-time id), as staff would tap it; the forged taps name a message
        // the fake never held, so the bot's edits of it are refused: only what they asked for is read
        bot.forge(staff, staff.id(), 1, "nl:s:" + id);
        String yes = bot.awaitAnswer(c -> c.chatId() == staff.id() && c.text().contains("Send “Big news”"))
                .callbackData("✅ Yes, send now");
        bot.forge(staff, staff.id(), 1, yes);
        bot.telegram.userMessage(member, "/whoami");

        bot.awaitText(42, "Your Telegram id");
        bot.awaitAnswer(c -> c.chatId() == staff.id() && c.text().contains("is going out to"));
        Eventually.await("every delivery queued", () -> bot.store().newsletters().issues().queueing().isEmpty(),
                Duration.ofSeconds(60));
        assertThat(bot.store().outbox().counts(NewsletterRepository.KIND, id).values().stream()
                .mapToInt(Integer::intValue).sum()).isEqualTo(RECIPIENTS);
        assertThat(bot.store().newsletters().issues().find(id).orElseThrow().recipients()).isEqualTo(RECIPIENTS);
    }
}
