package org.ccin.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.ccin.bot.fakeapi.AdminRights;
import org.ccin.bot.fakeapi.ApiCall;
import org.ccin.bot.fakeapi.FakeUser;
import org.ccin.bot.fakeapi.InviteLink;
import org.ccin.bot.fakeapi.MemberStatus;
import org.ccin.store.groups.ChatGroup;
import org.ccin.store.groups.GroupSettings;
import org.ccin.store.groups.MembershipStatus;
import org.ccin.store.groups.RulesVersion;
import org.ccin.store.members.Verification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Self sign-up to the network's groups behind the rules of engagement, moderation and staff's tools, end to end. */
class GroupsTest {
    static final long HEALTH = -1001000000001L;
    static final long CWB = -1001000000002L;
    static final long OFFICERS = -1001000000003L;

    @RegisterExtension
    final BotExtension bots = new BotExtension("groups:\n  warningLimit: 2\n");

    private TestBot bot = bots.bot();
    private FakeUser staff;
    private FakeUser ada;

    @BeforeEach
    void start() {
        staff = bot.user(TestBot.STAFF_ID, "Sam");
        ada = bot.user(42, "Ada");
        // Ada: Oldham Council is a Full Member in the list, so she is verified at once
        RegistrationTest.register(bot, ada, "Oldham Council", "Full Member", "Councillor", "North West");
    }

    /** A supergroup in Telegram where staff add the bot as administrator and send /registergroup code. */
    private void openGroup(long chat, String title, String code) {
        GroupSteps.open(bot, staff, chat, title, code);
    }

    private ChatGroup group(String code) {
        return bot.store().groups().catalogue().byCode(code).orElseThrow();
    }

    private String lastLink(long chat) {
        List<InviteLink> links = bot.telegram.inviteLinks(chat);
        assertThat(links).isNotEmpty();
        InviteLink link = links.get(links.size() - 1);
        assertThat(link.createsJoinRequest()).isTrue();
        return link.inviteLink();
    }

    private void joinFromBot(FakeUser user, String... groupButtons) {
        bot.send(user, "/groups");
        bot.awaitText(user.id(), "The network's groups");
        for (String button : groupButtons) {
            bot.tap(user, "☐ " + button);
            bot.awaitReply(user.id(), c -> TestBot.buttons(c).contains("☑ " + button));
        }
        bot.tap(user, "Continue (" + groupButtons.length + ") ›");
    }

    @Test
    @DisplayName("Joining from the bot: pick, read the rules, accept, get a personal link; its join request is approved")
    void joinFromTheBot() {
        openGroup(HEALTH, "CCIN Health", "health-social-care");

        joinFromBot(ada, "Health and social care");
        ApiCall rules = bot.awaitText(42, "Before you join");
        assertThat(rules.text()).contains("Rules of engagement").contains("no party campaigning");
        bot.tap(ada, "I accept the rules");
        ApiCall links = bot.awaitText(42, "Here are your invitations");
        assertThat(TestBot.buttons(links)).containsExactly("Join Health and social care");

        String link = lastLink(HEALTH);
        bot.act(() -> bot.telegram.chatJoinRequest(ada, HEALTH, link));
        bot.awaitAnswer(c -> c.is("approvechatjoinrequest") && c.ok());

        assertThat(bot.telegram.memberStatus(HEALTH, 42)).isEqualTo(MemberStatus.MEMBER);
        Eventually.await("membership recorded", () -> bot.store().groups().memberships().isIn(group("health-social-care").id(), 42));
        RulesVersion network = bot.store().groups().rules().currentNetwork().orElseThrow();
        assertThat(bot.store().groups().rules().hasAccepted(42, network.id())).isTrue();
    }

