package org.ccin.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.ccin.bot.fakeapi.ApiCall;
import org.ccin.bot.fakeapi.FakeMessage;
import org.ccin.bot.fakeapi.FakeUser;
import org.ccin.bot.fakeapi.MemberStatus;
import org.ccin.store.groups.ChatGroup;
import org.ccin.store.groups.GroupSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** /audit: staff see what moderators, staff and the bot did, by group, person and kind, a page at a time. */
class AuditTest {
    static final long HEALTH = -1001000000001L;

    @RegisterExtension
    final BotExtension bots = new BotExtension("groups:\n  warningLimit: 5\n");

    private final TestBot bot = bots.bot();
    private FakeUser staff;
    private FakeUser ada;
    private FakeUser bo;
    private FakeUser tom;

    @BeforeEach
    void start() {
        staff = bot.user(TestBot.STAFF_ID, "Sam");
        ada = bot.telegram.addUser(FakeUser.of(42, "Ada").withUsername("ada_cllr"));
        bo = bot.user(43, "Bo");
        tom = bot.telegram.addUser(FakeUser.of(66, "Tom").withUsername("tom_sells"));
        // Tom wrote to the bot once: it knows his name and username
        bot.send(tom, "/help");
        bot.awaitReply(66, c -> !c.text().isEmpty());
        RegistrationTest.register(bot, ada, "Oldham Council", "Full Member", "Councillor", "North West");
        RegistrationTest.register(bot, bo, "Oldham Council", "Full Member", "Officer", "North West");
        GroupSteps.open(bot, staff, HEALTH, "CCIN Health", "health-social-care");
        ChatGroup health = bot.store().groups().catalogue().byCode("health-social-care").orElseThrow();
        bot.store().groups().catalogue().update(health.id(), GroupSettings.of(health).toggled('l'));
        for (FakeUser member : java.util.List.of(ada, bo)) {
            GroupSteps.joinAcceptingRules(bot, member, HEALTH);
        }
        bot.telegram.addMember(HEALTH, tom, MemberStatus.MEMBER);

        // Tom's messages are reported and dealt with: dismissed twice, warned, muted, removed
        for (String action : java.util.List.of("Dismiss", "Dismiss", "Warn", "Mute", "Remove")) {
            String text = "Buy my stuff (" + action + " " + bot.telegram.callCount() + ")";
            bot.act(() -> bot.telegram.groupMessage(tom, HEALTH, text));
            int message = Eventually.value("Tom's message", () -> bot.telegram.messages(HEALTH).stream()
                    .filter(m -> m.text().equals(text)).map(FakeMessage::messageId).findFirst());
            bot.act(() -> bot.telegram.groupReply(ada, HEALTH, message, "/report"));
            bot.awaitReply(TestBot.STAFF_ID, c -> c.text().contains(text) && TestBot.buttons(c).contains(action));
            bot.tap(staff, action);
            bot.awaitReply(TestBot.STAFF_ID, c -> c.text().contains("Sam dealt with this"));
        }
        // new rules; Ada accepts, Bo does not and is removed by the bot when the grace period ends
        GroupSteps.previewNetworkRules(bot, staff, "Be kind.");
        bot.tap(staff, "Publish: 7 days to accept");
        bot.awaitReply(42, c -> c.text().contains("The rules of engagement have changed"));
        bot.tap(ada, "I accept the rules");
        bot.awaitText(42, "your acceptance is recorded");
        bot.runRoutine("groups");
        bot.clock.advance(Duration.ofDays(8));
        bot.runRoutineAsAct("groups");
        bot.awaitText(43, "because its updated rules were not accepted");
    }

    @Test
    @DisplayName("/audit lists the newest acts with who, whom and where; older ones a page further")
    void pages() {
        bot.send(staff, "/audit");
        ApiCall first = bot.awaitText(TestBot.STAFF_ID, "Audit log");
        assertThat(first.text()).contains("Showing: everything").contains("🤖 Automatic removal")
                .contains("about Bo (43)").contains("by the bot").contains("📜 Rules published").contains("by Sam (900)");
        assertThat(first.text()).containsPattern("Entries 1–8 of \\d+");
        assertThat(TestBot.buttons(first)).containsExactly("Older ›");

        bot.tap(staff, "Older ›");
        ApiCall second = bot.awaitReply(TestBot.STAFF_ID, c -> c.is("editmessagetext") && c.text().contains("Entries 9–"));
        assertThat(second.text()).contains("Data import").contains("by an import").doesNotContain("Rules published");
        assertThat(TestBot.buttons(second)).contains("‹ Newer");
        bot.tap(staff, "‹ Newer");
        bot.awaitReply(TestBot.STAFF_ID, c -> c.is("editmessagetext") && c.text().contains("Entries 1–8"));
    }

    @Test
    @DisplayName("/audit filters by kind, by group and person (@username or id), in any order")
    void filters() {
        bot.send(staff, "/audit warn");
        ApiCall warnings = bot.awaitText(TestBot.STAFF_ID, "Audit log");
        assertThat(warnings.text()).contains("Showing: ⚠️ Warning").contains("Entries 1–1 of 1")
                .contains("about Tom (66)").doesNotContain("🔇 Mute").doesNotContain("Automatic removal");

        bot.send(staff, "/audit @tom_sells health-social-care");
        ApiCall toms = bot.awaitText(TestBot.STAFF_ID, "Audit log");
        assertThat(toms.text()).contains("Entries 1–5 of 5").contains("⚠️ Warning").contains("🔇 Mute")
                .contains("🚪 Removal").doesNotContain("about Bo");

        bot.send(staff, "/audit auto 43");
        ApiCall automatic = bot.awaitText(TestBot.STAFF_ID, "Audit log");
        assertThat(automatic.text()).contains("Entries 1–1 of 1").contains("🤖 Automatic removal")
                .contains("rules not accepted");

        bot.send(staff, "/audit rules");
        assertThat(bot.awaitText(TestBot.STAFF_ID, "Audit log").text()).contains("📜 Rules published")
                .contains("Entries 1–1 of 1");
    }

