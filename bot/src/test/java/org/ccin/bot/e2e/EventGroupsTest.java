package org.ccin.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ccin.bot.fakeapi.AdminRights;
import org.ccin.bot.fakeapi.ApiCall;
import org.ccin.bot.fakeapi.FakeUser;
import org.ccin.bot.fakeapi.InviteLink;
import org.ccin.store.events.Event;
import org.ccin.store.events.EventRepository;
import org.ccin.store.groups.ChatGroup;
import org.ccin.store.groups.GroupRepository;
import org.ccin.store.members.Profile;
import org.ccin.store.members.WorkRole;
import org.ccin.store.newsletters.Audience;
import org.ccin.store.outbox.OutboxRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An event's audience narrowed by the network's groups, as a newsletter's is, through the fake Bot API: the preview
 * offers the registered groups, counts and names them, and the invitations go only to the topic's subscribers in the
 * chosen groups; with every group registered the toggles are one list at a time; forged and stale toggles change
 * nothing.
 */
class EventGroupsTest {
    private static final long HEALTH_CHAT = -1001000000001L;

    @RegisterExtension
    final BotExtension bots = new BotExtension();

    private final TestBot bot = bots.bot();
    private FakeUser staff;

    @BeforeEach
    void start() {
        staff = bot.user(TestBot.STAFF_ID, "Sam");
    }

    @Test
    @DisplayName("Narrowed to one group, only the topic's subscribers in that group are invited")
    void narrowedToOneGroup() {
        long health = openHealthGroup();
        // Ada registers, subscribes to events and joins the group through the real flow
        FakeUser ada = bot.user(42, "Ada");
        RegistrationTest.register(bot, ada, "Oldham Council", "Full Member", "Councillor", "North West");
        subscribe(42, "events");
        join(ada);
        // Cai subscribes to events but is in no group; Dee is in the group but reads only the monthly newsletter
        member(44, "Cai", "wales", "events");
        member(45, "Dee", "wales", "monthly");
        bot.store().groups().memberships().joined(health, 45);

        draft("Health and care meet-up");
        bot.tap(staff, "Events and webinars");
        ApiCall preview = bot.awaitText(TestBot.STAFF_ID, "(2 members)");
        // only registered groups are offered (Food justice has no chat yet); few toggles sit under the preview
        assertThat(TestBot.buttons(preview)).contains("👥 Health and social care", "Full Member", "Wales")
                .doesNotContain("👥 Food justice", "👥 Narrow by groups");
        bot.tap(staff, "👥 Health and social care");
        ApiCall narrowed = bot.awaitText(TestBot.STAFF_ID, "(1 member)");
        assertThat(narrowed.text()).contains("Only members of these groups: Health and social care.")
                .doesNotContain("Only: ");
        assertThat(TestBot.buttons(narrowed)).contains("✓ 👥 Health and social care");
        bot.tap(staff, "Announce");
        assertThat(bot.awaitText(TestBot.STAFF_ID, "Announced to").text()).contains("Announced to 1 member");

        Event event = events().coming().get(0);
        assertThat(event.audience()).isEqualTo(new Audience("events", Set.of(health), Set.of(), Set.of()));
        assertThat(bot.awaitText(42, "New event").text()).contains("Health and care meet-up");
        // one invitation queued, Ada's: not Cai (outside the group), not Dee (not subscribed)
        assertThat(bot.store().outbox().byRef("event", event.id())).extracting(OutboxRow::chatId)
                .containsExactly(42L);
    }

    @Test
    @DisplayName("A forged or stale group toggle is answered and changes nothing")
    void forgedGroupToggles() {
        long health = openHealthGroup();
        FakeUser cai = member(44, "Cai", "wales", "events");
        bot.store().groups().memberships().joined(health, 44);
        member(45, "Dee", "wales", "events");
        long foodJustice = catalogue().byCode("food-justice").orElseThrow().id();

        draft("Webinar");
        // before the preview, a toggle has nothing to change
        bot.forge(staff, TestBot.STAFF_ID, lastMessage(TestBot.STAFF_ID), "ev:tg:" + health);
        awaitAlert("nothing was changed");
        bot.tap(staff, "Events and webinars");
        bot.awaitText(TestBot.STAFF_ID, "(2 members)");
        int preview = lastMessage(TestBot.STAFF_ID);

        // a group that does not exist, and one that is not offered (its chat is not registered)
        bot.forge(staff, TestBot.STAFF_ID, preview, "ev:tg:999999");
        awaitAlert("nothing was changed");
        bot.forge(staff, TestBot.STAFF_ID, preview, "ev:tg:" + foodJustice);
        awaitAlert("nothing was changed");
        // a member cannot toggle, whatever the data says
        bot.send(cai, "/events");
        bot.awaitText(44, "no events");
        bot.forge(cai, 44, lastMessage(44), "ev:tg:" + health);
        awaitAlert("only the network's staff");

        bot.tap(staff, "Announce");
        assertThat(bot.awaitText(TestBot.STAFF_ID, "Announced to").text()).contains("Announced to 2 members");
        assertThat(events().coming().get(0).audience().groupIds()).isEmpty();
        // after Announce there is no draft: an old toggle says so
        bot.forge(staff, TestBot.STAFF_ID, preview, "ev:tg:" + health);
        awaitAlert("no event being made");
    }

