package org.ccin.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.ccin.bot.fakeapi.ApiCall;
import org.ccin.bot.fakeapi.FakeUser;
import org.ccin.store.members.Member;
import org.ccin.store.members.WorkRole;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** /start and registration by buttons, end to end through the fake Bot API with the real TelegramBots client. */
class RegistrationTest {
    @RegisterExtension
    final BotExtension bots = new BotExtension();

    private final TestBot bot = bots.bot();
    private final FakeUser ada = bot.user(42, "Ada");

    @Test
    @DisplayName("A newcomer registers with buttons: language, organisation by search, category, role, region")
    void wholeRegistration() {
        // WHEN
        bot.send(ada, "/start");
        ApiCall greeting = bot.awaitText(42, "Co-operative Councils Innovation Network");

        // THEN the greeting asks the language first
        assertThat(greeting.buttons()).containsExactly(List.of("English", "Cymraeg"));

        bot.tap(ada, "English");
        ApiCall organisationQuestion = bot.awaitText(42, "Type its name");
        assertThat(organisationQuestion.text()).contains("Question 2 of 5");
        assertThat(TestBot.buttons(organisationQuestion)).containsExactly("« Back");

        bot.send(ada, "oldham");
        ApiCall matches = bot.awaitText(42, "Here is what I found for “oldham”");
        assertThat(TestBot.buttons(matches)).containsExactly("Oldham Council", "Not listed: keep “oldham”", "« Back");

        bot.tap(ada, "Oldham Council");
        ApiCall category = bot.awaitText(42, "Which kind of member is your organisation?");
        assertThat(category.text()).contains("Our list says Oldham Council is: Full Member");
        assertThat(TestBot.buttons(category)).contains("Full Member", "Associate Member", "Town or Parish Council",
                "Affiliate Member", "Supporter", "« Back");

        // Back returns to the organisation question; a name not in the list is kept as typed
        bot.tap(ada, "« Back");
        bot.awaitReply(42, c -> c.is("editmessagetext") && c.text().contains("Type its name"));
        bot.send(ada, "Llanfair Community Council");
        bot.awaitText(42, "I couldn't find “Llanfair Community Council”");
        bot.tap(ada, "Not listed: keep “Llanfair Community Council”");
        bot.awaitReply(42, c -> c.text().contains("Which kind of member") && !c.text().contains("Our list says"));

        bot.tap(ada, "Town or Parish Council");
        ApiCall role = bot.awaitText(42, "What is your role?");
        assertThat(TestBot.buttons(role)).containsExactly("Councillor", "Officer", "Other", "« Back");
        bot.tap(ada, "Officer");
        ApiCall region = bot.awaitText(42, "Which region or nation are you in?");
        assertThat(TestBot.buttons(region)).contains("North West", "Wales", "Scotland", "« Back");
        bot.tap(ada, "Wales");

        ApiCall done = bot.awaitText(42, "you're registered!");
        assertThat(done.text()).contains("Llanfair Community Council (not in the network's list)")
                .contains("Town or Parish Council").contains("Officer").contains("Wales").contains("English");
        Member member = bot.store().members().findByTelegramId(42).orElseThrow();
        assertThat(member.isRegistered()).isTrue();
        assertThat(member.organisationOther()).contains("Llanfair Community Council");
        assertThat(member.organisationId()).isEmpty();
        assertThat(member.categoryCode()).contains("town_parish");
        assertThat(member.workRole()).contains(WorkRole.OFFICER);
        assertThat(member.regionCode()).contains("wales");
        assertThat(bot.store().conversations().find(42, 42)).isEmpty();
    }

