package org.ccin.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ccin.bot.fakeapi.ApiCall;
import org.ccin.bot.fakeapi.FakeUser;
import org.ccin.store.events.Event;
import org.ccin.store.events.EventRepository;
import org.ccin.store.members.Profile;
import org.ccin.store.members.WorkRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Events from creation to attendance, through the fake Bot API: staff make one in chat, members subscribed to events
 * are invited and answer, the .ics and the feed are parsed back, reminders and the link come once each (also after
 * a restart), staff record attendance and the dashboard counts it; rights, forged buttons and bad input change
 * nothing.
 */
class EventsJourneyTest {
    /** The test clock stands at Wednesday 25 November 2026, 12:00 UTC; the event is a week later, 18:00 to 20:00. */
    private static final Instant START = Instant.parse("2026-12-02T18:00:00Z");

    @RegisterExtension
    final BotExtension bots = new BotExtension();

    private final TestBot bot = bots.bot();
    private FakeUser staff;
    private FakeUser ada;
    private FakeUser bryn;
    private FakeUser cai;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        staff = bot.user(TestBot.STAFF_ID, "Sam");
        ada = member(42, "Ada", "en", "Oldham Council");
        bryn = member(43, "Bryn", "cy", "Cardiff Council");
        cai = member(44, "Cai", "en", "Oldham Council");
    }

    private FakeUser member(long id, String name, String language, String council) {
        FakeUser user = bot.telegram.addUser(FakeUser.of(id, name).withLanguage(language));
        bot.store().members().recordContact(id, name, Optional.empty(), language);
        long memberId = bot.store().members().saveProfile(id, new Profile(Optional.empty(), Optional.of(council),
                Optional.of("full"), Optional.of(WorkRole.OFFICER), Optional.of("wales"))).id();
        bot.store().newsletters().subscriptions().subscribe(memberId, "events", "test consent", language);
        return user;
    }

    private EventRepository events() {
        return new EventRepository(bot.store().database(), bot.clock);
    }

    /** Staff make the event in chat, with a capacity of two, and announce it to the events subscribers. */
    private long makeEvent() {
        bot.send(staff, "/newevent");
        bot.awaitText(TestBot.STAFF_ID, "What is its title?");
        bot.send(staff, "Policy Lab showcase");
        bot.awaitText(TestBot.STAFF_ID, "What is it about?");
        bot.send(staff, "Three labs show what they learnt.");
        bot.awaitText(TestBot.STAFF_ID, "When does it start?");
        bot.send(staff, "2/12/2026 18:00");
        bot.awaitText(TestBot.STAFF_ID, "When does it end?");
        bot.send(staff, "20:00");
        bot.awaitText(TestBot.STAFF_ID, "Where is it?");
        bot.send(staff, "-");
        bot.awaitText(TestBot.STAFF_ID, "What is the online link?");
        bot.send(staff, "https://meet.example.org/showcase");
        bot.awaitText(TestBot.STAFF_ID, "How many places");
        bot.send(staff, "2");
        bot.awaitText(TestBot.STAFF_ID, "Who is it for?");
        bot.tap(staff, "Events and webinars");
        assertThat(bot.awaitText(TestBot.STAFF_ID, "Preview").text()).contains("(3 members)")
                .contains("2 places left of 2");
        bot.tap(staff, "Announce");
        assertThat(bot.awaitText(TestBot.STAFF_ID, "Announced to").text()).contains("Announced to 3 members");
        return events().coming().get(0).id();
    }

    private ApiCall awaitCallback(String fragment) {
        return bot.awaitAnswer(c -> c.is("answercallbackquery") && c.param("text").orElse("").contains(fragment));
    }

    @Test
    @DisplayName("From creation to attendance: invite, answers with capacity, .ics and feed, reminders once, tap list, dashboard")
    void creationToAttendance() throws Exception {
        long id = makeEvent();
        Event event = events().find(id).orElseThrow();
        assertThat(event.startsAt()).isEqualTo(START);
        assertThat(event.endsAt()).isEqualTo(START.plus(Duration.ofHours(2)));
        assertThat(event.capacity()).contains(2);

        // invited, each in their language
        assertThat(bot.awaitText(42, "New event").text()).contains("Policy Lab showcase")
                .contains("Wednesday 2 December 2026, 18:00 – 20:00").doesNotContain("meet.example.org");
        assertThat(bot.awaitText(43, "Digwyddiad newydd").text()).contains("Dydd Mercher 2 Rhagfyr 2026");
        bot.awaitText(44, "New event");

        // answers: two places, the third Going is refused, a change of mind frees a place
        bot.tap(ada, "Going");
        assertThat(bot.awaitText(42, "Your answer").text()).contains("Your answer: Going").contains("1 place left of 2");
        bot.tap(bryn, "Dod");
        awaitCallback("Rydych chi'n dod");
        bot.tap(cai, "Going");
        awaitCallback("every place is taken");
        bot.tap(cai, "Maybe");
        awaitCallback("Noted as maybe");
        // the card is edited after the tap is answered: wait for it, or it could be taken for the next answer's
        bot.awaitText(44, "Your answer: Maybe");
        bot.tap(ada, "Can't come");
        awaitCallback("you can't come");
        bot.tap(cai, "Going");
        assertThat(bot.awaitText(44, "Your answer").text()).contains("Your answer: Going").contains("0 places left");

        // /events shows one's own answer
        bot.send(ada, "/events");
        assertThat(bot.awaitText(42, "Coming events").text()).contains("Your answer: Can't come");

        // the .ics as a document, parsed back
        bot.tap(cai, "📅 Add to calendar (.ics)");
        ApiCall document = bot.awaitAnswer(c -> c.is("senddocument") && c.chatId() == 44);
        VEvent sent = onlyEvent(document.uploads().get(0).text());
        assertThat(sent.getSummary().getValue()).isEqualTo("Policy Lab showcase");
        assertThat(sent.getDateStart().getValue().toInstant()).isEqualTo(START);
        assertThat(sent.getDateEnd().getValue().toInstant()).isEqualTo(START.plus(Duration.ofHours(2)));
        assertThat(sent.getUid().getValue()).isEqualTo("event-" + id + "@ccin-bot");
        assertThat(document.uploads().get(0).text()).doesNotContain("meet.example.org");

        // the same over HTTP
        HttpResponse<String> file = get("/events/" + id + ".ics", "");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
        assertThat(onlyEvent(file.body()).getSummary().getValue()).isEqualTo("Policy Lab showcase");
        assertThat(get("/events/999.ics", "").statusCode()).isEqualTo(404);

        // each member's feed: the coming events, without those they cannot come to
        assertThat(feedOf(cai)).extracting(e -> e.getSummary().getValue()).containsExactly("Policy Lab showcase");
        assertThat(feedOf(ada)).isEmpty();
        assertThat(get("/calendar/AAAAAAAAAAAAAAAAAAAAAAAA.ics", "").statusCode()).isEqualTo(404);

        // the day before, an hour before, and the link: to those going, once each, also after a restart
        bot.clock.set(START.minus(Duration.ofHours(23)));
        bot.runRoutine("event-reminders");
        bot.awaitText(44, "Reminder: <b>Policy Lab showcase</b> is coming up");
        bot.runRoutine("event-reminders");
        bot.clock.set(START.minus(Duration.ofMinutes(50)));
        bot.runRoutine("event-reminders");
        bot.awaitText(43, "o fewn yr awr");
        bot.clock.set(START.minus(Duration.ofMinutes(10)));
        bot.restart();
        bot.runRoutine("event-reminders");
        ApiCall link = bot.awaitText(44, "Join here");
        assertThat(link.text()).contains("https://meet.example.org/showcase").contains("starts at 18:00");
        assertThat(TestBot.buttons(link)).containsExactly("Join online");
        Eventually.await("the link to Bryn", () -> !texts(43, "Ymunwch yma").isEmpty());
        assertThat(texts(44, "is coming up")).hasSize(1);
        assertThat(texts(44, "starts within the hour")).hasSize(1);
        assertThat(texts(44, "Join here")).hasSize(1);
        assertThat(texts(42, "is coming up")).isEmpty();
        assertThat(texts(42, "Join here")).isEmpty();

        // afterwards staff record who came
        bot.clock.set(START.plus(Duration.ofHours(3)));
        bot.send(staff, "/attendance");
        bot.awaitText(TestBot.STAFF_ID, "Which event's attendance");
        bot.tap(staff, "2 Dec, 18:00 · Policy Lab showcase");
        ApiCall list = bot.awaitText(TestBot.STAFF_ID, "tap each person who came");
        assertThat(TestBot.buttons(list)).containsExactly("▫️ Bryn · Going", "▫️ Cai · Going", "▫️ Ada · Can't come",
                "« Back");
        bot.tap(staff, "▫️ Cai · Going");
        assertThat(TestBot.buttons(bot.awaitText(TestBot.STAFF_ID, "(1 of 3 marked)"))).contains("✅ Cai · Going");
        assertThat(bot.store().auditLog().recent(5)).extracting(e -> e.action())
                .contains("event.announced", "event.attendance");

        // the dashboard counts invitations, answers and attendance, per event and per council
        String cookie = bot.dashboardCookie(staff);
        HttpResponse<String> page = get("/dashboard/events", cookie);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(cells(page.body(), "per-event")).contains(List.of("Policy Lab showcase", "2 Dec, 18:00", "3", "2",
                "0", "1", "1"));
        assertThat(cells(page.body(), "per-council")).contains(List.of("Oldham Council", "2", "1", "0", "1", "1"),
                List.of("Cardiff Council", "1", "1", "0", "0", "0"));
        assertThat(get("/dashboard/events", "").statusCode()).isEqualTo(401);
        // the dashboard's header links the events page, which the events feature declared as a staff page
        assertThat(get("/dashboard?lang=cy", cookie).body())
                .contains("id=\"events-link\" href=\"/dashboard/events?lang=cy\"");
        assertThat(get("/dashboard/events?lang=cy", cookie).body()).contains("Fesul cyngor sy'n aelod");
    }

    @Test
    @DisplayName("Only staff make events, record attendance and cancel; forged buttons change nothing")
    void rightsAndForgedButtons() {
        long id = makeEvent();
        long adaMember = bot.store().members().findByTelegramId(42).orElseThrow().id();
        bot.awaitText(42, "New event");
        bot.tap(ada, "Going");
        bot.awaitText(42, "Your answer: Going");
        int message = bot.telegram.messages(42).get(bot.telegram.messages(42).size() - 1).messageId();

        // a member: no /newevent, no /attendance, no staff buttons
        bot.send(ada, "/newevent");
        bot.awaitText(42, "only the network's staff");
        bot.send(ada, "/attendance");
        bot.awaitText(42, "only the network's staff");
        bot.clock.set(START.plus(Duration.ofHours(3)));
        bot.forge(ada, 42, message, "ev:am:" + id + ":" + adaMember);
        awaitCallback("only the network's staff");
        bot.forge(ada, 42, message, "ev:x:" + id);
        awaitCallback("only the network's staff");
        bot.forge(ada, 42, message, "ev:go");
        awaitCallback("only the network's staff");
        assertThat(new org.ccin.store.events.ReplyRepository(bot.store().database(), bot.clock).repliers(id))
                .allSatisfy(r -> assertThat(r.attended()).isFalse());

        // nonsense and unknown events
        bot.forge(ada, 42, message, "ev:a:" + id + ":SURELY");
        awaitCallback("can't do anything with that button");
        bot.forge(ada, 42, message, "ev:a:99999:GOING");
        awaitCallback("over or cancelled");

        // someone not registered cannot answer
        FakeUser visitor = bot.user(77, "Vic");
        bot.forge(visitor, 77, message, "ev:a:" + id + ":GOING");
        awaitCallback("register first");

        // staff: a forged cancel without the question's one-time id cancels nothing; the real one works once
        bot.clock.set(START.minus(Duration.ofDays(1)));
        bot.forge(staff, TestBot.STAFF_ID, message, "ev:xy:" + id + ":AAAAAAAAAAAAAAAA");
        awaitCallback("out of date");
        assertThat(events().find(id).orElseThrow().isCancelled()).isFalse();
        bot.tap(staff, "Cancel event");
        assertThat(bot.awaitText(TestBot.STAFF_ID, "Cancel <b>Policy Lab showcase</b>?").text())
                .contains("The 1 member going is told");
        bot.tap(staff, "Yes, cancel it");
        bot.awaitText(TestBot.STAFF_ID, "is cancelled");
        assertThat(events().find(id).orElseThrow().isCancelled()).isTrue();
        bot.awaitText(42, "❌ <b>Policy Lab showcase</b>");
        assertThat(events().coming()).isEmpty();
        bot.forge(ada, 42, message, "ev:a:" + id + ":MAYBE");
        awaitCallback("over or cancelled");
    }

    @Test
    @DisplayName("A lead, a moderator, a member and a visitor cannot make events, record attendance or cancel")
    void everyRoleButStaffIsRefused() {
        long id = makeEvent();
        bot.store().database().jdbi().useHandle(h -> {
            h.execute("INSERT INTO lead_links (action_id, lead_name, member_id, how, linked_at, updated_at) "
                    + "SELECT (SELECT min(id) FROM actions), 'Cai', m.id, 'PICKED', 0, 0 FROM members m "
                    + "WHERE m.telegram_user_id = 44");
            h.execute("INSERT INTO group_moderators (group_id, telegram_user_id) SELECT min(id), 43 FROM chat_groups");
        });
        bot.send(cai, "/whoami");
        bot.awaitText(44, "Action lead");
        bot.send(bryn, "/whoami");
        bot.awaitText(43, "Cymedrolwr");
        FakeUser visitor = bot.user(77, "Vic");
        long caiMember = bot.store().members().findByTelegramId(44).orElseThrow().id();
        bot.clock.set(START.minus(Duration.ofMinutes(30)));

        for (FakeUser person : List.of(cai, bryn, ada, visitor)) {
            bot.send(person, "/newevent");
            bot.awaitReply(person.id(), c -> c.text().contains("staff"));
            bot.send(person, "/attendance");
            bot.awaitReply(person.id(), c -> c.text().contains("staff"));
            int message = bot.telegram.messages(person.id()).get(bot.telegram.messages(person.id()).size() - 1)
                    .messageId();
            bot.forge(person, person.id(), message, "ev:at:" + id);
            bot.awaitAnswer(c -> c.is("answercallbackquery") && c.param("text").orElse("").contains("staff"));
            bot.forge(person, person.id(), message, "ev:am:" + id + ":" + caiMember);
            bot.awaitAnswer(c -> c.is("answercallbackquery") && c.param("text").orElse("").contains("staff"));
            bot.forge(person, person.id(), message, "ev:x:" + id);
            bot.awaitAnswer(c -> c.is("answercallbackquery") && c.param("text").orElse("").contains("staff"));
        }
        assertThat(events().find(id).orElseThrow().isCancelled()).isFalse();
        assertThat(events().coming()).hasSize(1);
    }

    @Test
    @DisplayName("Bad input while making an event is explained and asked again; throwing it away stores nothing")
    void badInput() {
        bot.send(staff, "/newevent");
        bot.awaitText(TestBot.STAFF_ID, "What is its title?");
        bot.send(staff, "x".repeat(200));
        bot.awaitText(TestBot.STAFF_ID, "under 120 characters");
        bot.send(staff, "Webinar");
        bot.awaitText(TestBot.STAFF_ID, "What is it about?");
        bot.send(staff, "-");
        bot.awaitText(TestBot.STAFF_ID, "When does it start?");
        bot.send(staff, "next Tuesday");
        bot.awaitText(TestBot.STAFF_ID, "couldn't read that date");
        bot.send(staff, "31/2/2027 10:00");
        bot.awaitText(TestBot.STAFF_ID, "couldn't read that date");
        bot.send(staff, "1/11/2026 10:00");
        bot.awaitText(TestBot.STAFF_ID, "That time has passed");
        bot.send(staff, "2026-12-09 10:00");
        bot.awaitText(TestBot.STAFF_ID, "When does it end?");
        bot.send(staff, "09:30");
        bot.awaitText(TestBot.STAFF_ID, "must end after it starts");
        bot.send(staff, "11:00");
        bot.awaitText(TestBot.STAFF_ID, "Where is it?");
        bot.send(staff, "-");
        bot.awaitText(TestBot.STAFF_ID, "online link");
        bot.send(staff, "ftp://files.example.org");
        bot.awaitText(TestBot.STAFF_ID, "isn't a web address");
        bot.send(staff, "-");
        bot.awaitText(TestBot.STAFF_ID, "needs a place or an online link");
        bot.send(staff, "https://meet.example.org/webinar");
        bot.awaitText(TestBot.STAFF_ID, "How many places");
        bot.send(staff, "0");
        bot.awaitText(TestBot.STAFF_ID, "whole number from 1");
        bot.send(staff, "-");
        bot.awaitText(TestBot.STAFF_ID, "Who is it for?");
        bot.tap(staff, "Monthly newsletter");
        assertThat(bot.awaitText(TestBot.STAFF_ID, "Preview").text()).contains("(0 members)")
                .contains("Wednesday 9 December 2026, 10:00 – 11:00");
        bot.tap(staff, "Throw away");
        bot.awaitText(TestBot.STAFF_ID, "nothing was announced");
        // Announce, sent again (an old button, or forged), finds no draft
        int preview = bot.telegram.messages(TestBot.STAFF_ID).get(bot.telegram.messages(TestBot.STAFF_ID).size() - 1)
                .messageId();
        bot.forge(staff, TestBot.STAFF_ID, preview, "ev:go");
        awaitCallback("no event being made");

        assertThat(events().coming()).isEmpty();
        assertThat(bot.store().outbox().byRef("event", 1)).isEmpty();
    }

    @Test
    @DisplayName("The audience is a topic's subscribers, narrowed by membership category and region as a newsletter's")
    void narrowedAudience() {
        bot.send(staff, "/newevent");
        for (String answer : List.of("Wales meet-up", "-", "9/12/2026 10:00", "12:00", "Cardiff", "-", "-")) {
            bot.awaitReply(TestBot.STAFF_ID, c -> c.is("sendmessage"));
            bot.send(staff, answer);
        }
        bot.awaitText(TestBot.STAFF_ID, "Who is it for?");
        bot.tap(staff, "Events and webinars");
        bot.awaitText(TestBot.STAFF_ID, "(3 members)");
        bot.tap(staff, "London");
        assertThat(bot.awaitText(TestBot.STAFF_ID, "(0 members)").text()).contains("Only: London");
        bot.tap(staff, "✓ London");
        bot.awaitText(TestBot.STAFF_ID, "(3 members)");
        bot.tap(staff, "Wales");
        bot.tap(staff, "Associate Member");
        assertThat(bot.awaitText(TestBot.STAFF_ID, "(0 members)").text()).contains("Only: Associate Member, Wales");
        bot.tap(staff, "✓ Associate Member");
        bot.tap(staff, "Full Member");
        bot.awaitText(TestBot.STAFF_ID, "Only: Full Member, Wales");
        bot.tap(staff, "Announce");
        assertThat(bot.awaitText(TestBot.STAFF_ID, "Announced to").text()).contains("Announced to 3 members");
        assertThat(events().coming().get(0).audience()).isEqualTo(new org.ccin.store.newsletters.Audience("events",
                java.util.Set.of(), java.util.Set.of("full"), java.util.Set.of("wales")));
    }

    @Test
    @DisplayName("In Welsh: making an event and the feed's name")
    void welshStaff() throws Exception {
        bot.store().members().recordContact(TestBot.STAFF_ID, "Sam", Optional.empty(), "cy");
        bot.send(staff, "/newevent");
        bot.awaitText(TestBot.STAFF_ID, "Beth yw ei deitl?");
        bot.send(bryn, "/calendar");
        String address = bot.awaitText(43, "ffrwd calendr").text();
        String body = get(feedPath(address), "").body();
        assertThat(Biweekly.parse(body).first().getExperimentalProperty("X-WR-CALNAME").getValue())
                .isEqualTo("Digwyddiadau CCIN");
    }

    // ------------------------------------------------------------------ helpers

    private List<String> texts(long chatId, String fragment) {
        return bot.telegram.calls("sendmessage").stream().filter(c -> c.ok() && c.chatId() == chatId)
                .map(ApiCall::text).filter(t -> t.contains(fragment)).toList();
    }

    private static VEvent onlyEvent(String ics) {
        ICalendar calendar = Biweekly.parse(ics).first();
        assertThat(calendar.getEvents()).hasSize(1);
        return calendar.getEvents().get(0);
    }

    private List<VEvent> feedOf(FakeUser user) throws Exception {
        bot.send(user, "/calendar");
        String address = bot.awaitText(user.id(), "calendar feed").text();
        HttpResponse<String> feed = get(feedPath(address), "");
        assertThat(feed.statusCode()).isEqualTo(200);
        return Biweekly.parse(feed.body()).first().getEvents();
    }

    private static String feedPath(String text) {
        Matcher path = Pattern.compile("(/calendar/[A-Za-z0-9_\\-]+\\.ics)").matcher(text);
        assertThat(path.find()).as(text).isTrue();
        return path.group(1);
    }

    /** The cells of each row of the table with this id. */
    private static List<List<String>> cells(String html, String tableId) {
        int start = html.indexOf("id=\"" + tableId + "\"");
        assertThat(start).as(tableId).isPositive();
        String table = html.substring(start, html.indexOf("</table>", start));
        List<List<String>> rows = new java.util.ArrayList<>();
        Matcher row = Pattern.compile("<tr[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(table);
        while (row.find()) {
            List<String> cells = new java.util.ArrayList<>();
            Matcher cell = Pattern.compile("<td>(.*?)</td>", Pattern.DOTALL).matcher(row.group(1));
            while (cell.find()) {
                cells.add(cell.group(1).trim());
            }
            if (!cells.isEmpty()) {
                rows.add(cells);
            }
        }
        return rows;
    }

    private String base() {
        return "http://127.0.0.1:" + bot.webPort();
    }

    private HttpResponse<String> get(String path, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).GET();
        if (!cookie.isEmpty()) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
