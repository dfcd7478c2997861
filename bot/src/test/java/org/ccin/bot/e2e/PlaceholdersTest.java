package org.ccin.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.ccin.bot.fakeapi.ApiCall;
import org.ccin.bot.fakeapi.FakeUser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A value that looks like a placeholder is shown as it is: texts are filled in one pass. */
class PlaceholdersTest {
    @RegisterExtension
    final BotExtension bots = new BotExtension();
    private final TestBot bot = bots.bot();

    @Test
    @DisplayName("A member named {id} sees their name as {id} in /whoami, and their id only where it belongs")
    void nameThatLooksLikeAPlaceholder() {
        FakeUser odd = bot.user(4711, "{id}");
        bot.send(odd, "/whoami");
        ApiCall answer = bot.awaitText(4711, "Your Telegram id");
        assertThat(answer.text()).startsWith("<b>{id}</b>\nYour Telegram id: <code>4711</code>");
        assertThat(answer.text().split("4711", -1)).as("the id appears once").hasSize(2);

        FakeUser roles = bot.user(4712, "{roles} & {name}");
        bot.send(roles, "/whoami");
        assertThat(bot.awaitText(4712, "Your Telegram id").text()).startsWith("<b>{roles} &amp; {name}</b>\n");
    }
}
