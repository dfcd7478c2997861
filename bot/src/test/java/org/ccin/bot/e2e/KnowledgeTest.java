package org.ccin.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.ccin.bot.fakeapi.ApiCall;
import org.ccin.bot.fakeapi.FakeUser;
import org.ccin.store.casestudies.CaseStudyData;
import org.ccin.store.casestudies.CaseStudyKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Asking about the action plan and searching case studies, as a member would, through the fake Bot API. */
class KnowledgeTest {
    @RegisterExtension
    final BotExtension bots = new BotExtension();

    private final TestBot bot = bots.bot();
    private final FakeUser ada = bot.user(42, "Ada");

    @Test
    @DisplayName("/actions shows each objective's traffic-light summary; buttons open an objective and an action")
    void browse() {
        bot.send(ada, "/actions");
        ApiCall plan = bot.awaitText(42, "CCIN Strategy 2024–2026");
        assertThat(plan.text()).contains("A cooperative network").contains("on track").contains("not started");
        assertThat(TestBot.buttons(plan)).anyMatch(b -> b.startsWith("1. A cooperative network"))
                .anyMatch(b -> b.contains("Strategy Day 2021"));

        bot.tap(ada, TestBot.buttons(plan).stream().filter(b -> b.startsWith("1.")).findFirst().orElseThrow());
        ApiCall objective = bot.awaitReply(42, c -> c.is("editmessagetext") && c.text().contains("1.4"));
        assertThat(TestBot.buttons(objective)).contains("🟢 1.4", "« Back");

        bot.tap(ada, "🟢 1.4");
        ApiCall action = bot.awaitReply(42, c -> c.text().contains("Action 1.4"));
        assertThat(action.text()).contains("Morgan Jones").contains("Summer 2024").contains("(due 31 August 2024)")
                .contains("Progress: on track").contains("Source: CCIN Strategy 2024–2026, version 2024–2026");
    }

    @Test
    @DisplayName("Typing an action code shows that action, with the older plan's item of the same code")
    void actionCode() {
        bot.send(ada, "action 1.4");
        bot.awaitText(42, "Action 1.4");

        bot.send(ada, "1.1");
        ApiCall both = bot.awaitText(42, "Action 1.1");
        assertThat(both.text()).contains("In an earlier plan, 1.1 was:");
        bot.send(ada, "9.9");
        bot.awaitText(42, "There is no action 9.9 in the plan.");
    }

    @Test
    @DisplayName("Plain-word and structured questions find the right actions, with traffic lights and the source")
    void questions() {
        bot.send(ada, "who leads the welcome pack?");
        assertThat(bot.awaitText(42, "Welcome Pack").text()).contains("Nicola Huckerby").contains("Source:");

        bot.send(ada, "what is happening on podcasts?");
        assertThat(bot.awaitText(42, "odcast").text()).contains("Source:");

        bot.send(ada, "actions led by Nicola Huckerby");
        assertThat(bot.awaitText(42, "Actions led by Nicola Huckerby").text()).contains("⚪");

        bot.send(ada, "what is due in summer 2024?");
        assertThat(bot.awaitText(42, "Due between 1 June 2024 and 31 August 2024").text()).contains("1.1").contains("1.4");

        bot.send(ada, "what is complete?");
        assertThat(bot.awaitText(42, "Actions complete").text()).contains("✅");

        bot.send(ada, "what is overdue?");
        assertThat(bot.awaitText(42, "Overdue").text()).contains("1.4");

        bot.send(ada, "what is at risk?");
        bot.awaitText(42, "None. Send /actions");
    }

    @Test
    @DisplayName("Typing a question searches case studies: results five at a time with More and Back, and a card")
    void caseStudySearchAndPages() {
        addCaseStudies(12, "Tenant panel");

        bot.send(ada, "tenant panels");
        ApiCall first = bot.awaitText(42, "12 case studies for “tenant panels”");
        assertThat(first.text()).contains("Page 1 of 3").contains("<b>Tenant</b>");
        assertThat(TestBot.buttons(first)).contains("1", "5", "More ›", "Topic", "Region", "Type");

        bot.tap(ada, "More ›");
        ApiCall second = bot.awaitReply(42, c -> c.text().contains("Page 2 of 3"));
        assertThat(TestBot.buttons(second)).contains("6", "10", "‹ Back", "More ›");

        bot.tap(ada, "7");
        ApiCall card = bot.awaitReply(42, c -> c.text().contains("Tenant panel"));
        assertThat(card.text()).contains("Case study");
        bot.tap(ada, "« Back to the results");
        bot.awaitReply(42, c -> c.text().contains("Page 2 of 3"));
    }

