package org.ccin.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.ccin.bot.fakeapi.AdminRights;
import org.ccin.bot.fakeapi.ApiCall;
import org.ccin.bot.fakeapi.FakeMessage;
import org.ccin.bot.fakeapi.FakeUser;
import org.ccin.bot.fakeapi.MemberStatus;
import org.ccin.store.groups.ChatGroup;
import org.ccin.store.groups.GroupSettings;
import org.ccin.store.groups.RulesVersion;
import org.ccin.store.members.Verification;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What one member may accept and what moderators see of each other's acts: rules accepted only by whom they were
 * shown to, a stranger's join request finished after registering, the grace period's setting, reported messages
 * deleted, every moderator's card brought up to date, and why no group is open to someone.
 */
class GroupsTrustTest {
    static final long HEALTH = -1001000000001L;
    static final long OFFICERS = -1001000000003L;

    @RegisterExtension
    final BotExtension bots = BotExtension.startedByTheTest();

    private final TestBot bot = bots.bot();
    private final FakeUser staff = bot.user(TestBot.STAFF_ID, "Sam");
    private final FakeUser ada = bot.user(42, "Ada");

    private void start(String yaml) {
        bots.start(yaml);
        RegistrationTest.register(bot, ada, "Oldham Council", "Full Member", "Councillor", "North West");
    }

    private void openGroup(long chat, String title, String code, FakeUser... moderators) {
        GroupSteps.open(bot, staff, chat, title, code, moderators);
    }

    private ChatGroup group(String code) {
        return bot.store().groups().catalogue().byCode(code).orElseThrow();
    }

    /** The text of the pop-up the bot answered the last tap with, when it is one the person must dismiss. */
    private String alert() {
        return bot.awaitAnswer(c -> c.is("answercallbackquery") && c.param("show_alert").orElse("").equals("true"))
                .param("text").orElse("");
    }

    private int post(FakeUser author, long chat, String text) {
        bot.act(() -> bot.telegram.groupMessage(author, chat, text));
        return Eventually.value("the message in the group", () -> bot.telegram.messages(chat).stream()
                .filter(m -> m.text().equals(text)).map(FakeMessage::messageId).findFirst());
    }

    private void publishNetworkRules(String text, String graceButton) {
        GroupSteps.previewNetworkRules(bot, staff, text);
        bot.tap(staff, graceButton);
        bot.awaitText(TestBot.STAFF_ID, "is published");
    }

    @Test
    @DisplayName("A forged acceptance records nothing; a request whose rules changed since shows the new ones first")
    void forgedAcceptance() {
        start("");
        openGroup(HEALTH, "CCIN Health", "health-social-care");
        RulesVersion network = bot.store().groups().rules().currentNetwork().orElseThrow();

        // a visitor never shown the rules taps "accept" for the current version
        FakeUser visitor = bot.user(55, "Vic");
        bot.send(visitor, "/help");
        bot.awaitReply(55, c -> !c.text().isEmpty());
        int message = bot.telegram.lastBotMessage(55).orElseThrow().messageId();
        bot.forge(visitor, 55, message, "racc:ok:" + network.id());
        assertThat(alert()).contains("I haven't shown you these rules");
        assertThat(bot.store().groups().rules().hasAccepted(55, network.id())).isFalse();
        // a member forges it too: no acceptance either
        bot.forge(ada, 42, bot.telegram.lastBotMessage(42).orElseThrow().messageId(), "racc:ok:" + network.id());
        assertThat(alert()).contains("I haven't shown you these rules");
        assertThat(bot.store().groups().rules().hasAccepted(42, network.id())).isFalse();

        // Ada asks to join and is shown the rules; staff publish new rules before she taps Accept
        bot.act(() -> bot.telegram.chatJoinRequest(ada, HEALTH));
        bot.awaitText(42, "Please read the rules of engagement below");
        publishNetworkRules("Be kind. Stay on topic. No adverts.", "Publish: 14 days to accept");
        bot.act(() -> bot.telegram.tapButton(ada, 42, joinRequestMessage(42), "I accept the rules"));
        assertThat(alert()).contains("Please read the rules first");
        ApiCall shown = bot.awaitReply(42, c -> c.is("editmessagetext") && c.text().contains("Be kind. Stay on topic."));
        assertThat(TestBot.buttons(shown)).containsExactly("I accept the rules");
        RulesVersion newer = bot.store().groups().rules().currentNetwork().orElseThrow();
        assertThat(bot.store().groups().rules().hasAccepted(42, newer.id())).isFalse();
        assertThat(bot.telegram.memberStatus(HEALTH, 42)).isNotEqualTo(MemberStatus.MEMBER);

        // having read them, her tap lets her in
        bot.act(() -> bot.telegram.tapButton(ada, 42, joinRequestMessage(42), "I accept the rules"));
        bot.awaitText(42, "Welcome! You're in <b>Health and social care</b>");
        assertThat(bot.store().groups().rules().hasAccepted(42, newer.id())).isTrue();
    }