    @Test
    @DisplayName("Several groups in one flow: the rules are accepted once, with each group's additions, and a link each")
    void severalGroups() {
        openGroup(HEALTH, "CCIN Health", "health-social-care");
        openGroup(CWB, "CCIN CWB", "community-wealth-building");

        joinFromBot(ada, "Health and social care", "Community wealth building");
        bot.awaitText(42, "Before you join");
        bot.tap(ada, "I accept the rules");
        ApiCall links = bot.awaitText(42, "Here are your invitations");

        assertThat(TestBot.buttons(links)).containsExactly("Join Health and social care", "Join Community wealth building");
        assertThat(bot.store().groups().rules().hasAcceptedCurrent(42, group("health-social-care").id())).isTrue();
        assertThat(bot.store().groups().rules().hasAcceptedCurrent(42, group("community-wealth-building").id())).isTrue();
    }

    @Test
    @DisplayName("A group's public link: accepted and eligible is approved at once; not accepted gets the rules privately")
    void publicLink() {
        openGroup(HEALTH, "CCIN Health", "health-social-care");
        openGroup(CWB, "CCIN CWB", "community-wealth-building");
        FakeUser bo = bot.user(43, "Bo");
        RegistrationTest.register(bot, bo, "Oldham Council", "Full Member", "Officer", "North West");

        // Bo has not accepted the rules: a private message with the rules and an Accept button
        bot.act(() -> bot.telegram.chatJoinRequest(bo, HEALTH));
        ApiCall asked = bot.awaitText(43, "Please read the rules of engagement below");
        assertThat(TestBot.buttons(asked)).containsExactly("I accept the rules");
        assertThat(bot.telegram.pendingJoinRequests(HEALTH)).contains(43L);
        bot.tap(bo, "I accept the rules");
        bot.awaitText(43, "Welcome! You're in <b>Health and social care</b>");
        assertThat(bot.telegram.memberStatus(HEALTH, 43)).isEqualTo(MemberStatus.MEMBER);

        // having accepted the network's rules (CWB adds none), Bo's request to CWB is approved at once
        bot.act(() -> bot.telegram.chatJoinRequest(bo, CWB));
        bot.awaitAnswer(c -> c.is("approvechatjoinrequest") && c.chatId() == CWB && c.ok());
        assertThat(bot.telegram.memberStatus(CWB, 43)).isEqualTo(MemberStatus.MEMBER);
    }

    @Test
    @DisplayName("An ineligible request is declined and told why; an unregistered one waits, then is declined in time")
    void declinedAndExpired() {
        openGroup(OFFICERS, "CCIN Officers", "officers-network");

        bot.act(() -> bot.telegram.chatJoinRequest(ada, OFFICERS));
        ApiCall declined = bot.awaitText(42, "I can't let you into <b>Officers network</b>");
        assertThat(declined.text()).contains("for officer");
        assertThat(bot.telegram.pendingJoinRequests(OFFICERS)).doesNotContain(42L);

        FakeUser stranger = bot.user(77, "Cai");
        bot.act(() -> bot.telegram.chatJoinRequest(stranger, OFFICERS));
        ApiCall register = bot.awaitText(77, "Send /start to register");
        assertThat(register.text()).contains("waits for 24 hours");
        bot.clock.advance(Duration.ofHours(25));
        bot.runRoutineAsAct("groups");
        bot.awaitAnswer(c -> c.is("declinechatjoinrequest") && c.chatId() == OFFICERS);
        bot.awaitText(77, "has expired because the rules were not accepted");
    }

    @Test
    @DisplayName("Leave from /mygroups, and rejoin later; the records follow Telegram's own leave updates too")
    void leaveAndRejoin() {
        openGroup(HEALTH, "CCIN Health", "health-social-care");
        joinFromBot(ada, "Health and social care");
        bot.awaitText(42, "Before you join");
        bot.tap(ada, "I accept the rules");
        bot.awaitText(42, "Here are your invitations");
        String link = lastLink(HEALTH);
        bot.act(() -> bot.telegram.chatJoinRequest(ada, HEALTH, link));
        bot.awaitAnswer(c -> c.is("approvechatjoinrequest"));

        bot.send(ada, "/mygroups");
        bot.awaitText(42, "Your groups");
        bot.tap(ada, "Leave Health and social care");
        bot.awaitAnswer(c -> c.is("unbanchatmember") && c.ok());
        Eventually.await("left", () -> !bot.store().groups().memberships().isIn(group("health-social-care").id(), 42));

        // having accepted already, a new request is approved at once: rejoining works
        bot.act(() -> bot.telegram.chatJoinRequest(ada, HEALTH));
        bot.awaitAnswer(c -> c.is("approvechatjoinrequest") && c.ok());
        Eventually.await("back in", () -> bot.store().groups().memberships().isIn(group("health-social-care").id(), 42));

        bot.act(() -> bot.telegram.chatMember(HEALTH, ada, ada, MemberStatus.LEFT));
        Eventually.await("left in Telegram", () -> bot.store().groups().memberships()
                .find(group("health-social-care").id(), 42).orElseThrow().status() == MembershipStatus.LEFT);
    }

