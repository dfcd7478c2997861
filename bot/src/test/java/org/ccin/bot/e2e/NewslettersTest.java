package org.ccin.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ccin.bot.fakeapi.ApiCall;
import org.ccin.bot.fakeapi.FakeMessage;
import org.ccin.bot.fakeapi.FakeUser;
import org.ccin.store.members.Member;
import org.ccin.store.members.Profile;
import org.ccin.store.members.WorkRole;
import org.ccin.store.newsletters.Newsletter;
import org.ccin.store.newsletters.NewsletterRepository;
import org.ccin.store.newsletters.NewsletterStatus;
import org.ccin.store.newsletters.Subscription;
import org.ccin.store.outbox.OutboxStatus;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Newsletters end to end: subscribing, composing, the audience, sending now or later, and delivery. */
class NewslettersTest {
    private static final String NEWS = "<b>December news</b>\nCo-operative councils meet in <i>Oldham</i> &amp; online.";

    @RegisterExtension
    final BotExtension bots = BotExtension.startedByTheTest();

    private final TestBot bot = bots.bot();
    private final FakeUser staff = bot.user(TestBot.STAFF_ID, "Sam");

    private void start(String yaml) {
        bots.start(yaml);
    }

    /** A registered member who subscribed to the topics (straight in the store: registration is tested elsewhere). */
    private FakeUser subscriber(long id, String category, String region, String... topics) {
        FakeUser user = bot.user(id, "Member" + id);
        bot.store().members().recordContact(id, user.firstName(), Optional.empty(), "en");
        Member member = bot.store().members().saveProfile(id, new Profile(Optional.empty(), Optional.of("A council"),
                Optional.of(category), Optional.of(WorkRole.OFFICER), Optional.of(region)));
        for (String topic : topics) {
            bot.store().newsletters().subscriptions().subscribe(member.id(), topic, "I agree", "en");
        }
        return user;
    }