    /** The bot's private message with the join request's Accept button. */
    private int joinRequestMessage(long chat) {
        List<FakeMessage> messages = bot.telegram.messages(chat);
        for (int i = messages.size() - 1; i >= 0; i--) {
            FakeMessage message = messages.get(i);
            if (message.fromBot() && message.buttons().stream().anyMatch(row -> row.contains("I accept the rules"))
                    && message.callbackData("I accept the rules").startsWith("jr:")) {
                return message.messageId();
            }
        }
        throw new AssertionError("no join request message in chat " + chat);
    }

    @Test
    @DisplayName("A stranger's join request: no Accept before registering; after registering, the rules, then in")
    void strangersPath() {
        start("");
        openGroup(HEALTH, "CCIN Health", "health-social-care");
        FakeUser cai = bot.user(77, "Cai");

        bot.act(() -> bot.telegram.chatJoinRequest(cai, HEALTH));
        ApiCall register = bot.awaitText(77, "Send /start to register");
        assertThat(register.buttons()).as("nothing to accept before the rules are shown").isEmpty();
        assertThat(register.text()).doesNotContain("Rules of engagement");
        long request = bot.store().groups().joinRequests().pending(group("health-social-care").id(), 77)
                .orElseThrow().id();
        // a forged Accept for the waiting request asks to register first and lets nobody in
        bot.forge(cai, 77, register.resultMessageId().orElseThrow(), "jr:ok:" + request);
        assertThat(alert()).contains("Please register first");
        assertThat(bot.telegram.pendingJoinRequests(HEALTH)).contains(77L);

        // registering brings the waiting request back, with the full rules and the button
        RegistrationTest.register(bot, cai, "Oldham Council", "Full Member", "Officer", "North West");
        ApiCall rules = bot.awaitReply(77, c -> c.text().contains("You asked to join <b>Health and social care</b> "
                + "before you registered"));
        assertThat(rules.text()).contains("Rules of engagement").contains("no party campaigning");
        assertThat(TestBot.buttons(rules)).containsExactly("I accept the rules");
        bot.tap(cai, "I accept the rules");
        bot.awaitText(77, "Welcome! You're in <b>Health and social care</b>");
        assertThat(bot.telegram.memberStatus(HEALTH, 77)).isEqualTo(MemberStatus.MEMBER);
        assertThat(bot.store().groups().rules().hasAcceptedCurrent(77, group("health-social-care").id())).isTrue();
    }

    @Test
    @DisplayName("groups.rulesGrace is offered first; the ask says by when and what happens; the removal follows it")
    void graceSetting() {
        start("groups:\n  rulesGrace: 3m\n");
        openGroup(HEALTH, "CCIN Health", "health-social-care");
        ChatGroup health = group("health-social-care");
        bot.store().groups().catalogue().update(health.id(), GroupSettings.of(health).toggled('l'));
        GroupSteps.joinAcceptingRules(bot, ada, HEALTH);

        ApiCall preview = GroupSteps.previewNetworkRules(bot, staff, "Be kind. No campaigning.");
        assertThat(TestBot.buttons(preview)).containsExactly("Publish: 3 minutes to accept",
                "Publish: 7 days to accept", "Publish: 14 days to accept", "Publish: 30 days to accept", "Discard");
        assertThat(preview.text()).contains("The usual time here is 3 minutes");
        bot.tap(staff, "Publish: 3 minutes to accept");
        // the test clock is 12:00 UTC on 25 November 2026: 12:00 in London
        bot.awaitText(TestBot.STAFF_ID, "is being asked to accept it by 12:03 on 25 November 2026");

        ApiCall ask = bot.awaitReply(42, c -> c.text().contains("The rules of engagement have changed"));
        assertThat(ask.text()).contains("by 12:03 on 25 November 2026")
                .contains("I'll take you out of Health and social care").contains("Be kind. No campaigning.");

        // a grace period shorter than the three days' notice: the reminder comes at once
        bot.runRoutineAsAct("groups");
        bot.awaitText(42, "please accept its updated rules by 12:03 on 25 November 2026");
        bot.clock.advance(Duration.ofMinutes(3));
        bot.runRoutineAsAct("groups");
        bot.awaitText(42, "removed from <b>Health and social care</b> because its updated rules were not accepted");
        assertThat(bot.telegram.memberStatus(HEALTH, 42)).isNotEqualTo(MemberStatus.MEMBER);
    }