    @Test
    @DisplayName("Leads and reviewers linked or unlinked are found by /audit @person and read in words, in both languages")
    void leadsAndReviewersByPerson() {
        // GIVEN staff link Ada as a lead of action 1.4, unlink her, and make her a reviewer of a round
        bot.send(staff, "/leads 1.4 @ada_cllr 1");
        ApiCall linked = bot.awaitText(TestBot.STAFF_ID, "Ada is now linked to action 1.4");
        String lead = linked.text().substring(linked.text().indexOf(" as ") + 4, linked.text().lastIndexOf(". I've"));
        bot.send(staff, "/leads 1.4");
        bot.awaitReply(TestBot.STAFF_ID, c -> TestBot.buttons(c).contains("✖ Unlink Ada"));
        bot.tap(staff, "✖ Unlink Ada");
        bot.awaitAnswer(c -> c.is("answercallbackquery") && c.text().contains("Ada is no longer linked"));
        org.ccin.store.labs.Round round = new org.ccin.store.labs.RoundRepository(bot.store().database(), bot.clock)
                .create(new org.ccin.store.labs.NewRound(org.ccin.store.labs.RoundKind.LAB, 60_000, 20_000,
                        bot.clock.instant(), bot.clock.instant().plus(Duration.ofDays(20)), java.util.List.of("idea"),
                        "policy-labs", TestBot.STAFF_ID));
        bot.send(staff, "/reviewer " + round.id() + " @ada_cllr");
        bot.awaitText(TestBot.STAFF_ID, "Ada reviews");

        // WHEN staff look Ada up
        bot.send(staff, "/audit @ada_cllr leads");
        ApiCall leads = bot.awaitText(TestBot.STAFF_ID, "Audit log");
        bot.send(staff, "/audit 42 labs");
        ApiCall labs = bot.awaitText(TestBot.STAFF_ID, "Audit log");

        // THEN each entry is about her, in words: the action, the plan's lead, the round; her id is in no details
        assertThat(leads.text()).contains("Entries 1–2 of 2").contains("about Ada (42)")
                .contains("Action 1.4: linked to its lead “" + lead + "”")
                .contains("Action 1.4: no longer linked to its lead “" + lead + "”");
        assertThat(labs.text()).contains("Entries 1–1 of 1").contains("about Ada (42)")
                .contains("Round " + round.id() + ": made a reviewer").doesNotContain("<i>" + round.id() + ": 42");
        // AND in Welsh
        bot.send(staff, "/language");
        bot.awaitReply(TestBot.STAFF_ID, c -> TestBot.buttons(c).contains("Cymraeg"));
        bot.tap(staff, "Cymraeg");
        bot.awaitReply(TestBot.STAFF_ID, c -> !c.text().isEmpty());
        bot.send(staff, "/audit @ada_cllr labs");
        assertThat(bot.awaitText(TestBot.STAFF_ID, "Log archwilio").text())
                .contains("Cylch " + round.id() + ": wedi'i wneud yn adolygydd");
    }

    @Test
    @DisplayName("/audit with a word it does not know says what it understands; forged page buttons are refused")
    void badInput() {
        bot.send(staff, "/audit bananas");
        ApiCall unknown = bot.awaitText(TestBot.STAFF_ID, "I don't know “bananas”");
        assertThat(unknown.text()).contains("health-social-care").contains("warn, mute, remove");
        bot.send(staff, "/audit @nobody_here");
        bot.awaitText(TestBot.STAFF_ID, "I don't know “@nobody_here”");

        // a member who is not staff: the command is not theirs, and a forged page button shows nothing
        bot.send(ada, "/audit");
        ApiCall refused = bot.awaitReply(42, c -> !c.text().isEmpty());
        assertThat(refused.text()).doesNotContain("Audit log").doesNotContain("Tom");
        int message = bot.telegram.lastBotMessage(42).orElseThrow().messageId();
        bot.forge(ada, 42, message, "aud:p:0:0:0:-");
        ApiCall answer = bot.awaitAnswer(c -> c.is("answercallbackquery"));
        assertThat(answer.param("show_alert")).contains("true");
        assertThat(answer.param("text").orElse("")).contains("only the network's staff");
        assertThat(bot.telegram.calls("editmessagetext").stream().filter(c -> c.chatId() == 42)
                .anyMatch(c -> c.text().contains("Audit log"))).isFalse();

        // staff with made-up filters in a button: refused, not guessed
        bot.send(staff, "/audit");
        bot.awaitText(TestBot.STAFF_ID, "Audit log");
        int staffMessage = bot.telegram.lastBotMessage(TestBot.STAFF_ID).orElseThrow().messageId();
        for (String forged : java.util.List.of("aud:p:0:0:0:bogus", "aud:p:0:99999:0:-", "aud:p:-5:0:0:-", "aud:x")) {
            bot.forge(staff, TestBot.STAFF_ID, staffMessage, forged);
            assertThat(bot.awaitAnswer(c -> c.is("answercallbackquery")).param("show_alert")).as(forged)
                    .contains("true");
        }
    }
}
