package org.ccin.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.ccin.bot.fakeapi.FakeUser;
import org.ccin.store.members.Profile;
import org.ccin.store.members.WorkRole;
import org.ccin.store.newsletters.Newsletter;
import org.ccin.store.newsletters.NewsletterStatus;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The desk's "Yes, delete" and "Yes, stop it" cannot be undone: each carries a one-time id of its one request, so an
 * old-format, made-up, used, expired, borrowed (another newsletter's) or someone else's Yes changes nothing.
 */
class NewsletterConfirmationsTest {
    private static final String STALE = "out of date or was used already, so nothing changed";
    /** A Yes lasts 15 minutes: this is a minute longer. */
    private static final Duration TOO_LATE = Duration.ofMinutes(16);

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

    private int lastScreen() {
        return bot.telegram.lastBotMessage(staff.id()).orElseThrow().messageId();
    }
}
