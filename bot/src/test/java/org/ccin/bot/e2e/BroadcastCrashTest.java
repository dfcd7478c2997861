package org.ccin.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.ccin.bot.fakeapi.FakeUser;
import org.ccin.store.members.Member;
import org.ccin.store.newsletters.Content;
import org.ccin.store.newsletters.Media;
import org.ccin.store.newsletters.NewsletterStatus;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bot runs as its own process (the real jar's main class), starts a newsletter, and is killed (SIGKILL) in the
 * middle of it; started again on the same database, it carries on: nobody is skipped, and only a message whose call
 * was under way at the moment of the kill may arrive twice.
 */
class BroadcastCrashTest {
    private static final int RECIPIENTS = 150;

    @RegisterExtension
    final BotExtension bots = BotExtension.startedByTheTest();

    private TestBot bot;
    private Process child;

    @Test
    @DisplayName("Killed in the middle of a broadcast and started again: it continues, nobody skipped, nobody twice "
            + "except calls in flight at the kill")
    void killAndResume() throws Exception {
        List<FakeUser> members = startBotWithSubscribers();
        long id = startBroadcastInChild();
        bots.killChildProcess();
        int deliveredBeforeKill = received();
        assertThat(deliveredBeforeKill).isLessThan(RECIPIENTS);

        // the outbox as the killed process left it: how many calls were under way
        long inFlightAtKill = bot.countInDatabase("SELECT count(*) FROM outbox WHERE kind = 'newsletter' "
                + "AND status = 'SENDING' AND called_at IS NOT NULL");
        takeBackUntilSent(id);

        int twice = 0;
        for (FakeUser member : members) {
            long copies = copies(member.id());
            assertThat(copies).as("copies received by " + member.firstName()).isBetween(1L, 2L);
            if (copies == 2) {
                twice++;
            }
        }
        assertThat(twice).as("members who got it twice").isLessThanOrEqualTo((int) inFlightAtKill);
        // staff's report says how many may have it twice: the calls under way at the kill, each sent again
        long resent = bot.countInDatabase("SELECT count(*) FROM outbox WHERE kind = 'newsletter' "
                + "AND resent_after_crash = 1");
        assertThat(resent).as("sent again after the kill").isEqualTo(inFlightAtKill);
        if (resent > 0) {
            String mayHaveItTwice = resent == 1 ? "1 was being sent when the bot stopped suddenly"
                    : resent + " were being sent when the bot stopped suddenly";
            Eventually.await("the report says " + mayHaveItTwice, () -> bot.telegram.messages(TestBot.STAFF_ID)
                    .stream().anyMatch(m -> m.fromBot() && m.text().contains(mayHaveItTwice)));
        }
        System.out.printf("crash test: %d delivered before the kill, %d calls in flight at the kill, %d received twice%n",
                deliveredBeforeKill, inFlightAtKill, twice);
    }

    @Test
    @DisplayName("SIGTERM in the middle of a broadcast: the bot exits within 10 seconds, leaves no row sending, and "
            + "after the restart everyone gets it exactly once")
    void sigtermLeavesNothingHalfSent() throws Exception {
        List<FakeUser> members = startBotWithSubscribers();
        long id = startBroadcastInChild();
        child.destroy();
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).as("exited within 10 seconds of SIGTERM").isTrue();
        assertThat(received()).isLessThan(RECIPIENTS);
        assertThat(bot.countInDatabase("SELECT count(*) FROM outbox WHERE status = 'SENDING'"))
                .as("rows left sending").isZero();

        takeBackUntilSent(id);
        for (FakeUser member : members) {
            assertThat(copies(member.id())).as("copies received by " + member.firstName()).isEqualTo(1);
        }
    }

    /**
     * The bot's own process starts a newsletter to the subscribers (staff tap Send), and a third of them have it.
     * @return the newsletter's id
     */
    private long startBroadcastInChild() throws Exception {
        FakeUser staff = bot.user(TestBot.STAFF_ID, "Sam");
        long id = bot.store().newsletters().issues().createDraft(new Content("Crash news", "<b>Crash news</b> for all",
                Media.TEXT, Optional.empty(), List.of()), "monthly", staff.id());
        child = bots.handToChildProcess();
        bot.send(staff, "/newsletter");
        bot.telegram.awaitCall(c -> c.chatId() == staff.id() && c.text().contains("Newsletters"), Duration.ofSeconds(60));
        bot.forge(staff, staff.id(), 1, "nl:s:" + id);
        String yes = bot.telegram.awaitCall(c -> c.chatId() == staff.id() && c.text().contains("Send “Crash news”"),
                Duration.ofSeconds(60)).callbackData("✅ Yes, send now");
        bot.forge(staff, staff.id(), 1, yes);
        Eventually.await("a third delivered", () -> received() >= RECIPIENTS / 3, Duration.ofSeconds(60));
        return id;
    }

    /** The bot started again in the test's process, and the newsletter finished by it. */
    private void takeBackUntilSent(long id) {
        bots.takeBack();
        Eventually.await("the newsletter finished",
                () -> bot.store().newsletters().issues().find(id).orElseThrow().status() == NewsletterStatus.SENT,
                Duration.ofSeconds(60));
    }

    /** Starts the bot with RECIPIENTS registered subscribers of the monthly newsletter. */
    private List<FakeUser> startBotWithSubscribers() {
        bot = bots.start("sending:\n  globalPerSecond: 20\n  privateChatPerSecond: 50\n");
        List<FakeUser> members = new ArrayList<>();
        for (int i = 1; i <= RECIPIENTS; i++) {
            FakeUser user = bot.user(5000 + i, "Member" + i);
            Member member = bot.registered(user);
            bot.store().newsletters().subscriptions().subscribe(member.id(), "monthly", "I agree", "en");
            members.add(user);
        }
        return members;
    }

    private int received() {
        int count = 0;
        for (int i = 1; i <= RECIPIENTS; i++) {
            count += copies(5000 + i) > 0 ? 1 : 0;
        }
        return count;
    }

    private long copies(long chatId) {
        return bot.telegram.messages(chatId).stream().filter(m -> m.fromBot() && m.text().startsWith("Crash news"))
                .count();
    }
}
