package org.ccin.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.ccin.bot.fakeapi.FakeUser;
import org.ccin.store.inbox.InboxStatus;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One person sending a flood cannot queue minutes of replies: past a burst the bot says so once and sets the rest aside. */
class FloodTest {
    @RegisterExtension
    final BotExtension bots = BotExtension.startedByTheTest();

    @Test
    @DisplayName("200 messages in a burst: a few answers, one 'slow down', the rest recorded as handled; others unaffected")
    void floodIsCoalesced() {
        // Telegram's own limit of one message a second to a person, as in production
        TestBot bot = bots.start("""
            sending:
              privateChatPerSecond: 1
            updates:
              personBurst: 5
              personPerSecond: 0.5
            """);
        FakeUser flooder = bot.user(42, "Ada");
        FakeUser other = bot.user(43, "Bo");
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ids.add(bot.telegram.userMessage(flooder, "/whoami"));
        }

        Eventually.await("every update of the flood recorded", () -> ids.stream()
                .allMatch(id -> handled(bot, id)));
        bot.send(other, "/whoami");
        bot.awaitText(43, "Your Telegram id");

        bot.awaitText(42, "You're sending a lot at once");
        long answers = bot.telegram.calls("sendmessage").stream().filter(c -> c.chatId() == 42).count();
        long notices = bot.telegram.calls("sendmessage").stream()
                .filter(c -> c.chatId() == 42 && c.text().contains("sending a lot")).count();
        assertThat(notices).as("told once").isEqualTo(1);
        // the burst, the notice, and what the allowance refilled while 200 updates were handled
        assertThat(answers).as("messages sent to the flooder").isBetween(6L, 20L);
        assertThat(bot.store().inbox().countPending()).isZero();
    }

    @Test
    @DisplayName("Taps in a burst: those set aside are answered too, so no button keeps spinning")
    void droppedTapsAreAnswered() {
        TestBot bot = bots.start("""
            updates:
              personBurst: 5
              personPerSecond: 0.5
            """);
        FakeUser flooder = bot.user(42, "Ada");
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(bot.forge(flooder, 42, 1, "zz:" + i));
        }

        Eventually.await("every tap recorded", () -> ids.stream().allMatch(id -> handled(bot, id)));
        Eventually.await("every tap answered", () -> bot.telegram.calls("answercallbackquery").stream()
                .map(c -> c.param("callback_query_id").orElse("")).distinct().count() == 30);
    }

    private static boolean handled(TestBot bot, int updateId) {
        try {
            return bot.store().inbox().status(updateId) == InboxStatus.DONE;
        } catch (IllegalArgumentException notYetStored) {
            return false;
        }
    }
}