    @Test
    @DisplayName("/cancel leaves registration; a button of the cancelled flow is then refused politely")
    void cancel() {
        bot.send(ada, "/start");
        bot.awaitText(42, "Which language");
        bot.tap(ada, "English");
        bot.awaitText(42, "Type its name");

        bot.send(ada, "/cancel");
        bot.awaitText(42, "Stopped. Nothing more was saved.");
        bot.tap(ada, "« Back");

        ApiCall refusal = bot.telegram.awaitCall(c -> c.is("answercallbackquery")
                && c.params().path("text").asText().contains("out of date"), TestBot.WAIT);
        assertThat(refusal.params().path("show_alert").asBoolean()).isTrue();
        assertThat(bot.store().members().findByTelegramId(42).orElseThrow().isRegistered()).isFalse();
        assertThat(bot.store().conversations().find(42, 42)).isEmpty();
    }

    @Test
    @DisplayName("A registered member's /start welcomes them back; /profile changes one answer")
    void profile() {
        register(bot, ada, "Oldham Council", "Full Member", "Councillor", "North West");

        bot.send(ada, "/start");
        bot.awaitText(42, "Welcome back, Ada!");
        bot.send(ada, "/profile");
        ApiCall profile = bot.awaitReply(42, c -> TestBot.buttons(c).contains("Change role"));
        assertThat(profile.text()).contains("Oldham Council").contains("Full Member").contains("Councillor");

        bot.tap(ada, "Change role");
        bot.awaitReply(42, c -> c.is("editmessagetext") && c.text().contains("What is your role?"));
        bot.tap(ada, "Officer");

        bot.awaitReply(42, c -> c.text().contains("Saved.") && c.text().contains("Officer"));
        assertThat(bot.store().members().findByTelegramId(42).orElseThrow().workRole()).contains(WorkRole.OFFICER);
    }

    @Test
    @DisplayName("Typing at a button step is answered as a question and the step's buttons still work; over-long "
            + "names are refused")
    void typedWhereButtonsExpected() {
        bot.send(ada, "/start");
        bot.awaitText(42, "Which language");

        bot.send(ada, "English please");
        assertThat(bot.awaitReply(42, c -> c.is("sendmessage")).text()).doesNotContain("Please answer with the buttons");
        bot.tap(ada, "English");
        bot.awaitText(42, "Type its name");
        bot.send(ada, "x".repeat(500));

        bot.awaitText(42, "Please type a name of up to 120 characters.");
    }

    /** Registers a person through the real flow. */
    static void register(TestBot bot, FakeUser user, String organisationButton, String category, String role,
                         String region) {
        bot.send(user, "/start");
        bot.awaitReply(user.id(), c -> TestBot.buttons(c).contains("English"));
        bot.tap(user, "English");
        bot.awaitReply(user.id(), c -> c.text().contains("Type its name"));
        bot.send(user, organisationButton.split(" ")[0]);
        bot.awaitReply(user.id(), c -> TestBot.buttons(c).contains(organisationButton));
        bot.tap(user, organisationButton);
        bot.awaitReply(user.id(), c -> TestBot.buttons(c).contains(category));
        bot.tap(user, category);
        bot.awaitReply(user.id(), c -> TestBot.buttons(c).contains(role));
        bot.tap(user, role);
        bot.awaitReply(user.id(), c -> TestBot.buttons(c).contains(region));
        bot.tap(user, region);
        bot.awaitReply(user.id(), c -> c.text().contains("registered"));
    }

    /** Registers a person through the real flow with an organisation not in the list, kept as typed. */
    static void registerUnlisted(TestBot bot, FakeUser user, String organisation, String category, String role,
                                 String region) {
        bot.send(user, "/start");
        bot.awaitReply(user.id(), c -> TestBot.buttons(c).contains("English"));
        bot.tap(user, "English");
        bot.awaitText(user.id(), "Type its name");
        bot.send(user, organisation);
        bot.awaitText(user.id(), "I couldn't find");
        bot.tap(user, "Not listed: keep “" + organisation + "”");
        bot.awaitText(user.id(), "Which kind of member");
        bot.tap(user, category);
        bot.awaitText(user.id(), "What is your role?");
        bot.tap(user, role);
        bot.awaitText(user.id(), "Which region");
        bot.tap(user, region);
        bot.awaitText(user.id(), "registered");
    }
}