    @Test
    @DisplayName("/report reaches moderators with buttons; warnings count; at the limit the member is removed")
    void reportWarnRemove() {
        openGroup(HEALTH, "CCIN Health", "health-social-care");
        FakeUser troll = bot.user(66, "Tom");
        bot.telegram.addMember(HEALTH, troll, MemberStatus.MEMBER);
        bot.telegram.addMember(HEALTH, ada, MemberStatus.MEMBER);

        for (int warning = 1; warning <= 2; warning++) {
            int message = bot.telegram.groupMessage(troll, HEALTH, "Vote for my party! " + warning);
            int messageId = bot.telegram.messages(HEALTH).get(bot.telegram.messages(HEALTH).size() - 1).messageId();
            bot.act(() -> bot.telegram.groupReply(ada, HEALTH, messageId, "/report"));
            bot.awaitReply(HEALTH, c -> c.text().contains("the moderators have been told"));
            ApiCall card = bot.awaitReply(TestBot.STAFF_ID, c -> c.text().contains("Report in Health and social care"));
            assertThat(card.text()).contains("Vote for my party! " + warning);
            bot.tap(staff, "Warn");
            String expected = warning == 1 ? "Warned: 1 of 2" : "the limit is reached";
            bot.awaitReply(TestBot.STAFF_ID, c -> c.text().contains(expected));
            assertThat(message).isPositive();
        }

        assertThat(bot.telegram.memberStatus(HEALTH, 66)).isNotEqualTo(MemberStatus.MEMBER);
        assertThat(bot.store().groups().moderation().warnings(group("health-social-care").id(), 66)).isEqualTo(2);
        assertThat(bot.store().auditLog().recent(10)).anyMatch(e -> e.action().equals("moderation.warned"));
    }

    @Test
    @DisplayName("Forged buttons are refused: an ineligible group, moderating without being a moderator, staff tools")
    void forgedCallbacks() {
        openGroup(OFFICERS, "CCIN Officers", "officers-network");
        openGroup(HEALTH, "CCIN Health", "health-social-care");
        bot.send(ada, "/groups");
        bot.awaitText(42, "The network's groups");
        int message = bot.telegram.lastBotMessage(42).orElseThrow().messageId();
        int version = bot.store().conversations().find(42, 42).orElseThrow().version();
        long officers = group("officers-network").id();

        for (String forged : List.of("grp:t:" + version + ":" + officers, "mod:w:1", "gset:f:" + officers + ":n",
                "ver:ok:42", "org:left:1", "rules:s:0", "jr:ok:1", "racc:g:" + officers, "myg:leave:" + officers)) {
            bot.forge(ada, 42, message, forged);
            ApiCall answer = bot.awaitAnswer(c -> c.is("answercallbackquery"));
            assertThat(answer.param("show_alert")).as(forged).contains("true");
        }
        assertThat(group("officers-network").networkMembersOnly()).isTrue();
        assertThat(bot.store().organisations().findById(1).orElseThrow().networkMember()).isTrue();
    }

