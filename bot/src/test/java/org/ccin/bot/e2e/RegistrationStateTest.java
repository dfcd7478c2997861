package org.ccin.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.ccin.bot.fakeapi.ApiCall;
import org.ccin.bot.fakeapi.FakeUser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A registration whose stored row no longer reads (an older version's, or damaged): nothing fails on its buttons. */
class RegistrationStateTest {
    @RegisterExtension
    final BotExtension bots = new BotExtension();

    private final TestBot bot = bots.bot();
    private final FakeUser ada = bot.user(42, "Ada");

    @Test
    @DisplayName("A button of a registration whose state no longer reads is out of date, and /start begins afresh")
    void unreadableStateIsAnExpiredRegistration() {
        // GIVEN a registration at its first question, whose stored answers then no longer read
        bot.send(ada, "/start");
        bot.awaitText(42, "Which language");
        int message = bot.telegram.lastBotMessage(42).orElseThrow().messageId();
        String english = bot.telegram.lastBotMessage(42).orElseThrow().callbackData("English");
        bot.store().database().jdbi().useHandle(h -> h.execute("UPDATE conversations SET state = 'not json'"));

        // WHEN Ada taps English on it
        bot.forge(ada, 42, message, english);

        // THEN the tap is refused as out of date and the registration has not moved on
        ApiCall answer = bot.awaitAnswer(c -> c.is("answercallbackquery")
                && c.param("show_alert").orElse("").equals("true"));
        assertThat(answer.param("text").orElse("")).contains("out of date");
        assertThat(bot.store().conversations().find(42, 42).orElseThrow().step()).isEqualTo("LANGUAGE");

        // and /start begins registration again, rather than failing on the old row
        bot.send(ada, "/start");
        ApiCall again = bot.awaitText(42, "Which language");
        assertThat(again.text()).contains("Question 1 of 5");
        assertThat(again.text()).doesNotContain("Let's carry on");
        bot.tap(ada, "English");
        assertThat(bot.awaitText(42, "Type its name").text()).contains("Question 2 of 5");
    }
}
