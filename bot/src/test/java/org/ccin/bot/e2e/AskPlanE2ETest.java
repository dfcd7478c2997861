package org.ccin.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ccin.bot.fakeapi.ApiCall;
import org.ccin.bot.fakeapi.FakeUser;
import org.ccin.store.casestudies.CaseStudyData;
import org.ccin.store.casestudies.CaseStudyKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The examples of issue 18 that concern the action plan, asked as a member would through the fake Bot API against
 * the bundled plan: the question is understood first, the answer leads with the direct fact, and nothing typed is
 * echoed back mangled.
 */
class AskPlanE2ETest {
    @RegisterExtension
    final BotExtension bots = new BotExtension();

    private final TestBot bot = bots.bot();
    private final FakeUser ada = bot.user(42, "Ada");

    @BeforeEach
    void start() {
        // a day in the plan's own time, so that "overdue" and "next month" have something to say
        bot.clock.set(Instant.parse("2024-07-10T12:00:00Z"));
    }

    private String ask(String question) {
        bot.send(ada, question);
        return bot.awaitReply(42, c -> true).text();
    }

    private static String firstLine(String html) {
        return html.split("\n", 2)[0].replaceAll("<[^>]+>", "").replace("&amp;", "&");
    }

    @Test
    @DisplayName("'who leads the welcome pack?' names the lead first: 1.16 Welcome Pack — led by Nicola Huckerby")
    void whoLeadsTheWelcomePack() {
        String answer = ask("who leads the welcome pack?");

        assertThat(firstLine(answer)).contains("1.16 Welcome Pack — led by Nicola Huckerby — complete, Summer 2024");
        assertThat(answer).doesNotContain("who   the").doesNotContain("Actions about").contains("Source:");
    }

    @Test
    @DisplayName("'whos leading on the whatsapp groups' is 1.4 with its two leads, not a 2021 item")
    void whatsappGroups() {
        String first = firstLine(ask("whos leading on the whatsapp groups"));

        assertThat(first).contains("1.4").contains("Morgan Jones").contains("Simon Grove-White")
                .doesNotContain("Strategy Day 2021");
    }

    @Test
    @DisplayName("'who leads theme 3?' is the theme's own lead, from the 2021 plan")
    void whoLeadsTheme3() {
        String answer = ask("who leads theme 3?");

        assertThat(firstLine(answer)).contains("Theme 3: Training and support")
                .contains("led by Cllr Paul Stewart (Sunderland)");
    }

    @Test
    @DisplayName("Misspelt questions are understood without rewriting them: staus, welcom, happend, guidlines")
    void typos() {
        String welcome = ask("staus of the welcom pack");
        assertThat(firstLine(welcome)).contains("1.16 Welcome Pack").contains("complete");
        assertThat(welcome).doesNotContain("case stud").doesNotContain("welcom pack");

        String brand = ask("what happend to the brand guidlines");
        assertThat(firstLine(brand)).contains("3.4").contains("brand guideline").contains("Nicola Huckerby");
        assertThat(brand).doesNotContain("brent").doesNotContain("done was").doesNotContain("guidlines");
    }

    @Test
    @DisplayName("'what are we doing about wales' answers from the plan's Welsh actions, not the case-study library")
    void wales() {
        String answer = ask("what are we doing about wales");

        assertThat(firstLine(answer)).containsPattern("1\\.1[035]").contains("Wales");
        assertThat(answer).doesNotContain("case stud");
    }

    @Test
    @DisplayName("'how many full council members do we have now' is a figure: not plan cards, not case studies")
    void figures() {
        String answer = ask("how many full council members do we have now");

        // the measures answer it, with the figure first
        assertThat(firstLine(answer)).startsWith("Full Council Members: 47");
        assertThat(answer).doesNotContain("case studies for");
        // a figure the measures do not hold: said so, with where the figures are
        assertThat(ask("how many councillors attended the summer school")).contains("I don't have that figure")
                .contains("/measures").doesNotContain("case studies for");
    }

    @Test
    @DisplayName("'what are the objectives of the current strategy' lists the three objectives")
    void objectives() {
        ApiCall answer = sendAndAwait("what are the objectives of the current strategy");

        assertThat(firstLine(answer.text())).contains("CCIN Strategy 2024–2026 has 3 objectives")
                .contains("A cooperative network").contains("Cooperative councils")
                .contains("Develop cooperative policies and practice");
        assertThat(TestBot.buttons(answer)).anyMatch(b -> b.startsWith("1. A cooperative network"));
    }

    @Test
    @DisplayName("'what was due in autumn 2024' starts on 1 September: no Summer 2024 action due on 31 August")
    void autumn() {
        String answer = ask("what was due in autumn 2024");

        assertThat(firstLine(answer)).contains("Due between 1 September 2024 and 30 November 2024")
                .contains("2.3").contains("3.9");
        assertThat(answer).doesNotContain("1.16").doesNotContain("<b>1.4</b>").doesNotContain("<b>3.4</b>");
    }

    @Test
    @DisplayName("What someone leads, what is overdue, what is due next month: the fact first, then the list")
    void listsLeadWithTheFact() {
        assertThat(firstLine(ask("what does Nicola Huckerby lead?"))).startsWith("Actions led by Nicola Huckerby")
                .contains("1.16").contains("3.4");
        assertThat(firstLine(ask("what is overdue?"))).startsWith("Overdue").contains("3.6");
        assertThat(firstLine(ask("what is due next month"))).contains("1 August 2024 and 31 August 2024")
                .contains("1.4");
        assertThat(firstLine(ask("what is blocked?"))).startsWith("Actions blocked (0)");
    }

    @Test
    @DisplayName("Typed filters and 'housing case studies' go to the case-study library, not the plan")
    void caseStudies() {
        String filtered = ask("theme:health region:wales");
        assertThat(filtered).doesNotContain("Source: CCIN").doesNotContain("Actions");

        String housing = ask("housing case studies");
        assertThat(housing).contains("case stud").contains("Housing Commission")
                .doesNotContain("Nothing matched every word");
    }

    @Test
    @DisplayName("Questions in Welsh are understood and answered in Welsh; 'tai yng Nghymru' is housing in Wales")
    void welsh() {
        FakeUser bryn = bot.telegram.addUser(FakeUser.of(44, "Bryn").withLanguage("cy"));
        bot.store().database().jdbi().useHandle(h -> bot.store().caseStudies().upsert(h, new CaseStudyData(
                "cardiff-housing", "Co-operative homes in Cardiff", CaseStudyKind.CASE_STUDY, "",
                "Tenants and the council build co-operative housing together.", Optional.empty(),
                Optional.of("wales"), Optional.empty(), List.of(), List.of("housing"))));

        bot.send(bryn, "pwy sy'n arwain y pecyn croeso");
        assertThat(firstLine(bot.awaitReply(44, c -> true).text())).contains("1.16")
                .contains("dan arweiniad Nicola Huckerby");

        bot.send(bryn, "beth sy'n hwyr");
        assertThat(firstLine(bot.awaitReply(44, c -> true).text())).startsWith("Yn hwyr").contains("3.6");

        bot.send(bryn, "tai yng Nghymru");
        String housing = bot.awaitReply(44, c -> true).text();
        assertThat(housing).contains("Co-operative homes in Cardiff").contains("Cymru")
                .doesNotContain("Ffynhonnell: Strategaeth");
    }

    private ApiCall sendAndAwait(String question) {
        bot.send(ada, question);
        return bot.awaitReply(42, c -> true);
    }
}
