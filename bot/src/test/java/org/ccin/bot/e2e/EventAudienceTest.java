package org.ccin.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import biweekly.component.VEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ccin.bot.fakeapi.ApiCall;
import org.ccin.bot.fakeapi.FakeUser;
import org.ccin.store.events.EventRepository;
import org.ccin.store.events.NewEvent;
import org.ccin.store.members.Profile;
import org.ccin.store.members.WorkRole;
import org.ccin.store.newsletters.Audience;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An event narrowed to some members, through the fake Bot API and real HTTP: those outside its audience do not see
 * it in /events, and a forged Open, answer or .ics tap (the event id is the client's choice) is refused and records
 * nothing; its .ics is not served to anyone and it is not in their feed; those inside see and answer it. A Going is
 * told only the reminders still to come, and gets the online link at once when it is due, even once it has started.
 */
class EventAudienceTest {
    @RegisterExtension
    final BotExtension bots = new BotExtension();

    private final TestBot bot = bots.bot();
    private final HttpClient http = HttpClient.newHttpClient();
    private FakeUser elin;
    private FakeUser femi;

    @BeforeEach
    void start() {
        elin = member(42, "Elin", "wales", "en");
        femi = member(43, "Femi", "london", "en");
    }

    private FakeUser member(long id, String name, String region, String language) {
        FakeUser user = bot.telegram.addUser(FakeUser.of(id, name).withLanguage(language));
        bot.store().members().recordContact(id, name, Optional.empty(), language);
        bot.store().members().saveProfile(id, new Profile(Optional.empty(), Optional.of("Cardiff Council"),
                Optional.of("full"), Optional.of(WorkRole.OFFICER), Optional.of(region)));
        return user;
    }

    private EventRepository events() {
        return new EventRepository(bot.store().database(), bot.clock);
    }

    /** An announced event starting after {@code fromNow}, lasting two hours, for this audience. */
    private long event(String title, Duration fromNow, Audience audience, Optional<String> link) {
        Instant start = bot.clock.instant().plus(fromNow);
        long id = events().add(new NewEvent(title, "", start, start.plus(Duration.ofHours(2)),
                link.isPresent() ? Optional.empty() : Optional.of("Cardiff"), link, Optional.empty(), audience), 900);
        events().announce(id, List.of(), recipient -> null);
        return id;
    }

    private ApiCall awaitCallback(String fragment) {
        return bot.awaitAnswer(c -> c.is("answercallbackquery") && c.param("text").orElse("").contains(fragment));
    }

    @Test
    @DisplayName("Outside the audience: not listed, forged Open / Going / .ics refused, no file, not in the feed")
    void outsideTheAudience() throws Exception {
        long wales = event("Wales meet-up", Duration.ofDays(3), new Audience("events", Set.of(), Set.of(),
                Set.of("wales")), Optional.empty());
        long everyone = event("Network webinar", Duration.ofDays(4), Audience.of("events"), Optional.empty());

        bot.send(femi, "/events");
        ApiCall list = bot.awaitText(43, "Coming events");
        assertThat(list.text()).contains("Network webinar").doesNotContain("Wales meet-up");
        int message = list.resultMessageId().orElseThrow();

        bot.forge(femi, 43, message, "ev:o:" + wales);
        awaitCallback("for some members only");
        bot.forge(femi, 43, message, "ev:a:" + wales + ":GOING");
        awaitCallback("for some members only");
        bot.forge(femi, 43, message, "ev:ics:" + wales);
        awaitCallback("for some members only");
        long femiId = bot.store().members().findByTelegramId(43).orElseThrow().id();
        assertThat(bot.countInDatabase("SELECT count(*) FROM event_replies WHERE member_id = " + femiId)).isZero();
        assertThat(bot.telegram.calls("senddocument")).isEmpty();

        assertThat(get("/events/" + wales + ".ics").statusCode()).isEqualTo(404);
        assertThat(get("/events/" + everyone + ".ics").statusCode()).isEqualTo(200);
        assertThat(feedOf(femi)).extracting(e -> e.getSummary().getValue()).containsExactly("Network webinar");

        // inside: Elin sees both, opens the narrowed one and answers it
        bot.send(elin, "/events");
        assertThat(bot.awaitText(42, "Coming events").text()).contains("Wales meet-up").contains("Network webinar");
        bot.tap(elin, "Wales meet-up");
        bot.awaitText(42, "Wales meet-up");
        bot.tap(elin, "Going");
        awaitCallback("the day before and an hour before");
        assertThat(feedOf(elin)).extracting(e -> e.getSummary().getValue())
                .containsExactly("Wales meet-up", "Network webinar");
    }

    @Test
    @DisplayName("Going tells only what is still to come; once the link is due it comes at once, under way too")
    void honestGoingAndLateLink() {
        Audience all = Audience.of("events");
        long today = event("Evening forum", Duration.ofHours(5), all, Optional.empty());
        long soon = event("Lunch webinar", Duration.ofMinutes(10), all, Optional.of("https://meet.example.org/lunch"));
        long started = event("Morning webinar", Duration.ofMinutes(-30), all,
                Optional.of("https://meet.example.org/morning"));

        bot.send(elin, "/events");
        bot.awaitText(42, "Coming events");
        bot.tap(elin, "Evening forum");
        bot.awaitText(42, "Evening forum");
        bot.tap(elin, "Going");
        ApiCall answer = awaitCallback("You're going");
        assertThat(answer.param("text").orElseThrow()).contains("an hour before").doesNotContain("the day before");

        bot.send(elin, "/events");
        bot.awaitText(42, "Coming events");
        bot.tap(elin, "Lunch webinar");
        bot.awaitText(42, "Lunch webinar");
        bot.tap(elin, "Going");
        assertThat(awaitCallback("You're going").param("text").orElseThrow()).contains("starts within the hour")
                .contains("join link is on its way");
        assertThat(bot.awaitText(42, "Join here").text()).contains("https://meet.example.org/lunch");

        bot.send(elin, "/events");
        bot.awaitText(42, "Coming events");
        bot.tap(elin, "Morning webinar");
        bot.awaitText(42, "Morning webinar");
        bot.tap(elin, "Going");
        assertThat(awaitCallback("You're going").param("text").orElseThrow()).contains("already started");
        assertThat(bot.awaitText(42, "meet.example.org/morning").text()).contains("Join here");

        // the routine afterwards sends neither link again
        bot.runRoutine("event-reminders");
        assertThat(bot.store().outbox().byRef("event", soon)).filteredOn(r -> r.dedupeKey().contains(":link:"))
                .hasSize(1);
        assertThat(bot.store().outbox().byRef("event", started)).filteredOn(r -> r.dedupeKey().contains(":link:"))
                .hasSize(1);
        assertThat(bot.store().outbox().byRef("event", started)).filteredOn(r -> r.dedupeKey().contains(":hour:"))
                .as("no 'starts within the hour' once it has started").isEmpty();
        assertThat(bot.store().outbox().byRef("event", today)).isNotEmpty();
    }

    private List<VEvent> feedOf(FakeUser user) throws Exception {
        bot.send(user, "/calendar");
        String address = bot.awaitText(user.id(), "calendar feed").text();
        Matcher path = Pattern.compile("(/calendar/[A-Za-z0-9_\\-]+\\.ics)").matcher(address);
        assertThat(path.find()).as(address).isTrue();
        HttpResponse<String> feed = get(path.group(1));
        assertThat(feed.statusCode()).isEqualTo(200);
        return Biweekly.parse(feed.body()).first().getEvents();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.webPort() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