    @Test
    @DisplayName("With every group registered, the preview narrows by one list at a time, with a way back")
    void oneListAtATime() {
        // 13 groups, 5 categories and 12 regions: more toggles than fit under the preview
        registerEveryGroup();
        long leads = catalogue().byCode("policy-lab-leads").orElseThrow().id();
        member(42, "Ada", "wales", "events");
        member(44, "Cai", "london", "events");
        member(45, "Dee", "wales", "events");
        bot.store().groups().memberships().joined(leads, 42);
        bot.store().groups().memberships().joined(leads, 44);

        draft("Policy Lab leads' meet-up");
        bot.tap(staff, "Events and webinars");
        ApiCall preview = bot.awaitText(TestBot.STAFF_ID, "(3 members)");
        assertThat(TestBot.buttons(preview)).containsExactly("👥 Narrow by groups", "🏷 Narrow by categories",
                "📍 Narrow by regions", "Announce", "Throw away");

        bot.tap(staff, "👥 Narrow by groups");
        ApiCall groups = bot.awaitText(TestBot.STAFF_ID, "Only members of the groups ticked");
        assertThat(TestBot.buttons(groups)).contains("👥 Policy Lab leads", "👥 Food justice",
                "⬅️ Back to the preview")
                .doesNotContain("Full Member", "Announce");
        bot.tap(staff, "👥 Policy Lab leads");
        ApiCall ticked = bot.awaitText(TestBot.STAFF_ID, "Invited if announced now: 2 members");
        assertThat(ticked.text()).contains("Only members of the groups ticked")
                .contains("Only members of these groups: Policy Lab leads.");
        assertThat(TestBot.buttons(ticked)).contains("✓ 👥 Policy Lab leads");
        bot.tap(staff, "⬅️ Back to the preview");
        assertThat(bot.awaitText(TestBot.STAFF_ID, "Preview").text())
                .contains("Only members of these groups: Policy Lab leads.");

        bot.tap(staff, "📍 Narrow by regions");
        bot.awaitText(TestBot.STAFF_ID, "Only members in the regions ticked");
        bot.tap(staff, "Wales");
        assertThat(bot.awaitText(TestBot.STAFF_ID, "Invited if announced now: 1 member").text())
                .contains("Only members of these groups: Policy Lab leads.").contains("Only: Wales.");
        bot.tap(staff, "⬅️ Back to the preview");
        assertThat(bot.awaitText(TestBot.STAFF_ID, "Preview").text()).contains("(1 member)")
                .contains("Only members of these groups: Policy Lab leads.").contains("Only: Wales.");
        bot.tap(staff, "Announce");
        assertThat(bot.awaitText(TestBot.STAFF_ID, "Announced to").text()).contains("Announced to 1 member");
        Event event = events().coming().get(0);
        assertThat(event.audience()).isEqualTo(new Audience("events", Set.of(leads), Set.of(), Set.of("wales")));
        assertThat(bot.store().outbox().byRef("event", event.id())).extracting(OutboxRow::chatId)
                .containsExactly(42L);
    }

    @Test
    @DisplayName("In Welsh, the lists and the way back are in Welsh")
    void welsh() {
        registerEveryGroup();
        bot.store().members().recordContact(TestBot.STAFF_ID, "Sam", Optional.empty(), "cy");
        draft("Cyfarfod");
        bot.tap(staff, "Digwyddiadau a gweminarau");
        bot.awaitText(TestBot.STAFF_ID, "Rhagolwg");
        bot.tap(staff, "👥 Cyfyngu i grwpiau");
        ApiCall groups = bot.awaitText(TestBot.STAFF_ID, "Dim ond aelodau'r grwpiau a diciwyd");
        assertThat(TestBot.buttons(groups)).contains("👥 Iechyd a gofal cymdeithasol", "⬅️ Yn ôl i'r rhagolwg");
    }

