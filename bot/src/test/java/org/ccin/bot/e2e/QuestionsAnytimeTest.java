package org.ccin.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.ccin.bot.fakeapi.ApiCall;
import org.ccin.bot.fakeapi.FakeUser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A typed question is answered whatever flow was left open, unless that flow waits for typed text; and /help says
 * that plain-word questions work. Through the fake Bot API.
 */
class QuestionsAnytimeTest {
    private static final String USE_THE_BUTTONS = "Please use the buttons above";

    @RegisterExtension
    final BotExtension bots = new BotExtension();

    private final TestBot bot = bots.bot();
    private final FakeUser ada = bot.user(42, "Ada");

    @Test
    @DisplayName("After /groups a typed question gets its answer, and the /groups buttons still work afterwards")
    void staleFlowDoesNotSwallowAQuestion() {
        // GIVEN the network's health group is open, and Ada is a verified member
        FakeUser staff = bot.user(TestBot.STAFF_ID, "Sam");
        GroupSteps.open(bot, staff, GroupsTest.HEALTH, "CCIN Health", "health-social-care");
        RegistrationTest.register(bot, ada, "Oldham Council", "Full Member", "Councillor", "North West");

        // WHEN she opens /groups and, instead of its buttons, types a question
        bot.send(ada, "/groups");
        bot.awaitText(42, "The network's groups");

        bot.send(ada, "what is overdue?");
        ApiCall answer = bot.awaitReply(42, c -> c.is("sendmessage"));
        assertThat(answer.text()).doesNotContain(USE_THE_BUTTONS).contains("1.4");

        // THEN the /groups message's own buttons carry on where she left it
        bot.tap(ada, "☐ Health and social care");
        ApiCall picked = bot.awaitReply(42, c -> TestBot.buttons(c).contains("☑ Health and social care"));
        assertThat(TestBot.buttons(picked)).contains("Continue (1) ›");
        bot.tap(ada, "Continue (1) ›");
        bot.awaitText(42, "Before you join");
    }

    @Test
    @DisplayName("During registration, a question typed at a button step is answered and the step's buttons still work")
    void registrationButtonsStayUsable() {
        bot.send(ada, "/start");
        bot.awaitReply(42, c -> TestBot.buttons(c).contains("English"));
        bot.send(ada, "1.4");
        assertThat(bot.awaitReply(42, c -> c.is("sendmessage")).text()).contains("Action 1.4");
        bot.tap(ada, "English");
        bot.awaitText(42, "Type its name");
    }

    @Test
    @DisplayName("A flow that waits for typed text still gets it: the organisation's name in registration")
    void typedFieldStillTyped() {
        bot.send(ada, "/start");
        bot.awaitReply(42, c -> TestBot.buttons(c).contains("English"));
        bot.tap(ada, "English");
        bot.awaitText(42, "Type its name");
        bot.send(ada, "Oldham");
        ApiCall matches = bot.awaitReply(42, c -> TestBot.buttons(c).contains("Oldham Council"));
        assertThat(matches.text()).doesNotContain("Action");
    }

    @Test
    @DisplayName("/help says that you can simply ask in plain words, with two examples, in English and in Welsh")
    void helpSaysAsk() {
        bot.send(ada, "/help");
        assertThat(bot.awaitText(42, "Here is what I can do").text())
                .contains("simply ask me in plain words").contains("<i>who leads the welcome pack?</i>")
                .contains("<i>case studies about community energy</i>");

        FakeUser dafydd = bot.telegram.addUser(FakeUser.of(78, "Dafydd").withLanguage("cy"));
        bot.send(dafydd, "/help");
        assertThat(bot.awaitText(78, "Dyma beth alla i").text()).contains("mewn geiriau syml")
                .contains("<i>pwy sy'n arwain y pecyn croeso?</i>");
    }
}