    @Test
    @DisplayName("Rules changed in a group that keeps members: the ask says they stay, and by when to accept")
    void changedRulesWhereMembersStay() {
        start("");
        openGroup(HEALTH, "CCIN Health", "health-social-care");
        GroupSteps.joinAcceptingRules(bot, ada, HEALTH);

        publishNetworkRules("Be kind.", "Publish: 7 days to accept");
        ApiCall ask = bot.awaitReply(42, c -> c.text().contains("The rules of engagement have changed"));
        assertThat(ask.text()).contains("by 12:00 on 2 December 2026").contains("you stay in Health and social care")
                .contains("I'll remind you");

        // not accepted: three days before the end, a reminder with the rules and its own Accept button
        bot.runRoutine("groups");
        bot.clock.advance(Duration.ofDays(5));
        bot.runRoutineAsAct("groups");
        ApiCall reminder = bot.awaitText(42, "A reminder: <b>Health and social care</b> has updated rules");
        assertThat(reminder.text()).contains("by 12:00 on 2 December 2026").contains("Be kind.");
        assertThat(reminder.callbackData("I accept the rules")).startsWith("racc:g:");
        bot.tap(ada, "I accept the rules");
        bot.awaitText(42, "your acceptance is recorded");
        RulesVersion current = bot.store().groups().rules().currentNetwork().orElseThrow();
        assertThat(bot.store().groups().rules().hasAccepted(42, current.id())).isTrue();
        assertThat(bot.telegram.memberStatus(HEALTH, 42)).isEqualTo(MemberStatus.MEMBER);
    }