    @Test
    @DisplayName("Filters work typed in words and by buttons; unknown typed filters are reported")
    void filters() {
        bot.send(ada, "/casestudies type:lab");
        ApiCall labs = bot.awaitText(42, "8 case studies");
        assertThat(labs.text()).contains("Filters: Policy Lab");

        bot.send(ada, "refugees in wales");
        ApiCall wales = bot.awaitText(42, "Filters: Wales");
        assertThat(wales.text()).contains("Cardiff");

        bot.send(ada, "council theme:astrophysics");
        bot.awaitText(42, "I don't know “theme:astrophysics”, so I searched for the words instead.");

        bot.send(ada, "council");
        bot.awaitText(42, "case studies for “council”");
        bot.tap(ada, "Region");
        bot.awaitReply(42, c -> c.text().contains("Choose one"));
        bot.tap(ada, "North East");
        ApiCall filtered = bot.awaitReply(42, c -> c.text().contains("Filters: North East"));
        assertThat(TestBot.buttons(filtered)).contains("Clear filters");
    }

    @Test
    @DisplayName("Acronyms, misspellings and hostile input all get sensible answers")
    void synonymsFuzzyAndHostile() {
        addCaseStudy("cwb-story", "Keeping money local", "A community wealth building strategy.");

        bot.send(ada, "CWB");
        bot.awaitText(42, "Keeping money local");
        bot.send(ada, "comunity welth");
        assertThat(bot.awaitText(42, "Searched for “community wealth” (spelling corrected)").text())
                .contains("Keeping money local");

        for (String hostile : List.of("\"", "hous*", "^", "NEAR(a b)", "title:x OR 1=1", "((((",
                "x".repeat(4000), "😀😀😀", "קהילה")) {
            bot.send(ada, hostile);
            ApiCall answer = bot.awaitReply(42, c -> true);
            assertThat(answer.ok()).as(hostile).isTrue();
            assertThat(answer.text()).as(hostile).doesNotContain("Sorry, something went wrong");
        }
    }

    @Test
    @DisplayName("Another person's search buttons are refused; a staff member adds a synonym that then works")
    void forgedSearchAndStaffSynonym() {
        bot.send(ada, "housing");
        bot.awaitText(42, "housing");
        String page = bot.awaitText(42, "housing").callbackData("Topic");
        FakeUser bo = bot.user(43, "Bo");
        bot.send(bo, "/help");
        bot.awaitText(43, "Here is what I can do");
        int boMessage = bot.telegram.lastBotMessage(43).orElseThrow().messageId();

        bot.forge(bo, 43, boMessage, page);
        assertThat(bot.awaitAnswer(c -> c.is("answercallbackquery")).params().path("text").asText())
                .contains("out of date");

        FakeUser staff = bot.user(TestBot.STAFF_ID, "Sam");
        bot.send(ada, "/synonym PB = participatory budgeting");
        bot.awaitText(42, "only the network's staff");
        addCaseStudy("pb-story", "Residents decide the budget", "Participatory budgeting in the ward.");
        bot.send(staff, "/synonym PB = participatory budgeting");
        bot.awaitText(TestBot.STAFF_ID, "Saved");
        bot.send(ada, "PB");
        bot.awaitText(42, "Residents decide the budget");
    }

    @Test
    @DisplayName("Inline mode offers matching case studies to share into any chat")
    void inline() {
        bot.act(() -> bot.telegram.inlineQuery(ada, "refugees"));

        ApiCall answer = bot.awaitAnswer(c -> c.is("answerinlinequery"));

        assertThat(answer.params().path("results").toString()).contains("Culture School").contains("parse_mode");
    }

    private void addCaseStudies(int count, String title) {
        for (int i = 0; i < count; i++) {
            addCaseStudy("tenant-" + i, title + " " + i, "Tenants decide together.");
        }
    }

    private void addCaseStudy(String slug, String title, String body) {
        bot.store().database().jdbi().useHandle(h -> bot.store().caseStudies().upsert(h, new CaseStudyData(slug,
                title, CaseStudyKind.CASE_STUDY, "", body, Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(), List.of())));
    }
}
