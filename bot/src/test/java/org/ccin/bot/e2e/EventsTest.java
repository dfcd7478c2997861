package org.ccin.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.ccin.bot.fakeapi.FakeUser;
import org.ccin.store.events.EventRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** /events, as a member asks for it through the fake Bot API. */
class EventsTest {
    @RegisterExtension
    final BotExtension bots = new BotExtension();

    private final TestBot bot = bots.bot();
    private EventRepository events;

    @BeforeEach
    void start() {
        events = new EventRepository(bot.store().database(), bot.clock);
    }

    @Test
    @DisplayName("With no events coming, /events says so and what to do")
    void noEvents() {
        FakeUser ada = bot.user(42, "Ada");

        bot.send(ada, "/events");

        assertThat(bot.awaitText(42, "no events").text()).contains("Look again soon");
    }

    @Test
    @DisplayName("/events lists the coming events soonest first, in the network's zone; past ones are left out")
    void listsComingInOrder() {
        // the test clock stands at Wednesday 25 November 2026, 12:00 UTC (12:00 in London)
        Instant now = bot.clock.instant();
        events.add("Policy Lab showcase", "", now.plus(Duration.ofDays(7)), now.plus(Duration.ofDays(7).plusHours(2)),
                Optional.empty(), Optional.of("https://meet.example.org/showcase"), Optional.empty(), 900);
        events.add("Annual meeting", "", now.plus(Duration.ofDays(2)), now.plus(Duration.ofDays(2).plusHours(3)),
                Optional.of("Oldham Civic Centre"), Optional.empty(), Optional.of(80), 900);
        events.add("Last week's webinar", "", now.minus(Duration.ofDays(7)), now.minus(Duration.ofDays(7)).plusSeconds(3600),
                Optional.empty(), Optional.empty(), Optional.empty(), 900);
        FakeUser ada = bot.user(42, "Ada");

        bot.send(ada, "/events");

        String text = bot.awaitText(42, "Coming events").text();
        assertThat(text).contains("<b>Annual meeting</b>\nFriday 27 November 2026, 12:00\nWhere: Oldham Civic Centre")
                .contains("<b>Policy Lab showcase</b>\nWednesday 2 December 2026, 12:00\nOnline:")
                .doesNotContain("webinar");
        assertThat(text.indexOf("Annual meeting")).isLessThan(text.indexOf("Policy Lab showcase"));
    }

    @Test
    @DisplayName("In Welsh, the list and its dates are in Welsh")
    void welsh() {
        Instant now = bot.clock.instant();
        events.add("Cyfarfod blynyddol", "", now.plus(Duration.ofDays(2)), now.plus(Duration.ofDays(2).plusHours(3)),
                Optional.of("Caerdydd"), Optional.empty(), Optional.empty(), 900);
        FakeUser dafydd = bot.telegram.addUser(FakeUser.of(77, "Dafydd").withLanguage("cy"));

        bot.send(dafydd, "/events");

        assertThat(bot.awaitText(77, "Digwyddiadau nesaf").text())
                .contains("<b>Cyfarfod blynyddol</b>\nDydd Gwener 27 Tachwedd 2026, 12:00\nBle: Caerdydd");
    }

    @Test
    @DisplayName("In Welsh, no events is said in Welsh")
    void welshNone() {
        FakeUser dafydd = bot.telegram.addUser(FakeUser.of(77, "Dafydd").withLanguage("cy"));

        bot.send(dafydd, "/events");

        assertThat(bot.awaitText(77, "Does dim digwyddiadau").text()).contains("holwch y staff");
    }
}
