package org.ccin.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ccin.bot.fakeapi.FakeUser;
import org.ccin.store.members.Profile;
import org.ccin.store.members.WorkRole;
import org.ccin.store.newsletters.Newsletter;
import org.ccin.store.newsletters.NewsletterRepository;
import org.ccin.store.newsletters.NewsletterStatus;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The desk's "Yes, delete" and "Yes, stop it" cannot be undone, and "Yes, send now" and "Yes, schedule it" reach many
 * people: each carries a one-time id of its one request, so an old-format, made-up, used, expired, borrowed (another
 * newsletter's) or someone else's Yes changes nothing; a send or schedule Yes shown before the draft changed (its
 * text, its audience) sends nothing and says so.
 */
class NewsletterConfirmationsTest {
    private static final String STALE = "out of date or was used already, so nothing changed";
    /** A Yes lasts 15 minutes: this is a minute longer. */
    private static final Duration TOO_LATE = Duration.ofMinutes(16);
    private static final String CHANGED = "This draft changed since you asked";

    @RegisterExtension
    final BotExtension bots = BotExtension.startedByTheTest();

    private final TestBot bot = bots.bot();
    private final FakeUser staff = bot.user(TestBot.STAFF_ID, "Sam");

    private void start(String yaml) {
        bots.start(yaml);
    }

    private long draft(String title) {
        bot.send(staff, "/newsletter");
        bot.awaitText(staff.id(), "just send it to me now");
        bot.act(() -> bot.telegram.userFormattedMessage(staff, "<b>" + title + "</b>\nNews of the network."));
        bot.awaitText(staff.id(), "Saved as a draft");
        return bot.store().newsletters().issues().unfinished().stream()
                .filter(n -> n.content().title().equals(title)).findFirst().orElseThrow().id();
    }

    private Optional<Newsletter> find(long id) {
        return bot.store().newsletters().issues().find(id);
    }

    private void awaitAlert(String fragment) {
        bot.awaitAnswer(c -> c.is("answercallbackquery") && c.param("text").orElse("").contains(fragment));
    }

    /** Taps Delete on the newest card and returns the data of its "Yes, delete". */
    private String askDelete(String title) {
        bot.tap(staff, "🗑 Delete");
        return bot.awaitText(staff.id(), "Delete the draft “" + title + "”?").callbackData("🗑 Yes, delete");
    }

    @Test
    @DisplayName("Delete: only the Yes of this request, by whom it was shown to, for this draft, in time, deletes it")
    void deleteNeedsItsOwnFreshYes() {
        start("");
        long other = draft("Other news");
        long id = draft("December news");
        String yes = askDelete("December news");
        assertThat(yes).startsWith("nl:dly:" + id + ":").hasSizeLessThanOrEqualTo(64);
        int screen = lastScreen();

        // the old button (no id), this Yes borrowed for another draft, and a made-up id
        bot.forge(staff, staff.id(), screen, "nl:dly:" + id);
        awaitAlert("That button is out of date");
        bot.forge(staff, staff.id(), screen, yes.replace("nl:dly:" + id + ":", "nl:dly:" + other + ":"));
        awaitAlert(STALE);
        bot.forge(staff, staff.id(), screen, "nl:dly:" + id + ":AAAAAAAAAAAAAAAA");
        awaitAlert(STALE);
        bot.awaitReply(staff.id(), c -> c.text().contains("December news") && TestBot.buttons(c).contains("🗑 Delete"));
        // someone who is not staff, with the real Yes
        FakeUser member = bot.user(77, "Mallory");
        bot.forge(member, member.id(), 1, yes);
        awaitAlert("Only the network's staff");
        assertThat(find(id)).isPresent();
        assertThat(find(other)).isPresent();

        // the refusals showed the card again: asked again, a new Yes deletes; neither Yes does anything after
        String again = askDelete("December news");
        assertThat(again).isNotEqualTo(yes);
        bot.tap(staff, "🗑 Yes, delete");
        bot.awaitText(staff.id(), "“December news” is deleted.");
        assertThat(find(id)).isEmpty();
        for (String used : new String[]{yes, again}) {
            bot.forge(staff, staff.id(), screen, used);
            awaitAlert("That newsletter is gone");
        }
        assertThat(find(other)).isPresent();
    }

    @Test
    @DisplayName("Delete: a Yes left for longer than it lasts deletes nothing; asking again gives a new one that does")
    void deleteYesExpires() {
        start("");
        long id = draft("December news");
        String first = askDelete("December news");
        bot.clock.advance(TOO_LATE);
        bot.tap(staff, "🗑 Yes, delete");
        awaitAlert(STALE);
        // and shows the draft's card again, from where Delete asks anew
        bot.awaitReply(staff.id(), c -> TestBot.buttons(c).contains("🗑 Delete"));
        assertThat(find(id)).hasValueSatisfying(n -> assertThat(n.status()).isEqualTo(NewsletterStatus.DRAFT));

        String second = askDelete("December news");
        assertThat(second).isNotEqualTo(first);
        bot.tap(staff, "🗑 Yes, delete");
        bot.awaitText(staff.id(), "“December news” is deleted.");
        assertThat(find(id)).isEmpty();
    }

    @Test
    @DisplayName("Cancel: a made-up, expired or someone else's Yes stops nothing; the real one stops it, once")
    void cancelNeedsItsOwnFreshYes() {
        start("sending:\n  globalPerSecond: 5\n  privateChatPerSecond: 50\n");
        for (int i = 1; i <= 20; i++) {
            long userId = 2000 + i;
            bot.user(userId, "Member" + i);
            bot.store().members().recordContact(userId, "Member" + i, Optional.empty(), "en");
            long member = bot.store().members().saveProfile(userId, new Profile(Optional.empty(),
                    Optional.of("A council"), Optional.of("full"), Optional.of(WorkRole.OFFICER),
                    Optional.of("london"))).id();
            bot.store().newsletters().subscriptions().subscribe(member, "monthly", "I agree", "en");
        }
        long id = draft("December news");
        String send = bot.telegram.lastBotMessage(staff.id()).orElseThrow().buttons().stream()
                .flatMap(java.util.List::stream).filter(b -> b.startsWith("🚀 Send to ")).findFirst().orElseThrow();
        bot.tap(staff, send);
        bot.awaitText(staff.id(), "🚀 Send “");
        bot.tap(staff, "✅ Yes, send now");
        bot.awaitText(staff.id(), "is going out to");
        // paused, so that it stays where it is while the wrong Yes buttons are tried
        bot.tap(staff, "⏸ Pause");
        bot.awaitText(staff.id(), "Paused.");

        bot.tap(staff, "✖ Cancel");
        String expired = bot.awaitText(staff.id(), "Stop “December news” for good?").callbackData("✖ Yes, stop it");
        assertThat(expired).startsWith("nl:cay:" + id + ":");
        int screen = lastScreen();
        bot.forge(staff, staff.id(), screen, "nl:cay:" + id);
        awaitAlert("That button is out of date");
        bot.forge(staff, staff.id(), screen, "nl:cay:" + id + ":AAAAAAAAAAAAAAAA");
        awaitAlert(STALE);
        // a refused Yes shows the report again, with its Cancel
        bot.awaitReply(staff.id(), c -> TestBot.buttons(c).contains("✖ Cancel"));
        FakeUser member = bot.user(78, "Mallory");
        bot.forge(member, member.id(), 1, expired);
        awaitAlert("Only the network's staff");
        bot.clock.advance(TOO_LATE);
        bot.forge(staff, staff.id(), screen, expired);
        awaitAlert(STALE);
        assertThat(find(id).orElseThrow().status()).isEqualTo(NewsletterStatus.PAUSED);

        bot.tap(staff, "✖ Cancel");
        String yes = bot.awaitText(staff.id(), "Stop “December news” for good?").callbackData("✖ Yes, stop it");
        bot.tap(staff, "✖ Yes, stop it");
        bot.awaitText(staff.id(), "Stopped for good.");
        assertThat(find(id).orElseThrow().status()).isEqualTo(NewsletterStatus.CANCELLED);
        // used once: the same Yes again is refused and the report stays as it is
        bot.forge(staff, staff.id(), screen, yes);
        awaitAlert(STALE);
        assertThat(find(id).orElseThrow().status()).isEqualTo(NewsletterStatus.CANCELLED);
    }

    // ------------------------------------------------------------------ send now and schedule

    /** Registered members, subscribed to the monthly newsletter, all in London (straight in the store). */
    private void subscribers(int count, String region) {
        for (int i = 1; i <= count; i++) {
            long userId = (region.equals("london") ? 3000 : 4000) + i;
            bot.user(userId, "Member" + i);
            bot.store().members().recordContact(userId, "Member" + i, Optional.empty(), "en");
            long member = bot.store().members().saveProfile(userId, new Profile(Optional.empty(),
                    Optional.of("A council"), Optional.of("full"), Optional.of(WorkRole.OFFICER),
                    Optional.of(region))).id();
            bot.store().newsletters().subscriptions().subscribe(member, "monthly", "I agree", "en");
        }
    }

    /** Taps the Send button of the newest card and returns the data of its "Yes, send now". */
    private String askSend(String title) {
        String send = bot.telegram.lastBotMessage(staff.id()).orElseThrow().buttons().stream()
                .flatMap(List::stream).filter(b -> b.startsWith("🚀 Send to ")).findFirst().orElseThrow();
        bot.tap(staff, send);
        return bot.awaitText(staff.id(), "🚀 Send “" + title + "”").callbackData("✅ Yes, send now");
    }

    /** Taps Schedule on the newest card, types the time and returns the data of its "Yes, schedule it". */
    private String askSchedule(String time) {
        bot.tap(staff, "🕘 Schedule");
        bot.awaitText(staff.id(), "When should it go out?");
        bot.send(staff, time);
        return bot.awaitText(staff.id(), "to the subscribers of that moment").callbackData("✅ Yes, schedule it");
    }

    private int queued(long id) {
        return bot.store().outbox().byRef(NewsletterRepository.KIND, id).size();
    }

    private void assertNothingSent(long id) {
        assertThat(find(id).orElseThrow().status()).isEqualTo(NewsletterStatus.DRAFT);
        assertThat(queued(id)).isZero();
    }

    @Test
    @DisplayName("Send: an old-format, made-up, borrowed, expired or someone else's Yes sends nothing")
    void forgedSendYesSendsNothing() {
        start("");
        subscribers(2, "london");
        long other = draft("Other news");
        long id = draft("December news");
        String yes = askSend("December news");
        assertThat(yes).startsWith("nl:go:" + id + ":").hasSizeLessThanOrEqualTo(64);
        int screen = lastScreen();

        // the button as it was before it carried an id: what a forger who knows the id types
        bot.forge(staff, staff.id(), screen, "nl:go:" + id);
        awaitAlert("That button is out of date");
        bot.forge(staff, staff.id(), screen, "nl:go:" + id + ":AAAAAAAAAAAAAAAA");
        awaitAlert(STALE);
        // the refusal shows the draft's card again, with its Send
        bot.awaitReply(staff.id(), c -> c.text().contains("December news")
                && TestBot.buttons(c).stream().anyMatch(b -> b.startsWith("🚀 Send to ")));
        bot.forge(staff, staff.id(), screen, yes.replace("nl:go:" + id + ":", "nl:go:" + other + ":"));
        awaitAlert(STALE);
        FakeUser member = bot.user(79, "Mallory");
        bot.forge(member, member.id(), 1, yes);
        awaitAlert("Only the network's staff");
        bot.clock.advance(TOO_LATE);
        bot.forge(staff, staff.id(), screen, yes);
        awaitAlert(STALE);
        bot.awaitReply(staff.id(), c -> c.text().contains("December news")
                && TestBot.buttons(c).stream().anyMatch(b -> b.startsWith("🚀 Send to ")));
        assertNothingSent(id);
        assertNothingSent(other);

        // asked again from the card the refusals showed, its own Yes sends it
        askSend("December news");
        bot.tap(staff, "✅ Yes, send now");
        bot.awaitText(staff.id(), "is going out to 2 people");
        assertThat(queued(id)).isEqualTo(2);
        assertNothingSent(other);
    }

    @Test
    @DisplayName("Send: a Yes shown before the text changed sends nothing and says so; asked again, it sends the new text")
    void sendYesBeforeAnEditSendsNothing() {
        start("");
        subscribers(2, "london");
        long id = draft("December news");
        String yes = askSend("December news");
        int screen = lastScreen();

        bot.tap(staff, "⬅️ Back");
        bot.awaitReply(staff.id(), c -> TestBot.buttons(c).contains("✏️ Change text"));
        bot.tap(staff, "✏️ Change text");
        bot.awaitText(staff.id(), "Send me the newsletter");
        bot.act(() -> bot.telegram.userFormattedMessage(staff, "<b>December news</b>\nCorrected news."));
        bot.awaitText(staff.id(), "The text is changed.");

        bot.forge(staff, staff.id(), screen, yes);
        awaitAlert(CHANGED);
        assertNothingSent(id);
        // spent: tapped again, it is refused as any used Yes
        bot.forge(staff, staff.id(), screen, yes);
        awaitAlert(STALE);
        assertNothingSent(id);

        String again = askSend("December news");
        assertThat(again).isNotEqualTo(yes);
        bot.tap(staff, "✅ Yes, send now");
        bot.awaitText(staff.id(), "is going out to 2 people");
        assertThat(find(id).orElseThrow().content().body()).contains("Corrected news.");
    }

    @Test
    @DisplayName("Send: a Yes shown for a narrow audience sends nothing once the audience was widened")
    void sendYesBeforeTheAudienceWidenedSendsNothing() {
        start("");
        subscribers(1, "london");
        subscribers(3, "wales");
        long id = draft("December news");
        bot.tap(staff, "🎯 Audience");
        bot.awaitText(staff.id(), "That is <b>4</b> people now");
        bot.tap(staff, "📍 Regions");
        bot.awaitText(staff.id(), "Only members in the regions");
        bot.tap(staff, "▫️ London");
        bot.awaitText(staff.id(), "That is <b>1</b> person now");
        bot.tap(staff, "⬅️ Back");
        bot.awaitReply(staff.id(), c -> TestBot.buttons(c).contains("✅ Done"));
        bot.tap(staff, "✅ Done");
        bot.awaitReply(staff.id(), c -> TestBot.buttons(c).contains("🚀 Send to Monthly newsletter (1 person)"));
        String yes = askSend("December news");
        bot.awaitText(staff.id(), "to <b>1</b> person now?");
        int screen = lastScreen();

        // widened again to everyone, in another message, while the Yes for one person is still on the screen
        bot.forge(staff, staff.id(), screen, "nl:r:" + id + ":london");
        bot.awaitText(staff.id(), "That is <b>4</b> people now");
        bot.forge(staff, staff.id(), screen, yes);
        awaitAlert(CHANGED);
        assertNothingSent(id);
    }

    @Test
    @DisplayName("Send: Yes tapped twice sends once")
    void sendYesTwiceSendsOnce() {
        start("");
        subscribers(3, "london");
        long id = draft("December news");
        String yes = askSend("December news");
        int screen = lastScreen();
        bot.tap(staff, "✅ Yes, send now");
        bot.awaitText(staff.id(), "is going out to 3 people");
        bot.forge(staff, staff.id(), screen, yes);
        awaitAlert(STALE);
        assertThat(queued(id)).isEqualTo(3);
        assertThat(find(id).orElseThrow().status()).isIn(NewsletterStatus.SENDING, NewsletterStatus.SENT);
    }

    @Test
    @DisplayName("Schedule: a made-up, re-timed, expired, someone else's or used Yes schedules nothing; its own, once")
    void scheduleNeedsItsOwnFreshYes() {
        start("");
        subscribers(1, "london");
        long id = draft("December news");
        String yes = askSchedule("2026-11-26 09:00");
        long at = Instant.parse("2026-11-26T09:00:00Z").getEpochSecond();
        String prefix = "nl:sco:" + id + ":" + at + ":";
        assertThat(yes).startsWith(prefix).hasSizeLessThanOrEqualTo(64);
        int screen = lastScreen();

        bot.forge(staff, staff.id(), screen, "nl:sco:" + id + ":" + at);
        awaitAlert("That button is out of date");
        bot.forge(staff, staff.id(), screen, prefix + "AAAAAAAAAAAAAAAA");
        awaitAlert(STALE);
        // its own id, for another time than the one shown
        bot.forge(staff, staff.id(), screen, yes.replace(":" + at + ":", ":" + (at + 86_400) + ":"));
        awaitAlert(STALE);
        FakeUser member = bot.user(80, "Mallory");
        bot.forge(member, member.id(), 1, yes);
        awaitAlert("Only the network's staff");
        assertThat(find(id).orElseThrow().status()).isEqualTo(NewsletterStatus.DRAFT);
        assertThat(find(id).orElseThrow().scheduledAt()).isEmpty();

        // none of those used it: the Yes itself schedules it, once; after Unschedule it schedules nothing again
        bot.forge(staff, staff.id(), screen, yes);
        bot.awaitText(staff.id(), "Scheduled for Thursday 26 November 2026, 09:00");
        assertThat(find(id).orElseThrow().status()).isEqualTo(NewsletterStatus.SCHEDULED);
        bot.tap(staff, "↩️ Cancel the schedule");
        bot.awaitText(staff.id(), "Not scheduled any more");
        bot.forge(staff, staff.id(), screen, yes);
        awaitAlert(STALE);
        assertThat(find(id).orElseThrow().status()).isEqualTo(NewsletterStatus.DRAFT);
        assertThat(find(id).orElseThrow().scheduledAt()).isEmpty();

        String late = askSchedule("2026-11-26 09:00");
        bot.clock.advance(TOO_LATE);
        bot.forge(staff, staff.id(), lastScreen(), late);
        awaitAlert(STALE);
        assertThat(find(id).orElseThrow().scheduledAt()).isEmpty();
    }

    @Test
    @DisplayName("Schedule: a Yes shown before the text changed schedules nothing and says so")
    void scheduleYesBeforeAnEditSchedulesNothing() {
        start("");
        subscribers(1, "london");
        long id = draft("December news");
        String yes = askSchedule("2026-11-26 09:00");
        int screen = lastScreen();
        bot.tap(staff, "⬅️ Back");
        bot.awaitReply(staff.id(), c -> TestBot.buttons(c).contains("✏️ Change text"));
        bot.tap(staff, "✏️ Change text");
        bot.awaitText(staff.id(), "Send me the newsletter");
        bot.act(() -> bot.telegram.userFormattedMessage(staff, "<b>December news</b>\nCorrected news."));
        bot.awaitText(staff.id(), "The text is changed.");

        bot.forge(staff, staff.id(), screen, yes);
        awaitAlert("This draft changed since you asked — nothing was scheduled");
        assertThat(find(id).orElseThrow().status()).isEqualTo(NewsletterStatus.DRAFT);
        assertThat(find(id).orElseThrow().scheduledAt()).isEmpty();

        askSchedule("2026-11-26 09:00");
        bot.tap(staff, "✅ Yes, schedule it");
        bot.awaitText(staff.id(), "Scheduled for Thursday 26 November 2026, 09:00");
        assertThat(find(id).orElseThrow().status()).isEqualTo(NewsletterStatus.SCHEDULED);
    }

    private int lastScreen() {
        return bot.telegram.lastBotMessage(staff.id()).orElseThrow().messageId();
    }
}