    @Test
    @DisplayName("Mute: every card shows who dealt with it and offers to delete; Remove deletes the reported message")
    void moderationUpdatesEveryCardAndDeletes() {
        start("");
        FakeUser mo = bot.user(60, "Mo");
        openGroup(HEALTH, "CCIN Health", "health-social-care", mo);
        assertThat(bot.store().groups().catalogue().isModerator(group("health-social-care").id(), 60)).isTrue();
        FakeUser troll = bot.user(66, "Tom");
        bot.telegram.addMember(HEALTH, troll, MemberStatus.MEMBER);
        bot.telegram.addMember(HEALTH, ada, MemberStatus.MEMBER);

        // a report reaches the moderator and staff, each with the buttons
        int first = post(troll, HEALTH, "Buy my product now");
        bot.act(() -> bot.telegram.groupReply(ada, HEALTH, first, "/report"));
        ApiCall moCard = bot.awaitReply(60, c -> c.text().contains("Report in Health and social care"));
        bot.awaitReply(TestBot.STAFF_ID, c -> c.text().contains("Report in Health and social care"));
        assertThat(TestBot.buttons(moCard)).containsExactly("Dismiss", "Warn", "Mute", "Remove");

        // staff mute: Mo's card says so and no longer offers the four buttons, only deleting the message
        bot.tap(staff, "Mute");
        bot.awaitReply(TestBot.STAFF_ID, c -> c.text().contains("Sam dealt with this: Muted"));
        ApiCall moUpdated = bot.awaitAnswer(c -> c.is("editmessagetext") && c.chatId() == 60 && c.ok());
        assertThat(moUpdated.text()).contains("Sam dealt with this: Muted").contains("Buy my product now");
        assertThat(TestBot.buttons(moUpdated)).containsExactly("🗑 Delete the message");
        assertThat(bot.telegram.messages(HEALTH)).extracting(FakeMessage::messageId).contains(first);
        // a stale Warn from Mo's old card changes nothing
        String moWarn = moCard.callbackData("Warn");
        bot.forge(mo, 60, moCard.resultMessageId().orElseThrow(), moWarn);
        assertThat(alert()).contains("already dealt with");
        assertThat(bot.store().groups().moderation().warnings(group("health-social-care").id(), 66)).isZero();

        // Mo deletes the message from his card: it goes, and every card says who deleted it
        bot.tap(mo, "🗑 Delete the message");
        bot.awaitAnswer(c -> c.is("deletemessage") && c.chatId() == HEALTH && c.ok());
        assertThat(bot.telegram.messages(HEALTH)).extracting(FakeMessage::messageId).doesNotContain(first);
        ApiCall staffCard = bot.awaitAnswer(c -> c.is("editmessagetext") && c.chatId() == TestBot.STAFF_ID
                && c.text().contains("Mo had the message deleted"));
        assertThat(staffCard.buttons()).isEmpty();
        bot.forge(staff, TestBot.STAFF_ID, staffCard.params().path("message_id").asInt(),
                "mod:x:" + moWarn.substring(moWarn.lastIndexOf(':') + 1));
        assertThat(alert()).contains("already been deleted");

        // a second report: Mo removes the author, and the reported message goes with them
        int second = post(troll, HEALTH, "Still selling things");
        bot.act(() -> bot.telegram.groupReply(ada, HEALTH, second, "/report"));
        bot.awaitReply(60, c -> c.text().contains("Still selling things") && TestBot.buttons(c).contains("Remove"));
        bot.awaitReply(TestBot.STAFF_ID, c -> c.text().contains("Still selling things"));
        bot.tap(mo, "Remove");
        bot.awaitAnswer(c -> c.is("deletemessage") && c.chatId() == HEALTH && c.ok());
        assertThat(bot.telegram.messages(HEALTH)).extracting(FakeMessage::messageId).doesNotContain(second);
        assertThat(bot.telegram.memberStatus(HEALTH, 66)).isNotEqualTo(MemberStatus.MEMBER);
        ApiCall removed = bot.awaitAnswer(c -> c.is("editmessagetext") && c.chatId() == TestBot.STAFF_ID
                && c.text().contains("Still selling things") && c.text().contains("Mo had the message deleted"));
        assertThat(removed.text()).contains("Mo dealt with this: Removed from the group");
        assertThat(removed.buttons()).isEmpty();
        // a moderator of nothing cannot delete anything
        FakeUser stranger = bot.user(61, "Sid");
        bot.send(stranger, "/help");
        bot.awaitReply(61, c -> !c.text().isEmpty());
        bot.forge(stranger, 61, bot.telegram.lastBotMessage(61).orElseThrow().messageId(), "mod:x:1");
        assertThat(alert()).isNotEmpty();
    }

