package org.ccin.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.ccin.bot.fakeapi.ApiCall;
import org.ccin.bot.fakeapi.FakeUser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Beside the strategy's published figures, the measure year so far (since 1 August) as the bot counted it from its
 * own rounds: asked in plain words and in /measures, in English and Welsh.
 */
class MeasuresSoFarTest {
    @RegisterExtension
    final BotExtension bots = new BotExtension();

    private final TestBot bot = bots.bot();
    private final FakeUser ada = bot.user(42, "Ada");

    @Test
    @DisplayName("A measure the bot counts says how many so far this year, after the published figure")
    void plainWords() {
        FundedLabs.fundOne(bot);

        bot.send(ada, "How many Policy Labs are there?");
        String answer = plain(bot.awaitText(42, "Number of Policy Labs"));
        assertThat(answer).startsWith("Number of Policy Labs: 4 (July 2024, provisional)")
                .contains("So far this year (since 1 August 2026): 1 funded through the bot's rounds.");

        bot.send(ada, "how many councils take part in policy labs");
        assertThat(plain(bot.awaitText(42, "Councils participating in Policy Labs"))).contains(
                "So far this year (since 1 August 2026): 2 member organisations leading or partnering");
    }

    @Test
    @DisplayName("/measures marks what the bot counted so far this year, and explains it once; in Welsh too")
    void measuresList() {
        FundedLabs.fundOne(bot);
        FakeUser dafydd = bot.telegram.addUser(FakeUser.of(77, "Dafydd").withLanguage("cy"));

        bot.send(ada, "/measures");
        String list = plain(bot.awaitText(42, "The strategy's measures"));
        assertThat(list).contains("Number of Policy Labs: 4 (July 2024, provisional) · so far this year: 1\n")
                .contains("Number of Policy Prototypes: 5 (July 2024, provisional)\n")
                .contains("\"So far this year\" is what the bot counted itself since 1 August 2026");

        bot.send(dafydd, "/measures");
        assertThat(plain(bot.awaitText(77, "Mesurau'r strategaeth"))).contains(" · hyd yma eleni: 1")
                .contains("ers 1 Awst 2026");
    }

    @Test
    @DisplayName("With nothing counted yet, /measures shows the published figures alone")
    void nothingCounted() {
        bot.send(ada, "/measures");
        assertThat(plain(bot.awaitText(42, "The strategy's measures"))).doesNotContain("so far this year")
                .doesNotContain("So far this year");
    }

    private static String plain(ApiCall call) {
        return call.text().replaceAll("<[^>]+>", "");
    }
}