    @Test
    @DisplayName("New rules: members are asked to accept; those who do stay, the others are removed after the grace period")
    void rulesChange() {
        openGroup(HEALTH, "CCIN Health", "health-social-care");
        ChatGroup health = group("health-social-care");
        bot.store().groups().catalogue().update(health.id(), GroupSettings.of(health).toggled('l'));
        FakeUser bo = bot.user(43, "Bo");
        RegistrationTest.register(bot, bo, "Oldham Council", "Full Member", "Officer", "North West");
        for (FakeUser member : List.of(ada, bo)) {
            GroupSteps.joinAcceptingRules(bot, member, HEALTH);
        }

        GroupSteps.previewNetworkRules(bot, staff, "Be kind. No campaigning. Stay on topic.");
        bot.tap(staff, "Publish: 7 days to accept");
        bot.awaitText(TestBot.STAFF_ID, "is published. 2 members are being asked");

        ApiCall ask = bot.awaitReply(42, c -> c.text().contains("The rules of engagement have changed"));
        assertThat(ask.text()).contains("Be kind.");
        bot.awaitReply(43, c -> c.text().contains("The rules of engagement have changed"));
        bot.tap(ada, "I accept the rules");
        bot.awaitText(42, "your acceptance is recorded");

        bot.runRoutine("groups");
        bot.clock.advance(Duration.ofDays(5));
        bot.runRoutineAsAct("groups");
        bot.awaitText(43, "A reminder: to stay in <b>Health and social care</b>");
        bot.clock.advance(Duration.ofDays(3));
        bot.runRoutineAsAct("groups");
        bot.awaitText(43, "removed from <b>Health and social care</b> because its updated rules were not accepted");

        assertThat(bot.telegram.memberStatus(HEALTH, 43)).isNotEqualTo(MemberStatus.MEMBER);
        assertThat(bot.telegram.memberStatus(HEALTH, 42)).isEqualTo(MemberStatus.MEMBER);
    }

    @Test
    @DisplayName("An organisation leaving the network: its people are told, and removed from member-only groups after notice")
    void organisationLeaves() {
        openGroup(HEALTH, "CCIN Health", "health-social-care");
        GroupSteps.joinAcceptingRules(bot, ada, HEALTH);

        bot.send(staff, "/organisation Oldham");
        bot.awaitText(TestBot.STAFF_ID, "Which one?");
        bot.tap(staff, "Oldham Council");
        bot.awaitText(TestBot.STAFF_ID, "Member of the network: yes");
        bot.tap(staff, "Mark as left the network");
        bot.awaitText(TestBot.STAFF_ID, "Member of the network: no");
        ApiCall told = bot.awaitReply(42, c -> c.text().contains("no longer a member of the network"));
        assertThat(told.text()).contains("Health and social care");

        bot.clock.advance(Duration.ofDays(15));
        bot.runRoutineAsAct("groups");
        bot.awaitText(42, "removed from <b>Health and social care</b> because your organisation");
        assertThat(bot.telegram.memberStatus(HEALTH, 42)).isNotEqualTo(MemberStatus.MEMBER);
    }

    @Test
    @DisplayName("A forum group: /rules and /report answer in their topic; welcomes go to the chosen topic, one per burst")
    void forumTopicsAndWelcomes() {
        long forum = -1001000000009L;
        bot.telegram.addForum(forum, "CCIN Food");
        bot.telegram.promote(forum, staff, AdminRights.all());
        bot.act(() -> bot.telegram.groupMessage(staff, forum, "/registergroup food-justice"));
        bot.awaitReply(forum, c -> c.text().contains("This chat is now"));

        bot.act(() -> bot.telegram.topicMessage(ada, forum, 7, "/rules"));
        ApiCall rules = bot.awaitReply(forum, c -> c.text().contains("Rules of engagement"));
        assertThat(rules.param("message_thread_id")).contains("7");

        bot.act(() -> bot.telegram.topicMessage(staff, forum, 9, "/welcomehere"));
        bot.awaitReply(forum, c -> c.text().contains("welcomed in this topic"));
        FakeUser bo = bot.user(43, "Bo");
        FakeUser cai = bot.user(44, "Cai");
        bot.act(() -> bot.telegram.newChatMembers(forum, bo, bo));
        ApiCall first = bot.awaitReply(forum, c -> c.text().contains("Welcome to Food justice, Bo"));
        assertThat(first.param("message_thread_id")).contains("9");
        bot.act(() -> bot.telegram.newChatMembers(forum, cai, cai));
        bot.awaitAnswer(c -> c.is("deletemessage") && c.chatId() == forum && c.ok());
        // the new welcome names everyone of the burst, not only the latest
        bot.awaitReply(forum, c -> c.text().contains("Welcome to Food justice, Bo and Cai!")
                && c.text().contains("2 people joined"));
    }