    @Test
    @DisplayName("Remove settles every open report of the person: their other reported messages go, every card says so")
    void removeCleansUpEveryReport() {
        start("");
        FakeUser mo = bot.user(60, "Mo");
        FakeUser bea = bot.user(67, "Bea");
        openGroup(HEALTH, "CCIN Health", "health-social-care", mo);
        FakeUser troll = bot.user(66, "Tom");
        for (FakeUser user : List.of(troll, ada, bea)) {
            bot.telegram.addMember(HEALTH, user, MemberStatus.MEMBER);
        }
        // GIVEN three messages of Tom's reported four times: the first by Ada and by Bea
        int first = post(troll, HEALTH, "Buy my product now");
        int second = post(troll, HEALTH, "Still selling things");
        int third = post(troll, HEALTH, "Last offer today");
        int kept = post(troll, HEALTH, "A fair point about budgets");
        report(ada, first, "Buy my product now");
        report(bea, first, "Buy my product now");
        report(ada, second, "Still selling things");
        report(ada, third, "Last offer today");
        long group = group("health-social-care").id();
        List<org.ccin.store.groups.Report> reports = List.of(first, second, third).stream()
                .flatMap(m -> bot.store().groups().moderation().ofMessage(group, m).stream()).toList();
        assertThat(reports).hasSize(4);

        // WHEN Mo removes Tom from the card of the last report
        bot.tap(mo, "Remove");

        // THEN Tom is out, every reported message is gone (the unreported one stays), every report is settled
        ApiCall mine = bot.awaitReply(60, c -> c.text().contains("Last offer today")
                && c.text().contains("Mo dealt with this: Removed from the group"));
        assertThat(mine.text()).contains("their 2 other reported messages in the group were deleted too");
        Eventually.await("the reported messages deleted", () -> bot.telegram.messages(HEALTH).stream()
                .map(FakeMessage::messageId).noneMatch(List.of(first, second, third)::contains));
        assertThat(bot.telegram.messages(HEALTH)).extracting(FakeMessage::messageId).contains(kept);
        assertThat(bot.telegram.memberStatus(HEALTH, 66)).isNotEqualTo(MemberStatus.MEMBER);
        for (org.ccin.store.groups.Report report : reports) {
            org.ccin.store.groups.Report now = bot.store().groups().moderation().find(report.id()).orElseThrow();
            assertThat(now.status()).as("report " + report.id()).isEqualTo(org.ccin.store.groups.Report.Status.REMOVED);
            assertThat(now.messageDeleted()).as("report " + report.id()).isTrue();
            // AND every card of it, Mo's and staff's, says who dealt with it and how, with no button left
            assertThat(bot.store().groups().moderation().cards(report.id())).hasSize(2).allSatisfy(card ->
                    Eventually.await("card " + card.chatId() + "/" + card.messageId() + " brought up to date", () -> {
                        FakeMessage shown = bot.telegram.message(card.chatId(), card.messageId()).orElseThrow();
                        return shown.text().contains("Mo dealt with this: Removed from the group")
                                && shown.text().contains("Mo had the message deleted") && shown.buttons().isEmpty();
                    }));
        }
        // a stale Warn on Bea's report of the first message changes nothing
        bot.forge(staff, TestBot.STAFF_ID, bot.telegram.lastBotMessage(TestBot.STAFF_ID).orElseThrow().messageId(),
                "mod:w:" + reports.get(1).id());
        assertThat(alert()).contains("already dealt with");
        assertThat(bot.store().groups().moderation().warnings(group, 66)).isZero();
    }

    /** {@code reporter} reports the message; the moderator's and staff's cards arrive. */
    private void report(FakeUser reporter, int messageId, String text) {
        bot.act(() -> bot.telegram.groupReply(reporter, HEALTH, messageId, "/report"));
        bot.awaitReply(60, c -> c.text().contains(reporter.firstName() + " reported") && c.text().contains(text));
        bot.awaitReply(TestBot.STAFF_ID, c -> c.text().contains(reporter.firstName() + " reported")
                && c.text().contains(text));
    }

    @Test
    @DisplayName("Several reports of one message are settled by one decision; deleting it from one card settles all")
    void sameMessageReportedTwice() {
        start("");
        FakeUser bea = bot.user(67, "Bea");
        FakeUser mo = bot.user(60, "Mo");
        openGroup(HEALTH, "CCIN Health", "health-social-care", mo);
        FakeUser troll = bot.user(66, "Tom");
        for (FakeUser user : List.of(troll, ada, bea)) {
            bot.telegram.addMember(HEALTH, user, MemberStatus.MEMBER);
        }
        int message = post(troll, HEALTH, "Buy my product now");
        report(ada, message, "Buy my product now");
        report(bea, message, "Buy my product now");
        long group = group("health-social-care").id();

        // staff warn from the newest card: one warning, both reports settled, every card says so
        bot.tap(staff, "Warn");
        bot.awaitReply(TestBot.STAFF_ID, c -> c.text().contains("Sam dealt with this: Warned: 1 of 3"));
        assertThat(bot.store().groups().moderation().warnings(group, 66)).isEqualTo(1);
        List<org.ccin.store.groups.Report> reports = bot.store().groups().moderation().ofMessage(group, message);
        assertThat(reports).hasSize(2).allSatisfy(r -> assertThat(r.status())
                .isEqualTo(org.ccin.store.groups.Report.Status.WARNED));
        for (org.ccin.store.groups.Report report : reports) {
            for (org.ccin.store.groups.ReportCard card : bot.store().groups().moderation().cards(report.id())) {
                Eventually.await("card " + card.chatId() + "/" + card.messageId(), () -> {
                    FakeMessage shown = bot.telegram.message(card.chatId(), card.messageId()).orElseThrow();
                    return shown.text().contains("Sam dealt with this") && shown.buttons().stream()
                            .flatMap(List::stream).toList().equals(List.of("🗑 Delete the message"));
                });
            }
        }

        // deleting it from Mo's card of Ada's report: gone for Bea's report too
        int moCard = bot.store().groups().moderation().cards(reports.get(0).id()).stream()
                .filter(c -> c.chatId() == 60).findFirst().orElseThrow().messageId();
        bot.act(() -> bot.telegram.tapButton(mo, 60, moCard, "🗑 Delete the message"));
        bot.awaitAnswer(c -> c.is("deletemessage") && c.chatId() == HEALTH && c.ok());
        Eventually.await("both reports know the message is gone", () -> bot.store().groups().moderation()
                .ofMessage(group, message).stream().allMatch(org.ccin.store.groups.Report::messageDeleted));
        for (org.ccin.store.groups.ReportCard card : bot.store().groups().moderation().cards(reports.get(1).id())) {
            Eventually.await("Bea's report's card " + card.chatId(), () -> {
                FakeMessage shown = bot.telegram.message(card.chatId(), card.messageId()).orElseThrow();
                return shown.text().contains("Mo had the message deleted") && shown.buttons().isEmpty();
            });
        }
    }

