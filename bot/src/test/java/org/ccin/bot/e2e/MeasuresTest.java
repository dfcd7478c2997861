package org.ccin.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.ccin.bot.fakeapi.ApiCall;
import org.ccin.bot.fakeapi.FakeUser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Asking for the strategy's measures (the bundled sample, from seed 002), as a member would, through the fake Bot API. */
class MeasuresTest {
    @RegisterExtension
    final BotExtension bots = new BotExtension();

    private final TestBot bot = bots.bot();
    private final FakeUser ada = bot.user(42, "Ada");

    @Test
    @DisplayName("\"how many full council members do we have now\" leads with the figure, not with case studies")
    void fullCouncilMembersNow() {
        bot.send(ada, "how many full council members do we have now");

        ApiCall answer = bot.awaitText(42, "Full Council Members");
        assertThat(plain(answer)).startsWith("Full Council Members: 47 (July 2024, provisional), up from 45 (July "
                        + "2023); target: an improving trend by July 2025 and July 2026")
                .contains("Earlier: 45 (July 2023), 34 (July 2022), 33 (July 2021)")
                .contains("The measures of objective 2 give 46 (July 2024, provisional).")
                .doesNotContain("case stud");
    }

    @Test
    @DisplayName("\"How many Policy Labs were there in 2023?\" answers 6, the figure as at July 2023, then the latest")
    void policyLabsIn2023() {
        bot.send(ada, "How many Policy Labs were there in 2023?");

        ApiCall answer = bot.awaitText(42, "Number of Policy Labs in 2023");
        assertThat(plain(answer)).startsWith("Number of Policy Labs in 2023: 6 (July 2023)")
                .contains("Latest: 4 (July 2024, provisional)")
                .contains("Source: CCIN Strategy 2024–2026, the measures of objective 2");
    }

    @Test
    @DisplayName("A measure asked for with typos leads with its latest figure, the trend and the target")
    void withTypos() {
        bot.send(ada, "how many suporters has the network got?");

        ApiCall answer = bot.awaitText(42, "Supporters: 24");
        assertThat(plain(answer)).startsWith("Supporters: 24 (July 2024, provisional), up from 21 (July 2023); "
                + "target: an improving trend by July 2025 and July 2026")
                .contains("Earlier: 21 (July 2023), 21 (July 2022), 14 (July 2021)");
    }

    @Test
    @DisplayName("/measures lists every measure by objective with its latest figure against its target")
    void measuresCommand() {
        bot.send(ada, "/measures");

        ApiCall list = bot.awaitText(42, "The strategy's measures");
        assertThat(plain(list)).contains("1. A cooperative network").contains("2. Cooperative councils")
                .contains("Case studies: 535 (July 2024, provisional); target: an improving trend")
                .contains("Percentage participation in Policy Labs: 54% (July 2024, provisional)")
                .contains("Meetings and events: 12 (July 2023)")
                .contains("Number of Policy Labs: 4 (July 2024, provisional)\n");
    }

    @Test
    @DisplayName("A question in Welsh (with a mutation) is answered in Welsh, figure first")
    void welsh() {
        FakeUser dafydd = bot.telegram.addUser(FakeUser.of(77, "Dafydd").withLanguage("cy"));

        bot.send(dafydd, "faint o gynghorau sy'n cymryd rhan mewn labordai polisi?");
        ApiCall answer = bot.awaitText(77, "Cynghorau sy'n cymryd rhan mewn Labordai Polisi");
        assertThat(plain(answer)).startsWith("Cynghorau sy'n cymryd rhan mewn Labordai Polisi: 25 (Gorffennaf 2024, "
                + "dros dro), i lawr o 26 (Gorffennaf 2023); targed: tuedd sy'n gwella erbyn Gorffennaf 2025 a "
                + "Gorffennaf 2026");

        bot.send(dafydd, "/measures");
        assertThat(plain(bot.awaitText(77, "Mesurau'r strategaeth"))).contains("Aelodau Cyngor Llawn: 47");
    }

    @Test
    @DisplayName("A year without a figure says so and lists the published ones; a target question leads with the target")
    void yearWithoutFigureAndTargets() {
        bot.send(ada, "how many policy labs were there in 2021?");
        assertThat(plain(bot.awaitText(42, "no figure for 2021"))).startsWith("Number of Policy Labs: there is no "
                + "figure for 2021. Published figures: 4 (July 2024, provisional), 6 (July 2023), 8 (July 2022).");

        bot.send(ada, "what is the target for affiliate members?");
        assertThat(plain(bot.awaitText(42, "Affiliate Members, target"))).startsWith("Affiliate Members, target: an "
                + "improving trend by July 2025 and July 2026\nLatest: 49 (July 2024, provisional)");

        bot.send(ada, "what are the targets");
        assertThat(plain(bot.awaitText(42, "The strategy's measures"))).contains("Supporters: 24 (July 2024, "
                + "provisional); target: an improving trend by July 2025 and July 2026");
    }

    @Test
    @DisplayName("A question about the plan is still answered by the plan")
    void planQuestionsStayWithThePlan() {
        bot.send(ada, "how many actions are overdue?");

        ApiCall answer = bot.awaitReply(42, c -> c.is("sendmessage"));
        assertThat(answer.text()).doesNotContain("measures");
    }

    private static String plain(ApiCall call) {
        return call.text().replaceAll("<[^>]+>", "");
    }
}