    @Test
    @DisplayName("A draft saved at the preview before events were narrowed by groups carries on, and can be")
    void draftFromBefore() {
        long health = openHealthGroup();
        member(42, "Ada", "wales", "events");
        member(44, "Cai", "wales", "events");
        bot.store().groups().memberships().joined(health, 42);
        bot.send(staff, "/events");
        bot.awaitText(TestBot.STAFF_ID, "no events");
        // as the flow wrote it then: no "groups"
        bot.store().conversations().save(TestBot.STAFF_ID, TestBot.STAFF_ID, "new-event", "confirm", """
                {"title":"Older draft","description":"","startsAt":"2026-12-09T10:00:00Z",\
                "endsAt":"2026-12-09T12:00:00Z","place":"Cardiff","onlineLink":null,"capacity":null,\
                "topic":"events","categories":["full"],"regions":[]}""");

        bot.forge(staff, TestBot.STAFF_ID, lastMessage(TestBot.STAFF_ID), "ev:tg:" + health);
        assertThat(bot.awaitText(TestBot.STAFF_ID, "(1 member)").text())
                .contains("Only members of these groups: Health and social care.").contains("Only: Full Member.")
                .contains("Older draft");
        bot.tap(staff, "Announce");
        bot.awaitText(TestBot.STAFF_ID, "Announced to 1 member");
        assertThat(events().coming().get(0).audience())
                .isEqualTo(new Audience("events", Set.of(health), Set.of("full"), Set.of()));
    }

    // ------------------------------------------------------------------ helpers

    private GroupRepository catalogue() {
        return bot.store().groups().catalogue();
    }

    private EventRepository events() {
        return new EventRepository(bot.store().database(), bot.clock);
    }

    /** Staff register the health group's chat with /registergroup, as in Telegram. */
    private long openHealthGroup() {
        bot.telegram.addSupergroup(HEALTH_CHAT, "CCIN Health");
        bot.telegram.promote(HEALTH_CHAT, staff, AdminRights.all());
        bot.act(() -> bot.telegram.groupMessage(staff, HEALTH_CHAT, "/registergroup health-social-care"));
        bot.awaitReply(HEALTH_CHAT, c -> c.text().contains("This chat is now the network's group"));
        return catalogue().byCode("health-social-care").orElseThrow().id();
    }

    /** Every group of the catalogue with a chat of its own, as once the network has registered them all. */
    private void registerEveryGroup() {
        long chat = -1009000000000L;
        for (ChatGroup group : catalogue().all()) {
            catalogue().activate(group.id(), chat--);
        }
    }

    /** A registered member joins the health group: rules accepted, invite link, join request approved. */
    private void join(FakeUser user) {
        bot.send(user, "/groups");
        bot.awaitText(user.id(), "The network's groups");
        bot.tap(user, "☐ Health and social care");
        bot.awaitReply(user.id(), c -> TestBot.buttons(c).contains("☑ Health and social care"));
        bot.tap(user, "Continue (1) ›");
        bot.awaitText(user.id(), "Before you join");
        bot.tap(user, "I accept the rules");
        bot.awaitText(user.id(), "Here are your invitations");
        List<InviteLink> links = bot.telegram.inviteLinks(HEALTH_CHAT);
        String link = links.get(links.size() - 1).inviteLink();
        bot.act(() -> bot.telegram.chatJoinRequest(user, HEALTH_CHAT, link));
        bot.awaitAnswer(c -> c.is("approvechatjoinrequest") && c.ok());
        long health = catalogue().byCode("health-social-care").orElseThrow().id();
        Eventually.await(user.firstName() + " in the group", () -> bot.store().groups().memberships()
                .isIn(health, user.id()));
    }

    /** A registered member of a council in the region, subscribed to the topic. */
    private FakeUser member(long id, String name, String region, String topic) {
        FakeUser user = bot.telegram.addUser(FakeUser.of(id, name));
        bot.store().members().recordContact(id, name, Optional.empty(), "en");
        bot.store().members().saveProfile(id, new Profile(Optional.empty(), Optional.of("Oldham Council"),
                Optional.of("full"), Optional.of(WorkRole.OFFICER), Optional.of(region)));
        subscribe(id, topic);
        return user;
    }

    private void subscribe(long telegramId, String topic) {
        long memberId = bot.store().members().findByTelegramId(telegramId).orElseThrow().id();
        bot.store().newsletters().subscriptions().subscribe(memberId, topic, "test consent", "en");
    }

    /** Staff answer every question of /newevent (online, no capacity) up to "Who is it for?". */
    private void draft(String title) {
        bot.send(staff, "/newevent");
        for (String answer : List.of(title, "-", "9/12/2026 10:00", "12:00", "-", "https://meet.example.org/x", "-")) {
            bot.awaitReply(TestBot.STAFF_ID, c -> c.is("sendmessage"));
            bot.send(staff, answer);
        }
        bot.awaitReply(TestBot.STAFF_ID, c -> !TestBot.buttons(c).isEmpty());
    }

    private int lastMessage(long chatId) {
        return bot.telegram.messages(chatId).get(bot.telegram.messages(chatId).size() - 1).messageId();
    }

    private void awaitAlert(String fragment) {
        bot.awaitAnswer(c -> c.is("answercallbackquery") && c.param("text").orElse("").contains(fragment));
    }
}