    @Test
    @DisplayName("A group upgraded to a supergroup is followed to its new id; the bot removed from a group is noticed")
    void migrationAndRemoval() {
        long basic = -5000L;
        long upgraded = -1001000000777L;
        bot.telegram.addGroup(basic, "CCIN London");
        bot.telegram.promote(basic, staff, AdminRights.all());
        bot.act(() -> bot.telegram.groupMessage(staff, basic, "/registergroup london"));
        bot.awaitReply(basic, c -> c.text().contains("This chat is now"));

        bot.act(() -> {
            bot.telegram.migrateGroup(basic, upgraded, staff);
            return 0;
        });
        Eventually.await("the group followed", () -> group("london").chatId().orElse(0L) == upgraded);

        bot.act(() -> bot.telegram.myChatMember(upgraded, staff, MemberStatus.KICKED));
        bot.awaitText(TestBot.STAFF_ID, "I was removed from the group London");
        assertThat(group("london").isActive()).isFalse();
    }

    @Test
    @DisplayName("Staff who never wrote to the bot privately are told in the network's default language")
    void staffAlertInDefaultLanguage() throws Exception {
        bot = bots.startAnother("welsh", "defaultLanguage: cy\n");
        staff = bot.user(TestBot.STAFF_ID, "Sam");
        long chat = -1001000000888L;
        bot.telegram.addSupergroup(chat, "CCIN Cymru");
        bot.telegram.promote(chat, staff, AdminRights.all());
        // the answer in the group follows the language of the person who wrote there (English in the fake)
        bot.act(() -> bot.telegram.groupMessage(staff, chat, "/registergroup wales"));
        bot.awaitReply(chat, c -> c.text().contains("This chat is now"));

        bot.act(() -> bot.telegram.myChatMember(chat, staff, MemberStatus.KICKED));
        bot.awaitText(TestBot.STAFF_ID, "Cefais fy nhynnu o'r grŵp");
    }

    @Test
    @DisplayName("/registergroup says exactly which rights the bot lacks; staff verify a self-declared member")
    void registrationRightsAndVerification() {
        long chat = -1001000000555L;
        bot.telegram.addSupergroup(chat, "CCIN Scotland");
        bot.telegram.setBotMembership(chat, MemberStatus.ADMINISTRATOR,
                AdminRights.all().without(AdminRights.Right.INVITE_USERS).without(AdminRights.Right.RESTRICT_MEMBERS));
        bot.act(() -> bot.telegram.groupMessage(staff, chat, "/registergroup scotland"));
        ApiCall refused = bot.awaitReply(chat, c -> c.text().contains("I need to be an administrator"));
        assertThat(refused.text()).contains("can_invite_users").contains("can_restrict_members")
                .doesNotContain("can_delete_messages");

        FakeUser dai = bot.user(45, "Dai");
        RegistrationTest.registerUnlisted(bot, dai, "Llanfair Community Council", "Town or Parish Council", "Councillor", "Wales");
        assertThat(bot.store().members().findByTelegramId(45).orElseThrow().verification()).isEqualTo(Verification.PENDING);

        bot.send(staff, "/verify");
        ApiCall card = bot.awaitText(TestBot.STAFF_ID, "To check");
        assertThat(card.text()).contains("Llanfair Community Council");
        bot.tap(staff, "Approve");
        bot.awaitText(45, "staff have confirmed your organisation");
        assertThat(bot.store().members().findByTelegramId(45).orElseThrow().verification()).isEqualTo(Verification.VERIFIED);
    }
}