    @Test
    @DisplayName("Remove without the delete right: the member goes, the card says the message stayed and offers again")
    void removeWithoutTheDeleteRight() {
        start("");
        openGroup(HEALTH, "CCIN Health", "health-social-care");
        bot.telegram.setBotMembership(HEALTH, MemberStatus.ADMINISTRATOR,
                AdminRights.all().without(AdminRights.Right.DELETE_MESSAGES));
        FakeUser troll = bot.user(66, "Tom");
        bot.telegram.addMember(HEALTH, troll, MemberStatus.MEMBER);
        bot.telegram.addMember(HEALTH, ada, MemberStatus.MEMBER);
        int message = post(troll, HEALTH, "Spam spam spam");
        bot.act(() -> bot.telegram.groupReply(ada, HEALTH, message, "/report"));
        bot.awaitReply(TestBot.STAFF_ID, c -> c.text().contains("Spam spam spam"));
        bot.tap(staff, "Remove");
        ApiCall card = bot.awaitReply(TestBot.STAFF_ID, c -> c.text().contains("Removed from the group"));
        assertThat(card.text()).contains("I couldn't delete the message");
        assertThat(TestBot.buttons(card)).containsExactly("🗑 Delete the message");
        assertThat(bot.telegram.messages(HEALTH)).extracting(FakeMessage::messageId).contains(message);
        assertThat(bot.telegram.memberStatus(HEALTH, 66)).isNotEqualTo(MemberStatus.MEMBER);
    }

    @Test
    @DisplayName("When no group is open to someone, /groups says why and what would open one, with a button to ask")
    void whyNoGroupIsOpen() {
        start("");
        openGroup(HEALTH, "CCIN Health", "health-social-care");
        openGroup(OFFICERS, "CCIN Officers", "officers-network");
        FakeUser dai = bot.user(45, "Dai");
        RegistrationTest.registerUnlisted(bot, dai, "Llanfair Community Council", "Supporter", "Other", "North West");
        assertThat(bot.store().members().findByTelegramId(45).orElseThrow().verification())
                .isEqualTo(Verification.PENDING);

        bot.send(dai, "/groups");
        ApiCall catalogue = bot.awaitText(45, "None of these groups is open to you yet");
        assertThat(catalogue.text()).doesNotContain("Tap the groups")
                .contains("The network's staff haven't checked your organisation and membership category yet")
                .contains("Some groups are for particular membership categories; yours is Supporter")
                .contains("Some groups are for officers or councillors only")
                .contains("✗ This group is for members in the Full Member, Associate Member or Town or Parish "
                        + "Council category, for officers and for organisations that are members of the network.")
                .doesNotContain("for officer.").doesNotContain("for Associate Member.");
        assertThat(TestBot.buttons(catalogue)).containsExactly("🙋 Ask staff to check my membership");

        bot.tap(dai, "🙋 Ask staff to check my membership");
        bot.awaitText(TestBot.STAFF_ID, "Dai asks to have their organisation and membership category checked");
        bot.awaitReply(45, c -> c.text().contains("I've asked the network's staff"));
        assertThat(bot.store().members().findByTelegramId(45).orElseThrow().verification())
                .isEqualTo(Verification.PENDING);
        // once is enough: asking again the same week tells them it is in hand, and staff hear nothing new
        bot.send(dai, "/groups");
        ApiCall again = bot.awaitText(45, "None of these groups is open to you yet");
        assertThat(again.text()).contains("You've asked the network's staff");
        assertThat(again.buttons()).isEmpty();
        assertThat(bot.store().auditLog().recent(5)).anyMatch(e -> e.action().equals("verify.asked"));
    }