    private List<FakeUser> subscribers(int count) {
        List<FakeUser> users = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            users.add(subscriber(1000 + i, "full", "london", "monthly"));
        }
        return users;
    }

    /** Staff write a newsletter right after /newsletter, add one link button from its card, and see the card. */
    private long compose(String html) {
        bot.send(staff, "/newsletter");
        bot.awaitText(staff.id(), "just send it to me now");
        bot.act(() -> bot.telegram.userFormattedMessage(staff, html));
        bot.awaitReply(staff.id(), c -> c.text().contains("Saved as a draft") && sendButton(c).isPresent());
        bot.tap(staff, "🔗 Link buttons");
        bot.awaitText(staff.id(), "Add link buttons");
        bot.send(staff, "CCIN website | https://www.councils.coop");
        bot.awaitReply(staff.id(), c -> c.text().contains("1 link button added") && sendButton(c).isPresent());
        return newest().id();
    }

    /** The card's first button: send to the audience it has, with how many that is. */
    private static Optional<String> sendButton(ApiCall card) {
        return TestBot.buttons(card).stream().filter(b -> b.startsWith("🚀 Send to ")).findFirst();
    }

    /** Taps the Send button of the newest card. */
    private void tapSend() {
        String label = bot.telegram.messages(staff.id()).stream().filter(FakeMessage::fromBot)
                .flatMap(m -> m.buttons().stream().flatMap(List::stream)).filter(b -> b.startsWith("🚀 Send to "))
                .reduce((first, second) -> second).orElseThrow();
        bot.tap(staff, label);
    }

    /** Staff open a newsletter of the archive from the desk: its report, up to date. */
    private void openFromDesk(String button) {
        bot.send(staff, "/newsletter");
        bot.awaitReply(staff.id(), c -> TestBot.buttons(c).contains(button));
        bot.tap(staff, button);
    }

    private Newsletter newest() {
        return bot.store().newsletters().issues().unfinished().get(0);
    }

    private Newsletter reload(long id) {
        return bot.store().newsletters().issues().find(id).orElseThrow();
    }

    private void sendNow() {
        tapSend();
        bot.awaitText(staff.id(), "🚀 Send “");
        bot.tap(staff, "✅ Yes, send now");
        bot.awaitText(staff.id(), "is going out to");
    }

    private List<FakeMessage> newslettersIn(long chatId) {
        return bot.telegram.messages(chatId).stream().filter(m -> m.fromBot() && m.text().startsWith("December news"))
                .toList();
    }

    private void awaitDelivered(long id) {
        Eventually.await("the newsletter delivered", () -> reload(id).status() == NewsletterStatus.SENT);
    }

    private ApiCall awaitAlert(String fragment) {
        return bot.awaitAnswer(c -> c.is("answercallbackquery") && c.param("text").orElse("").contains(fragment));
    }

    // ------------------------------------------------------------------ members

    @Test
    @DisplayName("Registration offers the newsletters; /subscribe records the consent's words; tapping again stops a topic")
    void subscribeWithConsent() {
        start("");
        FakeUser ada = bot.user(42, "Ada");
        RegistrationTest.register(bot, ada, "Oldham Council", "Full Member", "Officer", "North West");
        ApiCall done = bot.awaitText(42, "registered");
        assertThat(TestBot.buttons(done)).contains("📰 Choose newsletters to get");

        bot.tap(ada, "📰 Choose newsletters to get");
        ApiCall screen = bot.awaitText(42, "Newsletters");
        assertThat(screen.text()).contains("keeps a record of your choice");
        assertThat(TestBot.buttons(screen)).contains("▫️ Monthly newsletter", "▫️ Events and webinars",
                "▫️ Policy Labs", "▫️ Theme: Housing");

        bot.tap(ada, "▫️ Monthly newsletter");
        bot.awaitReply(42, c -> TestBot.buttons(c).contains("✅ Monthly newsletter"));
        bot.tap(ada, "▫️ Policy Labs");
        bot.awaitReply(42, c -> TestBot.buttons(c).contains("✅ Policy Labs"));
        long memberId = bot.store().members().findByTelegramId(42).orElseThrow().id();
        assertThat(bot.store().newsletters().subscriptions().topics(memberId)).containsExactly("monthly", "policy-labs");
        assertThat(bot.store().newsletters().subscriptions().history(memberId)).first()
                .satisfies(s -> assertThat(s.consentWording()).contains("keeps a record of your choice"));

        bot.tap(ada, "✅ Policy Labs");
        bot.awaitReply(42, c -> TestBot.buttons(c).contains("▫️ Policy Labs"));
        bot.tap(ada, "Done");
        bot.awaitText(42, "You get:");
        assertThat(bot.store().newsletters().subscriptions().topics(memberId)).containsExactly("monthly");

        bot.send(ada, "/unsubscribe");
        bot.awaitText(42, "won't get any more newsletters");
        assertThat(bot.store().newsletters().subscriptions().topics(memberId)).isEmpty();
        assertThat(bot.store().newsletters().subscriptions().history(memberId)).extracting(Subscription::endedHow)
                .containsOnly(Optional.of("command"));
        bot.send(ada, "/unsubscribe");
        bot.awaitText(42, "weren't getting any newsletters");
    }

    @Test
    @DisplayName("Someone not registered is asked to register before subscribing")
    void subscribeNeedsRegistration() {
        start("");
        FakeUser bo = bot.user(43, "Bo");
        bot.send(bo, "/subscribe");
        bot.awaitText(43, "/start");
        bot.forge(bo, 43, 1, "nls:t:monthly");
        awaitAlert("register first");
        assertThat(bot.store().members().findByTelegramId(43).map(m -> bot.store().newsletters().subscriptions()
                .topics(m.id())).orElse(java.util.Set.of())).isEmpty();
    }

    // ------------------------------------------------------------------ staff

    @Test
    @DisplayName("Compose → link buttons → audience → preview → confirm → delivered to the topic's subscribers, once")
    void composeAndSend() {
        start("");
        FakeUser one = subscriber(1, "full", "london", "monthly");
        FakeUser two = subscriber(2, "associate", "wales", "monthly");
        FakeUser three = subscriber(3, "full", "wales", "monthly", "events");
        FakeUser eventsOnly = subscriber(4, "full", "london", "events");

        long id = compose(NEWS);
        Newsletter draft = reload(id);
        assertThat(draft.content().body()).isEqualTo(NEWS);
        assertThat(draft.content().title()).isEqualTo("December news");
        assertThat(draft.audience().topic()).isEqualTo("monthly");

        bot.tap(staff, "👁 Preview");
        ApiCall preview = bot.awaitReply(staff.id(), c -> c.text().contains("<b>December news</b>"));
        assertThat(TestBot.buttons(preview)).containsExactly("CCIN website", "👍 Useful", "🔕 Stop: Monthly newsletter",
                "🔕 Stop all newsletters");
        bot.awaitReply(staff.id(), c -> sendButton(c).equals(Optional.of("🚀 Send to Monthly newsletter (3 people)")));
        assertThat(bot.store().outbox().byRef(NewsletterRepository.KIND, id)).isEmpty();

        tapSend();
        String yes = bot.awaitText(staff.id(), "Send “December news” to <b>3</b> people now?")
                .callbackData("✅ Yes, send now");
        bot.tap(staff, "✅ Yes, send now");
        bot.awaitText(staff.id(), "is going out to 3 people");
        awaitDelivered(id);
        for (FakeUser member : List.of(one, two, three)) {
            Eventually.await("the newsletter in " + member.firstName() + "'s chat", () -> newslettersIn(member.id()).size() == 1);
        }
        FakeMessage received = newslettersIn(one.id()).get(0);
        assertThat(received.json().path("entities").toString()).contains("bold").contains("italic");
        assertThat(received.buttons()).hasSize(3);
        assertThat(newslettersIn(eventsOnly.id())).isEmpty();
        bot.telegram.awaitCall(c -> c.chatId() == staff.id() && c.text().contains("Delivered."), TestBot.WAIT);
        assertThat(bot.telegram.calls("sendmessage").stream().filter(c -> c.text().contains("Delivered."))).hasSize(1);

        // a second tap on "Yes, send now" (a double tap) starts nothing again: its one-time id is used
        bot.forge(staff, staff.id(), 1, yes);
        awaitAlert("out of date or was used already");
        assertThat(bot.store().outbox().byRef(NewsletterRepository.KIND, id)).hasSize(3);
        assertThat(newslettersIn(one.id())).hasSize(1);

        // it is in the archive for everyone
        bot.send(eventsOnly, "/newsletters");
        bot.awaitReply(eventsOnly.id(), c -> TestBot.buttons(c).stream().anyMatch(b -> b.endsWith("December news")));
        String button = TestBot.buttons(bot.awaitReply(eventsOnly.id(), c -> c.text().contains("Past newsletters")))
                .get(0);
        bot.tap(eventsOnly, button);
        Eventually.await("the archived issue shown", () -> newslettersIn(eventsOnly.id()).size() == 1);
    }

    @Test
    @DisplayName("The common case takes four inputs: /newsletter, the text, Send to the default audience, Yes")
    void fourInputs() {
        start("");
        FakeUser one = subscriber(1, "full", "london", "monthly");
        FakeUser two = subscriber(2, "full", "wales", "monthly");

        bot.send(staff, "/newsletter");                                               // 1
        bot.awaitText(staff.id(), "just send it to me now");
        bot.act(() -> bot.telegram.userFormattedMessage(staff, NEWS));               // 2
        ApiCall card = bot.awaitReply(staff.id(), c -> sendButton(c).isPresent());
        // one message: saved, and the card with what can be done next; link buttons, audience and time one tap away
        assertThat(card.text()).contains("Saved as a draft").contains("December news");
        assertThat(TestBot.buttons(card)).contains("🔗 Link buttons", "🎯 Audience", "🕘 Schedule");
        assertThat(sendButton(card)).contains("🚀 Send to Monthly newsletter (2 people)");
        assertThat(bot.telegram.calls("sendmessage").stream().filter(c -> c.chatId() == staff.id()
                && c.text().startsWith("📝 Saved as a draft."))).hasSize(1);
        tapSend();                                                                     // 3
        bot.awaitText(staff.id(), "Send “December news” to <b>2</b> people now?");
        bot.tap(staff, "✅ Yes, send now");                                            // 4
        long id = newest().id();
        awaitDelivered(id);
        for (FakeUser member : List.of(one, two)) {
            Eventually.await("delivered to " + member.firstName(), () -> newslettersIn(member.id()).size() == 1);
        }
    }

    @Test
    @DisplayName("A draft's text can be changed before sending; the network's channel gets a copy without member buttons")
    void changeTextAndChannelCopy() {
        start("newsletters:\n  channelId: -100500\n");
        bot.telegram.addSupergroup(-100500, "CCIN news");
        FakeUser one = subscriber(1, "full", "london", "monthly");
        long id = compose("<b>Draft news</b> with a typo");
        bot.tap(staff, "✏️ Change text");
        bot.awaitText(staff.id(), "Send me the newsletter");
        bot.act(() -> bot.telegram.userFormattedMessage(staff, NEWS));
        bot.awaitText(staff.id(), "The text is changed.");
        assertThat(reload(id).content().body()).isEqualTo(NEWS);
        assertThat(reload(id).content().buttons()).hasSize(1);
        sendNow();
        awaitDelivered(id);
        Eventually.await("the member's copy", () -> newslettersIn(one.id()).size() == 1);
        Eventually.await("the channel's copy", () -> newslettersIn(-100500).size() == 1);
        assertThat(newslettersIn(-100500).get(0).buttons()).containsExactly(List.of("CCIN website"));
    }

    @Test
    @DisplayName("The audience narrows by topic, category and region, and the count follows")
    void audience() {
        start("");
        subscriber(1, "full", "london", "monthly");
        subscriber(2, "associate", "wales", "monthly");
        subscriber(3, "full", "wales", "monthly", "events");
        long id = compose(NEWS);

        bot.tap(staff, "🎯 Audience");
        bot.awaitText(staff.id(), "That is <b>3</b> people now");
        bot.tap(staff, "⚪ Events and webinars");
        bot.awaitText(staff.id(), "That is <b>1</b> person now");
        bot.tap(staff, "⚪ Monthly newsletter");
        bot.awaitText(staff.id(), "That is <b>3</b> people now");
        bot.tap(staff, "🏷 Categories");
        bot.awaitText(staff.id(), "Only members of the categories");
        bot.tap(staff, "▫️ Full Member");
        bot.awaitText(staff.id(), "That is <b>2</b> people now");
        bot.tap(staff, "⬅️ Back");
        bot.awaitReply(staff.id(), c -> TestBot.buttons(c).contains("📍 Regions"));
        bot.tap(staff, "📍 Regions");
        bot.awaitText(staff.id(), "Only members in the regions");
        bot.tap(staff, "▫️ Wales");
        bot.awaitText(staff.id(), "That is <b>1</b> person now");
        assertThat(reload(id).audience().categories()).containsExactly("full");
        assertThat(reload(id).audience().regions()).containsExactly("wales");

        bot.tap(staff, "⬅️ Back");
        bot.awaitReply(staff.id(), c -> TestBot.buttons(c).contains("✅ Done"));
        bot.tap(staff, "✅ Done");
        bot.awaitReply(staff.id(), c -> sendButton(c).equals(Optional.of("🚀 Send to Monthly newsletter (1 person)")));
        sendNow();
        awaitDelivered(id);
        assertThat(bot.store().outbox().byRef(NewsletterRepository.KIND, id)).singleElement()
                .satisfies(row -> assertThat(row.chatId()).isEqualTo(3));
    }

    @Test
    @DisplayName("Too long a text or caption is refused at compose time with the reason; a photo with a caption works")
    void composeLimits() {
        start("");
        subscriber(1, "full", "london", "monthly");
        bot.send(staff, "/newsletter");
        bot.awaitReply(staff.id(), c -> TestBot.buttons(c).contains("✍️ New newsletter"));
        bot.tap(staff, "✍️ New newsletter");
        bot.awaitText(staff.id(), "Send me the newsletter");
        bot.act(() -> bot.telegram.userFormattedMessage(staff, "x".repeat(4097)));
        bot.awaitText(staff.id(), "That text has 4097 characters; Telegram takes at most 4096");
        bot.act(() -> bot.telegram.userPhoto(staff, "<b>Policy Lab</b> " + "y".repeat(1020)));
        bot.awaitText(staff.id(), "That caption has 1031 characters; Telegram takes at most 1024");
        assertThat(bot.store().newsletters().issues().unfinished()).isEmpty();

        bot.act(() -> bot.telegram.userPhoto(staff, "<b>Policy Lab</b> round 3 is open"));
        bot.awaitText(staff.id(), "Photo with caption, 0 link buttons");
        bot.tap(staff, "🔗 Link buttons");
        bot.awaitText(staff.id(), "Add link buttons");
        bot.send(staff, "no address here");
        bot.awaitText(staff.id(), "I couldn't read this line");
        bot.send(staff, "Apply | javascript:alert(1)");
        bot.awaitText(staff.id(), "is not a web address");
        bot.tap(staff, "No link buttons");
        bot.awaitText(staff.id(), "Photo with caption, 0 link buttons");
        long id = newest().id();
        sendNow();
        awaitDelivered(id);
        Eventually.await("the photo sent", () -> bot.telegram.messages(1).stream()
                .anyMatch(m -> m.fromBot() && m.json().has("photo") && m.text().startsWith("Policy Lab round 3")));
    }

    @Test
    @DisplayName("A scheduled newsletter goes out at its time (injected clock); one taken back does not")
    void scheduled() {
        start("");
        FakeUser one = subscriber(1, "full", "london", "monthly");
        long id = compose(NEWS);
        bot.tap(staff, "🕘 Schedule");
        bot.awaitText(staff.id(), "When should it go out?");
        bot.send(staff, "tomorrow");
        bot.awaitText(staff.id(), "couldn't read that time");
        bot.send(staff, "2026-11-20 09:00");
        bot.awaitText(staff.id(), "That time has passed");
        bot.send(staff, "2026-11-26 09:00");
        bot.awaitText(staff.id(), "on Thursday 26 November 2026, 09:00");
        bot.tap(staff, "✅ Yes, schedule it");
        bot.awaitText(staff.id(), "Scheduled for Thursday 26 November 2026, 09:00");
        assertThat(reload(id).status()).isEqualTo(NewsletterStatus.SCHEDULED);

        bot.runRoutine("newsletters");
        assertThat(bot.store().outbox().byRef(NewsletterRepository.KIND, id)).isEmpty();
        bot.clock.set(Instant.parse("2026-11-26T09:00:00Z"));
        bot.runRoutine("newsletters");
        awaitDelivered(id);
        Eventually.await("delivered", () -> newslettersIn(one.id()).size() == 1);

        // a second one, scheduled and taken back, never goes out
        long second = compose(NEWS);
        bot.tap(staff, "🕘 Schedule");
        bot.awaitText(staff.id(), "When should it go out?");
        bot.send(staff, "2026-11-27 09:00");
        bot.awaitText(staff.id(), "on Friday 27 November 2026, 09:00");
        bot.tap(staff, "✅ Yes, schedule it");
        bot.awaitText(staff.id(), "Scheduled for");
        bot.tap(staff, "↩️ Cancel the schedule");
        bot.awaitText(staff.id(), "Not scheduled any more");
        bot.clock.set(Instant.parse("2026-11-28T09:00:00Z"));
        bot.runRoutine("newsletters");
        assertThat(bot.store().outbox().byRef(NewsletterRepository.KIND, second)).isEmpty();
        assertThat(reload(second).status()).isEqualTo(NewsletterStatus.DRAFT);
    }

    @Test
    @DisplayName("Pause holds the rest, resume sends it; an interactive reply overtakes the running broadcast")
    void pauseResumeAndInteractiveFirst() {
        start("sending:\n  globalPerSecond: 5\n  privateChatPerSecond: 50\n");
        List<FakeUser> members = subscribers(30);
        long id = compose(NEWS);
        sendNow();

        // a member asks something while the broadcast runs: the answer comes before the broadcast ends
        FakeUser asking = members.get(29);
        bot.send(asking, "/help");
        bot.awaitText(asking.id(), "Here is what I can do for you.");
        assertThat(reload(id).status()).isEqualTo(NewsletterStatus.SENDING);
        assertThat(newslettersIn(asking.id())).isEmpty();

        bot.tap(staff, "⏸ Pause");
        bot.awaitText(staff.id(), "Paused.");
        assertThat(reload(id).status()).isEqualTo(NewsletterStatus.PAUSED);
        Eventually.await("nothing left under way", () -> !bot.store().outbox().counts(NewsletterRepository.KIND, id)
                .containsKey(OutboxStatus.SENDING));
        Map<OutboxStatus, Integer> paused = bot.store().outbox().counts(NewsletterRepository.KIND, id);
        assertThat(paused.getOrDefault(OutboxStatus.HELD, 0)).isPositive();
        assertThat(paused.getOrDefault(OutboxStatus.PENDING, 0)).isZero();

        bot.tap(staff, "▶️ Resume");
        bot.awaitText(staff.id(), "Going out again.");
        awaitDelivered(id);
        for (FakeUser member : members) {
            assertThat(newslettersIn(member.id())).as(member.firstName()).hasSize(1);
        }
    }

    @Test
    @DisplayName("Cancel stops a running newsletter for good; the report counts what was not sent")
    void cancelRunning() {
        start("sending:\n  globalPerSecond: 5\n  privateChatPerSecond: 50\n");
        subscribers(20);
        long id = compose(NEWS);
        sendNow();
        bot.tap(staff, "✖ Cancel");
        bot.awaitText(staff.id(), "Stop “December news” for good?");
        bot.tap(staff, "✖ Yes, stop it");
        bot.awaitText(staff.id(), "Stopped for good.");
        assertThat(reload(id).status()).isEqualTo(NewsletterStatus.CANCELLED);
        Eventually.await("nothing left under way", () -> !bot.store().outbox().counts(NewsletterRepository.KIND, id)
                .containsKey(OutboxStatus.SENDING));
        Map<OutboxStatus, Integer> counts = bot.store().outbox().counts(NewsletterRepository.KIND, id);
        assertThat(counts.getOrDefault(OutboxStatus.CANCELLED, 0)).isPositive();
        assertThat(counts.getOrDefault(OutboxStatus.SENT, 0) + counts.get(OutboxStatus.CANCELLED)).isEqualTo(20);
        // the report says what was not sent; its figures no longer change, so it offers no Refresh
        ApiCall report = bot.awaitReply(staff.id(), c -> c.text().contains("Stopped for good.")
                && c.text().contains("not sent (cancelled)"));
        assertThat(TestBot.buttons(report)).doesNotContain("🔄 Refresh");
    }

    @Test
    @DisplayName("429 waits and retries, 5xx retries, 403 marks the member unreachable; the report adds up")
    void deliveryFaults() {
        start("");
        FakeUser one = subscriber(1, "full", "london", "monthly");
        FakeUser limited = subscriber(2, "full", "london", "monthly");
        FakeUser flaky = subscriber(3, "full", "london", "monthly");
        FakeUser blocker = subscriber(4, "full", "london", "monthly");
        bot.telegram.failNext("sendmessage", limited.id(), 1, 429, "Too Many Requests: retry after 1", 1);
        bot.telegram.failNext("sendmessage", flaky.id(), 2, 502, "Bad Gateway", 0);
        bot.telegram.block(blocker.id());
        long id = compose(NEWS);
        sendNow();
        awaitDelivered(id);

        for (FakeUser member : List.of(one, limited, flaky)) {
            assertThat(newslettersIn(member.id())).as(member.firstName()).hasSize(1);
        }
        Map<OutboxStatus, Integer> counts = bot.store().outbox().counts(NewsletterRepository.KIND, id);
        assertThat(counts).containsEntry(OutboxStatus.SENT, 3).containsEntry(OutboxStatus.BLOCKED, 1);
        assertThat(bot.store().members().isUnreachable(blocker.id())).isTrue();
        ApiCall report = bot.telegram.awaitCall(c -> c.chatId() == staff.id() && c.text().contains("Delivered."),
                TestBot.WAIT);
        assertThat(report.text()).contains("4 recipients · ✅ 3 delivered · ⏳ 0 pending · ⛔ 1 blocked the bot · ❌ 0 failed");
        // no longer counted as a reachable subscriber
        assertThat(bot.store().newsletters().subscriptions().reachableCounts()).containsEntry("monthly", 3);
    }

    @Test
    @DisplayName("Unsubscribe under a newsletter works in one tap, for its topic or for all; taps are counted once")
    void readerButtons() {
        start("");
        FakeUser one = subscriber(1, "full", "london", "monthly", "events");
        FakeUser two = subscriber(2, "full", "london", "monthly", "events");
        long id = compose(NEWS);
        sendNow();
        awaitDelivered(id);
        Eventually.await("both got it", () -> newslettersIn(one.id()).size() == 1 && newslettersIn(two.id()).size() == 1);

        bot.tap(one, "👍 Useful");
        awaitAlert("Thank you!");
        bot.tap(one, "👍 Useful");
        awaitAlert("Thank you!");
        bot.tap(one, "🔕 Stop: Monthly newsletter");
        awaitAlert("You won't get more newsletters on “Monthly newsletter”");
        bot.tap(two, "🔕 Stop all newsletters");
        awaitAlert("You won't get any more newsletters");

        long oneId = bot.store().members().findByTelegramId(one.id()).orElseThrow().id();
        long twoId = bot.store().members().findByTelegramId(two.id()).orElseThrow().id();
        assertThat(bot.store().newsletters().subscriptions().topics(oneId)).containsExactly("events");
        assertThat(bot.store().newsletters().subscriptions().topics(twoId)).isEmpty();
        assertThat(bot.store().newsletters().issues().taps(id)).containsEntry("useful", 1)
                .containsEntry("unsubscribe", 1).containsEntry("unsubscribe-all", 1);
        openFromDesk("📬 December news");
        bot.awaitReply(staff.id(), c -> c.text().contains("👍 1 found it useful · 🔕 2 unsubscribed from it")
                && !TestBot.buttons(c).contains("🔄 Refresh"));
    }

    @Test
    @DisplayName("Only staff compose, preview or send: the command and forged buttons are refused and change nothing")
    void onlyStaff() {
        start("");
        FakeUser member = subscriber(1, "full", "london", "monthly");
        long id = compose(NEWS);

        bot.send(member, "/newsletter");
        bot.awaitText(member.id(), "only the network's staff");
        for (String data : List.of("nl:go:" + id, "nl:pv:" + id, "nl:new", "nl:tp:" + id + ":events",
                "nl:sco:" + id + ":1900000000", "nl:dly:" + id)) {
            bot.forge(member, member.id(), 1, data);
            awaitAlert("Only the network's staff can do that.");
        }
        // nor can a member open a draft from the archive's buttons
        bot.forge(member, member.id(), 1, "nla:o:" + id);
        awaitAlert("can't be shown");
        bot.forge(member, member.id(), 1, "nlr:u:" + id);
        awaitAlert("can't be shown");

        Newsletter after = reload(id);
        assertThat(after.status()).isEqualTo(NewsletterStatus.DRAFT);
        assertThat(after.audience().topic()).isEqualTo("monthly");
        assertThat(bot.store().outbox().byRef(NewsletterRepository.KIND, id)).isEmpty();
        assertThat(newslettersIn(member.id())).isEmpty();
    }
}
