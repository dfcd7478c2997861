package org.ccin.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.ccin.bot.fakeapi.ApiCall;
import org.ccin.bot.fakeapi.FakeUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The case-study library's examples of issue 18, asked as a member asks them, through the fake Bot API, over the
 * bundled sample library, once the bot has loaded its search model in the background.
 */
class LibraryTest {
    @RegisterExtension
    final BotExtension bots = new BotExtension();

    private final TestBot bot = bots.bot();
    private final FakeUser ada = bot.user(42, "Ada");

    @BeforeEach
    void start() {
        Eventually.await("the search model loaded and the library embedded",
                () -> bot.store().caseStudySearch().semantic(), java.time.Duration.ofSeconds(60));
    }

    private ApiCall ask(String text, String expected) {
        bot.send(ada, text);
        return bot.awaitText(42, expected);
    }

    @Test
    @DisplayName("/casestudies with spellings of co-operative: coop, co-op, cooperative all find the same studies")
    void spellings() {
        String coop = ask("/casestudies coop", "case studies for “coop”").text();
        String coOp = ask("/casestudies co-op", "case studies for “co-op”").text();
        String cooperative = ask("/casestudies cooperative", "case studies for “cooperative”").text();

        String count = coop.substring(coop.indexOf("<b>") + 3, coop.indexOf(" case studies"));
        assertThat(Integer.parseInt(count)).isGreaterThan(10);
        assertThat(coOp).contains("<b>" + count + " case studies");
        assertThat(cooperative).contains("<b>" + count + " case studies");
    }

    @Test
    @DisplayName("/casestudies energy co-op lists the energy co-operatives first, matched words in bold")
    void energyCoop() {
        ApiCall answer = ask("/casestudies energy co-op", "case studies for “energy co-op”");

        assertThat(answer.text()).contains("Community energy co-operative puts solar panels on schools")
                .contains("A community-owned solar farm").contains("Solar on Cardiff's schools")
                .contains("<b>energy</b>");
    }

    @Test
    @DisplayName("A typo is corrected even when another word matches, and the corrected words are shown")
    void typo() {
        ApiCall answer = ask("/casestudies comunity enrgy oldham", "Searched for “community energy oldham”");

        assertThat(answer.text().indexOf("Community energy co-operative")).isPositive()
                .isLessThan(answer.text().indexOf("2."));
    }

    @Test
    @DisplayName("Welsh: tai yng Nghymru is housing in Wales; Caerdydd is Cardiff; tai is never corrected to tax")
    void welsh() {
        ApiCall housing = ask("/casestudies tai yng Nghymru", "Filters: Wales");
        assertThat(housing.text()).contains("Co-operative homes for young families in Wales").doesNotContain("tax");

        ApiCall cardiff = ask("/casestudies Caerdydd", "case studies for “Caerdydd”");
        assertThat(cardiff.text()).contains("Cardiff");
    }

    @Test
    @DisplayName("An unknown filter is reported and its word searched, not dropped to list the whole library")
    void unknownFilter() {
        ApiCall answer = ask("/casestudies theme:energy", "I don't know “theme:energy”");

        assertThat(answer.text()).contains("searched for the words instead").contains("solar")
                .doesNotContain("46 case studies");
    }

    @Test
    @DisplayName("/casestudies theme:health region:wales names its filters, never \"…\"")
    void filtersOnly() {
        ApiCall answer = ask("/casestudies theme:health region:wales", "Health and social care");

        assertThat(answer.text()).contains("Wales").doesNotContain("…");
    }

    @Test
    @DisplayName("\"housing case studies\" finds the housing studies")
    void housingCaseStudies() {
        ApiCall answer = ask("housing case studies", "case studies for “housing”");

        assertThat(answer.text()).contains("Housing Commission").doesNotContain("Nothing matched every word");
    }

    @Test
    @DisplayName("Plain questions in other words find the study by meaning, headed as the closest few")
    void questionsByMeaning() {
        ApiCall lonely = ask("lonely older people", "befriending isolated pensioners");
        assertThat(lonely.text()).doesNotContain("46 case studies");

        ask("youth services run as a co-op", "Young people's services spun out as a mutual");
        ask("/casestudies has anyone done a food partnership?", "Brent's good food alliance");

        ApiCall buildings = ask("/casestudies examples of councils handing buildings over to community groups",
                "The case studies closest to");
        assertThat(buildings.text()).contains("A library and a leisure centre taken over by community trusts")
                .doesNotContain("46 case studies").doesNotContain("40 case studies");
    }

    @Test
    @DisplayName("Welsh speakers get the closest-studies heading in Welsh")
    void welshHeading() {
        FakeUser bryn = bot.telegram.addUser(FakeUser.of(44, "Bryn").withLanguage("cy"));
        bot.send(bryn, "/casestudies examples of councils handing buildings over to community groups");
        ApiCall answer = bot.awaitText(44, "Yr astudiaethau achos agosaf at");
        assertThat(answer.text()).contains("community trusts");
    }
}