    @Test
    @DisplayName("Once staff turn a member down, asking again does not undo it: they are told why and what to do")
    void rejectedMemberCannotUndoTheRejection() {
        start("");
        openGroup(OFFICERS, "CCIN Officers", "officers-network");
        FakeUser eli = bot.user(46, "Eli");
        RegistrationTest.registerUnlisted(bot, eli, "Llanfair Community Council", "Supporter", "Other", "North West");
        // GIVEN Eli's /groups offers to ask staff, who have not been asked yet ...
        bot.send(eli, "/groups");
        ApiCall catalogue = bot.awaitText(46, "None of these groups is open to you yet");
        assertThat(TestBot.buttons(catalogue)).containsExactly("🙋 Ask staff to check my membership");
        // ... and staff, checking /verify meanwhile, reject the self-declared organisation
        bot.send(staff, "/verify");
        bot.awaitText(TestBot.STAFF_ID, "Llanfair Community Council");
        bot.tap(staff, "Reject");
        bot.awaitText(46, "could not confirm your organisation");
        int staffMessages = bot.telegram.messages(TestBot.STAFF_ID).size();

        // WHEN Eli taps Ask on the screen still open (he never asked before: no weekly limit stops him)
        bot.act(() -> bot.telegram.tapButton(eli, 46, catalogue.resultMessageId().orElseThrow(),
                "🙋 Ask staff to check my membership"));

        // THEN staff's decision stands, Eli is told so and what to do, and staff are not asked again
        assertThat(alert()).contains("already checked your membership and could not confirm it").contains("/profile");
        assertThat(bot.store().members().findByTelegramId(46).orElseThrow().verification())
                .isEqualTo(Verification.REJECTED);
        assertThat(bot.store().auditLog().recent(10)).noneMatch(e -> e.action().equals("verify.asked"));
        bot.send(eli, "/groups");
        ApiCall now = bot.awaitText(46, "None of these groups is open to you yet");
        assertThat(now.text()).contains("checked your organisation and membership category and could not confirm them")
                .contains("/profile").contains("write to the network's staff");
        assertThat(now.buttons()).isEmpty();
        assertThat(bot.telegram.messages(TestBot.STAFF_ID)).hasSize(staffMessages);
    }

    @Test
    @DisplayName("Reasons read as whole sentences in Welsh too, one or several, joined naturally")
    void reasonsInWelsh() {
        start("");
        openGroup(OFFICERS, "CCIN Officers", "officers-network");
        bot.send(ada, "/language");
        bot.awaitReply(42, c -> TestBot.buttons(c).contains("Cymraeg"));
        bot.tap(ada, "Cymraeg");
        bot.awaitReply(42, c -> !c.text().isEmpty());
        bot.act(() -> bot.telegram.chatJoinRequest(ada, OFFICERS));
        ApiCall declined = bot.awaitText(42, "Rhwydwaith swyddogion");
        assertThat(declined.text()).contains("mae ar gyfer swyddogion.");

        // several reasons: one sentence, the last joined by "ac" before the vowel of "ar gyfer"
        FakeUser dai = bot.user(45, "Dai");
        RegistrationTest.registerUnlisted(bot, dai, "Llanfair Community Council", "Supporter", "Other", "North West");
        bot.send(dai, "/language");
        bot.awaitReply(45, c -> TestBot.buttons(c).contains("Cymraeg"));
        bot.tap(dai, "Cymraeg");
        bot.awaitReply(45, c -> !c.text().isEmpty());
        bot.act(() -> bot.telegram.chatJoinRequest(dai, OFFICERS));
        ApiCall several = bot.awaitText(45, "Rhwydwaith swyddogion");
        assertThat(several.text()).contains("mae ar gyfer aelodau yn y categori Aelod Llawn, Aelod Cyswllt neu Cyngor "
                + "Tref neu Gymuned, ar gyfer swyddogion ac ar gyfer sefydliadau sy'n aelodau o'r rhwydwaith.")
                .doesNotContain(" a ar gyfer");
    }
}
